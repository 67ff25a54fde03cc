import FluentKit
import Foundation
import SunlightCore

/// 当事人比对摘要 — the keyed digests of parties' ID numbers, in `case_parties.lookup_digest` (M015).
extension FluentCaseRepository {
    func setLookup(_ digest: String?, party: CaseParty.ID) async throws {
        try await CasePartyModel.query(on: database).filter(\.$id == party).set(\.$lookupDigest, to: digest).update()
    }

    func lookups(of caseID: EnforcementCase.ID) async throws -> [CaseParty.ID: String] {
        let rows = try await CasePartyModel.query(on: database).filter(\.$caseID == caseID).filter(\.$lookupDigest != nil).all()
        var result: [CaseParty.ID: String] = [:]
        for row in rows { if let id = row.id, let digest = row.lookupDigest { result[id] = digest } }
        return result
    }

    func cases(withLookups digests: Set<String>) async throws -> [EnforcementCase.ID] {
        var ids: Set<EnforcementCase.ID> = []
        for chunk in Array(digests).chunked(500) {
            ids.formUnion(try await CasePartyModel.query(on: database).filter(\.$lookupDigest ~~ chunk).all().map(\.caseID))
        }
        return ids.sorted { $0.uuidString < $1.uuidString }
    }
}
