import Foundation

/// 执法监督 — complaints, transfers, coordination, inspections, instruments, clues, statistics,
/// referrals, guiding cases and assessment (SUP-*).
public struct SupervisionUseCases: UseCaseArea {
    let kernel: UseCaseKernel
    let organisations: OrganisationUseCases
    let cases: CaseUseCases
    let publicity: PublicityUseCases
    let reviews: ReviewUseCases
}
