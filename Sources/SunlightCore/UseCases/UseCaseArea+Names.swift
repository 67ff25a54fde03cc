import Foundation

/// 人员 — a member of staff as a page names them (a form's choice, who took a step).
public struct PersonName: Sendable, Equatable {
    public let id: StaffUser.ID
    public let name: String

    public init(id: StaffUser.ID, name: String) {
        self.id = id
        self.name = name
    }
}

extension UseCaseArea {
    /// The names of these organisations, in one query (organisations are public, PUB-1).
    public func organisationNames(_ ids: some Sequence<Organisation.ID>) async throws -> [Organisation.ID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(try await store.organisations.find(ids: unique).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The display names of these staff, in one query — for read models that say who did what.
    func userNames(_ ids: some Sequence<StaffUser.ID>) async throws -> [StaffUser.ID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(try await store.users.find(ids: unique).map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
    }

    /// Case numbers, in one query — for read models that list records of several cases.
    func caseNumbers(_ ids: some Sequence<EnforcementCase.ID>) async throws -> [EnforcementCase.ID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(try await store.cases.find(ids: unique).map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
    }
}
