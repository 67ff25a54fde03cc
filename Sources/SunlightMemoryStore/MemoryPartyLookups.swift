import Foundation
import SunlightCore

/// 当事人比对摘要 in memory, as `case_parties.lookup_digest` keeps them.
extension MemoryCaseRepository {
    func setLookup(_ digest: String?, party: CaseParty.ID) async throws {
        try await context.write { t in
            guard t.parties.contains(where: { $0.id == party }) else { return }
            t.partyLookups[party] = digest
        }
    }

    func lookups(of caseID: EnforcementCase.ID) async throws -> [CaseParty.ID: String] {
        context.read { t in t.partyLookups.filter { id, _ in t.parties.contains { $0.id == id && $0.caseID == caseID } } }
    }

    func cases(withLookups digests: Set<String>) async throws -> [EnforcementCase.ID] {
        context.read { t in
            let parties = Set(t.partyLookups.filter { digests.contains($0.value) }.keys)
            return Array(Set(t.parties.filter { parties.contains($0.id) }.map(\.caseID)))
        }.sorted { UUID.ascending($0, $1) }
    }
}
