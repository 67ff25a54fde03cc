import Foundation

/// 全过程记录 — cases from opening to archive: documents, evidence, case files and the log's
/// proofs (REC-*). It asks the review gate before a decision and the published lists when a
/// case opens.
public struct CaseUseCases: UseCaseArea {
    let kernel: UseCaseKernel
    let blobs: any BlobStore
    let access: AccessUseCases
    let standards: StandardsUseCases
    let publicity: PublicityUseCases
    let reviews: ReviewUseCases
}
