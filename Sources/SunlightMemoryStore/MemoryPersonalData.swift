import Foundation
import SunlightCore

/// Personal values: the value and salt can be erased; the commitment stays. Looked up through
/// ``MemoryTables/personalDataByRecord`` (the SQL table's key is the record and the field).
struct MemoryPersonalDataRepository: PersonalDataRepository {
    let context: MemoryContext

    static func recordKey(_ table: String, _ recordID: String) -> String { table + "\u{0}" + recordID }

    func insert(_ values: [PersonalValue]) async throws {
        try await context.write { t in
            for v in values {
                let key = Self.recordKey(v.table, v.recordID)
                if t.personalDataByRecord.positions(key).contains(where: { t.personalData[$0].field == v.field }) {
                    throw MemoryStoreError(description: "personal_data \(v.table)/\(v.recordID)/\(v.field) 已存在（唯一约束）")
                }
                t.personalDataByRecord.add(key, at: t.personalData.count)
                t.personalData.append(v)
            }
        }
    }

    func replace(_ values: [PersonalValue]) async throws {
        try await context.write { t in
            for v in values {
                let key = Self.recordKey(v.table, v.recordID)
                if t.personalDataByRecord.positions(key).contains(where: { t.personalData[$0].field == v.field }) {
                    // The old value leaves and the new one goes to the end, as a delete and an insert do.
                    t.personalData.removeAll { $0.table == v.table && $0.recordID == v.recordID && $0.field == v.field }
                    t.personalData.append(v)
                    t.personalDataByRecord = MemoryKeyIndex(t.personalData) { Self.recordKey($0.table, $0.recordID) }
                } else {
                    t.personalDataByRecord.add(key, at: t.personalData.count)
                    t.personalData.append(v)
                }
            }
        }
    }

    /// In the order they were stored.
    func values(table: String, recordIDs: [String]) async throws -> [PersonalValue] {
        context.read { t in
            Set(recordIDs).flatMap { t.personalDataByRecord.positions(Self.recordKey(table, $0)) }.sorted().map { t.personalData[$0] }
        }
    }

    func erase(table: String, recordID: String, field: String, at: Date) async throws {
        try await context.write { t in
            for i in t.personalDataByRecord.positions(Self.recordKey(table, recordID)) {
                let v = t.personalData[i]
                guard v.field == field else { continue }
                t.personalData[i] = PersonalValue(table: v.table, recordID: v.recordID, field: v.field, commitment: v.commitment,
                                                  value: nil, salt: nil, erasedAt: at)
            }
        }
    }
}
