import Foundation
@testable import SunlightCore
import SunlightLedger
import Testing

/// One golden vector: a sample record → its canonical content → content hash → log entry → leaf hash.
struct LedgerVector: Codable, Equatable {
    let name: String
    let table: String
    let type: String
    let id: String
    let content: String
    let contentHash: String
    let entry: String
    let leafHash: String

    init(name: String, record: LedgerRecord, at time: Date) {
        let entry = record.entry(at: time)
        self.name = name
        table = record.table
        type = record.type
        id = record.id
        content = record.content.text
        contentHash = record.contentHash.hex
        self.entry = String(decoding: entry.bytes, as: UTF8.self)
        leafHash = RFC6962.leafHash(entry.bytes).hex
    }
}

/// 日志格式冻结 — what every kind of logged record hashes to is pinned by vectors generated
/// from the code before any change (REC-5). A rename, a reordered key, a changed date format or
/// a new field that appears when unset changes a hash; every installed log would then fail
/// `sunlight verify`. Such a change must be a new content version instead (docs/ledger.md).
///
/// To (re)generate — only ever for a *new* sample, never to accept a changed hash:
/// `SUNLIGHT_WRITE_LEDGER_VECTORS=Tests/SunlightCoreTests/Resources/ledger-vectors.json swift test --filter LedgerVectorTests`
@Suite("日志格式：黄金向量 REC-5")
struct LedgerVectorTests {
    static func computed() throws -> [LedgerVector] {
        try LedgerSamples.records().map { LedgerVector(name: $0.name, record: $0.record, at: LedgerSamples.leafTime) }
    }

    static func committed() throws -> [LedgerVector] {
        let url = try #require(Bundle.module.url(forResource: "ledger-vectors", withExtension: "json"))
        return try JSONDecoder().decode([LedgerVector].self, from: Data(contentsOf: url))
    }

    @Test("REC-5: every sample record still hashes exactly as the committed vectors say")
    func vectorsHold() throws {
        let computed = try Self.computed()
        if let path = ProcessInfo.processInfo.environment["SUNLIGHT_WRITE_LEDGER_VECTORS"], !path.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(computed).write(to: URL(fileURLWithPath: path))
            return
        }
        let committed = Dictionary(try Self.committed().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(committed.keys) == Set(computed.map(\.name)), "samples and committed vectors differ in names")
        for vector in computed {
            guard let pinned = committed[vector.name] else { continue }
            #expect(vector.content == pinned.content, "\(vector.name): canonical content changed\n  was: \(pinned.content)\n  now: \(vector.content)")
            #expect(vector.contentHash == pinned.contentHash, "\(vector.name): content hash changed")
            #expect(vector.entry == pinned.entry, "\(vector.name): log entry changed\n  was: \(pinned.entry)\n  now: \(vector.entry)")
            #expect(vector.leafHash == pinned.leafHash, "\(vector.name): leaf hash changed")
            #expect(vector.type == pinned.type && vector.table == pinned.table && vector.id == pinned.id, "\(vector.name): identity changed")
        }
    }

    @Test("REC-5: every logged table has at least one golden vector")
    func everyTableCovered() throws {
        let covered = Set(try Self.computed().map(\.table))
        for table in LoggedTable.all.map(\.name) {
            #expect(covered.contains(table), "no golden vector for logged table \(table)")
        }
    }

    @Test("REC-5: the committed vectors are self-consistent: content → hash → entry → leaf")
    func vectorsConsistent() throws {
        for vector in try Self.committed() {
            let content = try CanonicalJSON(parsing: Array(vector.content.utf8))
            #expect(content.text == vector.content, "\(vector.name): content is not canonical")
            #expect(LedgerHash.sha256(Array(vector.content.utf8)).hex == vector.contentHash, "\(vector.name)")
            let entry = try LedgerEntry(parsing: Array(vector.entry.utf8))
            #expect(entry.contentHash.hex == vector.contentHash && entry.table == vector.table && entry.recordID == vector.id, "\(vector.name)")
            #expect(RFC6962.leafHash(Array(vector.entry.utf8)).hex == vector.leafHash, "\(vector.name)")
        }
    }
}
