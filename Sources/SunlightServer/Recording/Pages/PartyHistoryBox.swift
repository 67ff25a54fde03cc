import Foundation
import SunlightCore
import Vapor

/// 当事人既往处罚 — the party's earlier penalties in the organisation, as the case page and a
/// 不予行政处罚决定书 show them beside 首违不罚 (行政处罚法 第三十三条): case number, decision date,
/// item and kinds of penalty, never the ID number they were matched on (REC-15).
struct PartyHistoryBox: Encodable {
    struct Row: Encodable { let caseID, caseNumber, decidedOn, item, penalties: String; let bars: Bool }

    let rows: [Row]
    let empty: Bool
    let barring: Bool
    let summary: String
    let unmatched: String?

    /// Read (and logged) when `theCase` may end in a 不予行政处罚决定书; `nil` otherwise.
    static func build(_ theCase: EnforcementCase, request: Request, actor: Actor) async throws -> PartyHistoryBox? {
        guard CaseUseCases.draftableTypes(of: theCase).contains(.noPenaltyDecision) else { return nil }
        return try await build(of: theCase, request: request, actor: actor)
    }

    static func build(of theCase: EnforcementCase, request: Request, actor: Actor) async throws -> PartyHistoryBox {
        let sunlight = request.sunlight
        let history = try await sunlight.cases.partyHistory(of: theCase.id, by: actor)
        let items = try await sunlight.publicity.publishedList(.item, organisationID: theCase.organisationID)
        func item(_ id: UUID?) -> String { id.flatMap { id in items.first { $0.version.entryID == id }?.version.title } ?? "—" }
        let rows = history.earlier.map {
            Row(caseID: $0.caseID.uuidString.lowercased(), caseNumber: $0.caseNumber, decidedOn: $0.decidedOn.chinese, item: item($0.itemEntryID),
                penalties: $0.penaltyNames.isEmpty ? "—" : $0.penaltyNames, bars: $0.bars)
        }
        let summary = history.barring.isEmpty
            ? "当事人在本机关没有 \(history.years) 年追责时效内同一违法事项的行政处罚，可以依法适用首违不罚（《中华人民共和国行政处罚法》第三十三条）。"
            : "当事人在 \(history.years) 年追责时效内已因同一违法事项受过本机关行政处罚，不属于首次违法，不得适用首违不罚（《中华人民共和国行政处罚法》第三十三条、第三十六条）。"
        return PartyHistoryBox(rows: rows, empty: rows.isEmpty, barring: !history.barring.isEmpty, summary: summary, unmatched: history.unmatchedNote)
    }
}

extension DocumentPageModel {
    /// A 不予行政处罚决定书 not yet issued shows the party's earlier penalties beside 首次违法 (REC-15).
    func withPartyHistory(_ detail: CaseDetail, request: Request) async throws -> DocumentPageModel {
        guard typeCode == DocumentType.noPenaltyDecision.rawValue, statusClass != CaseDocument.Status.issued.rawValue else { return self }
        var model = self
        model.partyHistory = try await PartyHistoryBox.build(of: detail.enforcementCase, request: request, actor: try request.requireStaff().actor)
        return model
    }
}
