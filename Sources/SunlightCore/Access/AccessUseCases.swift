import Foundation

/// 账号与访问 — logins, sessions, API tokens and the access log (REC-11).
public struct AccessUseCases: UseCaseArea {
    let kernel: UseCaseKernel
    let passwords: any PasswordHasher
    let organisations: OrganisationUseCases
}
