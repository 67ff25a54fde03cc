import Foundation
import SunlightCore

/// 审核记录行 — a `review_records` row (append-only, in `seq` order) read into a ``ReviewRecord``.
enum ReviewRecordRow: RowDecoding {
    static let table = "review_records"
    static let columns = ["record_id", "case_id", "organisation_id", "document_id", "round", "kind", "recorded_by", "recorded_at", "body"]

    static func decode(_ row: inout StoredRow) throws -> ReviewRecord {
        let id: UUID = try row.next(), caseID: UUID = try row.next(), organisationID: UUID = try row.next(), documentID: UUID = try row.next()
        let round: Int = try row.next(), kind: String = try row.next(), recordedBy: UUID? = try row.next(), recordedAt: Date = try row.next()
        let body: ReviewRecord.Body
        do { body = try ReviewRecord.body(kind: kind, json: try row.next()) } catch { throw StoreError.corrupt(table, id) }
        return ReviewRecord(id: id, caseID: caseID, organisationID: organisationID, documentID: documentID, round: round,
                            recordedBy: recordedBy, recordedAt: recordedAt, body: body)
    }
}
