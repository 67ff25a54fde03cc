import Foundation
import SunlightLedger

/// 个人信息封存（案件证据、文书） — the person named as having confirmed a piece of evidence,
/// and the person-name fields of a document (被询问人, 在场人员, 受送达人, 申请人), are personal
/// data: from content version 2 the log commits to their salted hash, as for parties; from
/// version 3 of documents their free prose too (案情, 询问内容…), which names the party in
/// practice (REC-5; issue 15 item 8). Older versions are kept to verify older leaves.
extension PersonalValue {
    /// What a page shows in place of a value erased by law.
    public static let erasedText = "（已依法删除）"
}

extension DocumentField {
    /// A field naming a natural person: sealed apart from the log from content version 2 (REC-5).
    public var isPersonal: Bool {
        switch self {
        case .person, .present, .recipient, .applicant: true
        default: false
        }
    }

    /// Free prose a party's name is written into — 案情、违法事实、证据、询问内容、检查情况、意见、
    /// 理由、查封扣押清单、申请材料…: sealed apart from the log from content version 3 (REC-5).
    /// Statute citations, amounts, dates, codes and the boilerplate of rights and remedies are not.
    public var isProse: Bool {
        switch self {
        case .facts, .evidence, .opinion, .reasons, .content, .penalty, .discretion, .deviationReason,
             .reason, .items, .materials, .item, .summary: true
        default: false
        }
    }

    /// Sealed under the content version `version` of `case_documents`.
    func isSealed(underVersion version: Int) -> Bool {
        version >= 3 ? isPersonal || isProse : version == 2 && isPersonal
    }

    /// Sealed when a document is logged now.
    public var isSealed: Bool { isSealed(underVersion: CaseDocument.contentVersion) }
}

extension CaseDocument {
    static let personalTable = "case_documents"

    /// Content version 2 (personal fields) and 3 (personal fields and free prose): a sealed field
    /// whose seal stands for the stored value appears as its commitment; any other value in the
    /// clear, so a row changed behind the system's back no longer matches its leaf. Version 2
    /// took any erased seal as standing for the row; version 3 only the mark of erasure.
    func ledgerContent(sealed: [String: PersonalValue], version: Int = Self.contentVersion) -> CanonicalJSON {
        guard case .object(var object) = ledgerContent else { return ledgerContent }
        var values = fields.mapValues(CanonicalJSON.string)
        for (key, value) in fields where DocumentField(rawValue: key)?.isSealed(underVersion: version) == true {
            guard let seal = sealed[key], version == 2 ? seal.erasedAt != nil || seal.value == value : seal.seals(value) else { continue }
            values[key] = PersonalData.json(seal.commitment)
        }
        object["fields"] = .object(values)
        return .object(object)
    }

    func ledgerRecord(_ type: String, organisationID: UUID, sealed: [String: PersonalValue]) -> LedgerRecord {
        let version1 = ledgerContent, version2 = ledgerContent(sealed: sealed, version: 2)
        return Self.logged(type: type, table: Self.personalTable, id: id.uuidString.lowercased(), organisationID: organisationID,
                           content: ledgerContent(sealed: sealed), earlier: { [1: version1, 2: version2][$0] }).about(case: caseID)
    }
}

extension CaseEvidence {
    static let personalTable = "case_evidence"
    static let confirmedByField = "confirmedBy"

    /// The same evidence with who confirmed it filled in (unsealed) or left out (as stored).
    func with(confirmedBy: String?) -> CaseEvidence {
        CaseEvidence(id: id, caseID: caseID, stage: stage, kind: kind, description: description, source: source, original: original,
                     copyVerified: copyVerified, confirmedBy: confirmedBy, confirmedOn: confirmedOn, fileID: fileID,
                     recordedBy: recordedBy, recordedAt: recordedAt)
    }

    /// Content version 1: `confirmedBy` in the clear, as stored.
    var ledgerContentV1: CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "case": Snapshot.uuid(caseID), "stage": .string(stage), "kind": .string(kind.rawValue),
                 "description": .string(description), "source": .string(source), "original": .bool(original),
                 "copyVerified": .bool(copyVerified), "confirmedBy": Snapshot.text(confirmedBy),
                 "confirmedOn": Snapshot.text(confirmedOn?.iso), "file": Snapshot.uuid(fileID),
                 "recordedBy": Snapshot.uuid(recordedBy), "recordedAt": Snapshot.time(recordedAt)])
    }

    /// Content version 2: `confirmedBy` as its commitment when sealed (the row then holds none).
    func ledgerContent(confirmedBy sealed: PersonalValue?) -> CanonicalJSON {
        guard let sealed, case .object(var object) = ledgerContentV1 else { return ledgerContentV1 }
        object["confirmedBy"] = PersonalData.json(sealed.commitment)
        return .object(object)
    }

    func ledgerRecord(organisationID: UUID, confirmedBy sealed: PersonalValue?) -> LedgerRecord {
        let earlier = ledgerContentV1
        return Self.logged(type: "case.evidence_recorded", table: Self.personalTable, id: id.uuidString.lowercased(),
                           organisationID: organisationID, content: ledgerContent(confirmedBy: sealed), earlier: { $0 == 1 ? earlier : nil })
    }
}

extension CaseUseCases {
    /// Seals the personal fields of a document as it is about to be logged: a value already
    /// sealed unchanged keeps its seal; a new or changed one gets a fresh seal (REC-5).
    func sealPersonalFields(of document: CaseDocument, in tx: any Store) async throws -> [String: PersonalValue] {
        let id = document.id.uuidString.lowercased()
        let existing = Dictionary(try await tx.personalData.values(table: CaseDocument.personalTable, recordIDs: [id]).map { ($0.field, $0) },
                                  uniquingKeysWith: { $1 })
        var sealed: [String: PersonalValue] = [:]
        var fresh: [PersonalValue] = []
        for (key, value) in document.fields where DocumentField(rawValue: key)?.isSealed == true && !value.isEmpty {
            if let seal = existing[key], seal.value == value || (seal.erasedAt != nil && value == PersonalValue.erasedText) {
                sealed[key] = seal
                continue
            }
            let seal = PersonalValue.seal(value, table: CaseDocument.personalTable, recordID: id, field: key, secrets: secrets)
            sealed[key] = seal
            fresh.append(seal)
        }
        try await tx.personalData.replace(fresh)
        return sealed
    }

    /// The evidence of a case with who confirmed each unsealed; erased reads “（已依法删除）”.
    func unsealed(_ evidence: [CaseEvidence], in store: any Store) async throws -> [CaseEvidence] {
        let values = try await store.personalData.values(table: CaseEvidence.personalTable, recordIDs: evidence.map { $0.id.uuidString.lowercased() })
        let confirmed = Dictionary(values.filter { $0.field == CaseEvidence.confirmedByField }
            .map { ($0.recordID, $0.value ?? PersonalValue.erasedText) }, uniquingKeysWith: { $1 })
        return evidence.map { item in confirmed[item.id.uuidString.lowercased()].map { item.with(confirmedBy: $0) } ?? item }
    }
}
