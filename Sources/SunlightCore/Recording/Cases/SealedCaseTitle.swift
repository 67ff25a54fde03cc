import Foundation
import SunlightLedger

/// 案由封存 — a case's title (案由) commonly names the party (王小明无照经营案): from content
/// version 2 of `cases` the log commits to its salted hash, as for parties (REC-5; issue 15
/// item 8). The row keeps the title, so pages, the case list and its search read it as before;
/// erased by law, row and value read “（已依法删除）”. Version 1 (in the clear) verifies older leaves.
extension EnforcementCase {
    static let personalTable = "cases"
    static let titleField = "title"

    /// The same case under another title (erasure by law is the only change of title).
    func with(title: String) -> EnforcementCase {
        EnforcementCase(id: id, organisationID: organisationID, number: number, title: title, category: category, simple: simple,
                        itemEntryID: itemEntryID, source: source, violationOn: violationOn, endangersSafety: endangersSafety,
                        openedOn: openedOn, openedAt: openedAt, openedBy: openedBy, decisionDays: decisionDays,
                        classification: classification, stage: stage, status: status, leadID: leadID)
    }

    /// Content version 2: the title as its commitment when the seal stands for the stored title;
    /// otherwise in the clear, so a title changed behind the system's back no longer matches its leaf.
    func ledgerContent(title seal: PersonalValue?) -> CanonicalJSON {
        guard let seal, seal.seals(title), case .object(var object) = ledgerContent else { return ledgerContent }
        object["title"] = PersonalData.json(seal.commitment)
        return .object(object)
    }

    func ledgerRecord(_ type: String, title seal: PersonalValue?) -> LedgerRecord {
        let earlier = ledgerContent
        return Self.logged(type: type, table: Self.personalTable, id: id.uuidString.lowercased(), organisationID: organisationID,
                           content: ledgerContent(title: seal), earlier: { $0 == 1 ? earlier : nil }).about(case: id)
    }
}

extension PersonalValue {
    /// Whether this seal stands for `value` as a row now holds it: the sealed value itself, or,
    /// once erased, the mark of erasure (and nothing else).
    func seals(_ value: String) -> Bool {
        erasedAt == nil ? self.value == value : value == Self.erasedText
    }
}

extension CaseUseCases {
    /// The seal of a case's title, made when the case is first logged under version 2 (REC-5).
    static func titleSeal(of theCase: EnforcementCase, in tx: any Store, secrets: any SecretGenerator) async throws -> PersonalValue? {
        let id = theCase.id.uuidString.lowercased()
        if let seal = try await tx.personalData.values(table: EnforcementCase.personalTable, recordIDs: [id])
            .first(where: { $0.field == EnforcementCase.titleField }) { return seal }
        guard !theCase.title.isEmpty else { return nil }
        let seal = PersonalValue.seal(theCase.title, table: EnforcementCase.personalTable, recordID: id, field: EnforcementCase.titleField, secrets: secrets)
        try await tx.personalData.insert([seal])
        return seal
    }
}
