import Foundation

/// 机构与人员 — the organisation tree, the installation, staff accounts and roles.
public struct OrganisationUseCases: UseCaseArea {
    let kernel: UseCaseKernel
    let passwords: any PasswordHasher
}
