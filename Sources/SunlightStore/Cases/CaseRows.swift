import Foundation
import SunlightCore

/// 案件行 — a `cases` row read into an ``EnforcementCase`` (the only reader of the table).
enum CaseRow: RowDecoding {
    static let table = "cases"
    static let columns = ["id", "organisation_id", "number", "title", "category", "simple", "item_entry_id", "source", "violation_on",
                          "endangers_safety", "opened_on", "opened_at", "opened_by", "decision_days", "classification", "stage", "status",
                          "lead_id"]

    static func decode(_ row: inout StoredRow) throws -> EnforcementCase {
        let id: UUID = try row.next(), organisationID: UUID = try row.next(), number: String = try row.next(), title: String = try row.next()
        let category = EnforcementCategory(rawValue: try row.next()), simple: Bool = try row.next(), itemEntryID: UUID? = try row.next()
        let source = EnforcementCase.Source(rawValue: try row.next()), violationOn: String? = try row.next()
        let endangersSafety: Bool = try row.next(), openedOn = CivilDate(iso: try row.next(String.self)), openedAt: Date = try row.next()
        let openedBy: UUID? = try row.next(), decisionDays: Int = try row.next()
        let classification = EnforcementCase.Classification(rawValue: try row.next()), stage: String = try row.next()
        let status = EnforcementCase.Status(rawValue: try row.next()), leadID: UUID? = try row.next()
        guard let category, let source, let openedOn, let classification, let status else { throw StoreError.corrupt(table, id) }
        return EnforcementCase(id: id, organisationID: organisationID, number: number, title: title, category: category, simple: simple,
                               itemEntryID: itemEntryID, source: source, violationOn: violationOn.flatMap { CivilDate(iso: $0) },
                               endangersSafety: endangersSafety, openedOn: openedOn, openedAt: openedAt, openedBy: openedBy,
                               decisionDays: decisionDays, classification: classification, stage: stage, status: status, leadID: leadID)
    }
}

/// 案件事件行 — a `case_events` row (append-only, in `seq` order) read into a ``CaseEvent``.
enum CaseEventRow: RowDecoding {
    static let table = "case_events"
    static let columns = ["event_id", "case_id", "kind", "stage", "at", "on_date", "by_user", "note", "data"]

    static func decode(_ row: inout StoredRow) throws -> CaseEvent {
        let id: UUID = try row.next(), caseID: UUID = try row.next(), kind = CaseEvent.Kind(rawValue: try row.next())
        let stage: String? = try row.next(), at: Date = try row.next(), on = CivilDate(iso: try row.next(String.self))
        let by: UUID? = try row.next(), note: String? = try row.next(), data = StringMap.decode(try row.next())
        guard let kind, let on, let data else { throw StoreError.corrupt(table, id) }
        return CaseEvent(id: id, caseID: caseID, kind: kind, stage: stage, at: at, on: on, by: by, note: note, data: data)
    }
}

/// 文书行 — a `case_documents` row read into a ``CaseDocument``.
enum CaseDocumentRow: RowDecoding {
    static let table = "case_documents"
    static let columns = ["id", "case_id", "type", "stage", "fields", "status", "number", "drafted_by", "drafted_at", "signed_by", "signed_at",
                          "issued_on", "corrects"]

    static func decode(_ row: inout StoredRow) throws -> CaseDocument {
        let id: UUID = try row.next(), caseID: UUID = try row.next(), type = DocumentType(rawValue: try row.next()), stage: String = try row.next()
        let fields = StringMap.decode(try row.next()), status = CaseDocument.Status(rawValue: try row.next()), number: String? = try row.next()
        let draftedBy: UUID? = try row.next(), draftedAt: Date = try row.next(), signedBy: UUID? = try row.next(), signedAt: Date? = try row.next()
        let issuedOn: String? = try row.next(), corrects: UUID? = try row.next()
        guard let type, let fields, let status else { throw StoreError.corrupt(table, id) }
        return CaseDocument(id: id, caseID: caseID, type: type, stage: stage, fields: fields, status: status, number: number,
                            draftedBy: draftedBy, draftedAt: draftedAt, signedBy: signedBy, signedAt: signedAt,
                            issuedOn: issuedOn.flatMap { CivilDate(iso: $0) }, corrects: corrects)
    }
}
