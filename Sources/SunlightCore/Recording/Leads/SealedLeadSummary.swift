import Foundation
import SunlightLedger

/// 线索内容封存 — a lead's summary (线索内容) commonly names the party (“王小明在龙川街无照经营”):
/// from content version 2 of `case_leads` the log commits to its salted hash, as for the
/// lead's party; the row keeps the summary for the register and the lead's page; erased by law,
/// row and value read “（已依法删除）” (REC-5; issue 15 item 8). Version 1 (the state as
/// stored, summary in the clear) verifies older leaves; a lead registered before keeps its
/// summary in the clear.
extension CaseLead: SealingState {
    static let summaryField = "summary"

    /// Content version 2: the state with the summary as its commitment when `standsForSummary`.
    func ledgerContent(sealingSummary standsForSummary: Bool) throws -> CanonicalJSON {
        let state = try stateContent
        guard standsForSummary, let summarySeal, case .object(var object) = state else { return state }
        object["summary"] = .object(["pii": .string(summarySeal)])
        return .object(object)
    }

    /// The record as written: the seal was made from this very summary.
    func sealedRecord(_ type: String) throws -> LedgerRecord {
        try record(type, content: try ledgerContent(sealingSummary: true))
    }

    /// The record as `verify` recomputes it from the row: the summary appears as its commitment
    /// only if the kept value (or the mark of erasure) stands for the row's summary; otherwise
    /// in the clear, so a summary changed behind the system's back no longer matches its leaf.
    func ledgerRecord(_ type: String, summary seal: PersonalValue?) throws -> LedgerRecord {
        let stands = seal.map { $0.commitment.hex == summarySeal && $0.seals(summary) } ?? false
        return try record(type, content: try ledgerContent(sealingSummary: stands))
    }

    private func record(_ type: String, content: CanonicalJSON) throws -> LedgerRecord {
        let earlier = try stateContent
        return Self.logged(type: type, table: Self.table, id: id.uuidString.lowercased(), organisationID: organisationID,
                           content: content, earlier: { $0 == 1 ? earlier : nil })
    }
}
