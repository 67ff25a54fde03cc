import Foundation
import SunlightCore
import SunlightLedger
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 日志存储一致性 — leaves, tiles, the head and checkpoints, and the erasable personal values
/// (REC-5): append-only, read back in index order, so the writer and the verifier run unchanged
/// on every store.
@Suite("存储一致性 Repository conformance: the log")
struct LedgerConformanceTests {
    typealias C = Conformance

    func leaf(_ index: UInt64, _ table: String, _ id: String) -> StoredLedgerEntry {
        StoredLedgerEntry(index: index, entry: Array("{\"i\":\(index)}".utf8), content: Array("{\"id\":\"\(id)\"}".utf8), table: table, recordID: id)
    }

    @Test("REC-5: the log's leaves, tiles and checkpoints are read back in order and never taken twice; the head starts empty", arguments: StoreKind.all)
    func ledger(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let ledger = store.ledger
            #expect(try await ledger.lockHead() == 0)
            #expect(try await ledger.head().root == RFC6962.emptyRoot)
            #expect(try await ledger.latestCheckpoint() == nil)

            try await ledger.insert(entries: [leaf(0, "cases", "b"), leaf(1, "cases", "a"), leaf(2, "access_log", "x"), leaf(3, "cases", "b")])
            await #expect(throws: (any Error).self) { try await ledger.insert(entries: [leaf(1, "cases", "z")]) }
            #expect(try await ledger.entries(from: 1, limit: 2).map(\.index) == [1, 2])
            #expect(try await ledger.entries(from: 1, limit: 2).first == leaf(1, "cases", "a"))
            #expect(try await ledger.entries(table: "cases", recordIDs: ["b"]).map(\.index) == [0, 3])
            #expect(try await ledger.recordIDs(table: "cases", after: nil, limit: 10) == ["a", "b"], "distinct, ascending")
            #expect(try await ledger.recordIDs(table: "cases", after: "a", limit: 10) == ["b"])

            let h = { (n: UInt8) in LedgerHash([UInt8](repeating: n, count: 32)) }
            try await ledger.insert(subtrees: [(SubtreeID(level: 1, index: 1), h(2)), (SubtreeID(level: 1, index: 0), h(1)), (SubtreeID(level: 2, index: 0), h(3))])
            await #expect(throws: (any Error).self) { try await ledger.insert(subtrees: [(SubtreeID(level: 1, index: 0), h(9))]) }
            #expect(try await ledger.hashes([SubtreeID(level: 2, index: 0), SubtreeID(level: 1, index: 0)]) == [h(3), h(1)])
            await #expect(throws: (any Error).self) { try await ledger.hashes([SubtreeID(level: 3, index: 0)]) }
            #expect(try await ledger.subtrees(level: 1, from: 0, limit: 10).map(\.0) == [0, 1])
            #expect(try await ledger.subtrees(level: 1, from: 1, limit: 10).map(\.1) == [h(2)])
            #expect(try await ledger.subtreeCounts() == [1: 2, 2: 1])

            try await ledger.setHead(size: 4, root: h(4))
            let head = try await ledger.head()
            #expect(head.size == 4 && head.root == h(4))
            let c2 = StoredCheckpoint(size: 2, root: h(5), note: "two", createdAt: C.at(1))
            let c4 = StoredCheckpoint(size: 4, root: h(4), note: "four", createdAt: C.at(2))
            try await ledger.insert(checkpoint: c4)
            try await ledger.insert(checkpoint: c2)
            await #expect(throws: (any Error).self) { try await ledger.insert(checkpoint: c4) }
            #expect(try await ledger.latestCheckpoint() == c4)
            #expect(try await ledger.checkpoints(from: 1, limit: 10) == [c2, c4])
            #expect(try await ledger.checkpoints(from: 3, limit: 10) == [c4])
        }
    }

    @Test("REC-5: a personal value is erased (value and salt gone, the time kept) while its commitment stays", arguments: StoreKind.all)
    func personalData(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let secrets = SystemSecretGenerator()
            let name = PersonalValue.seal("王某", table: "case_parties", recordID: "p1", field: "name", secrets: secrets)
            let phone = PersonalValue.seal("13800000000", table: "case_parties", recordID: "p1", field: "phone", secrets: secrets)
            let other = PersonalValue.seal("李某", table: "case_parties", recordID: "p2", field: "name", secrets: secrets)
            try await store.personalData.insert([name, phone, other])
            await #expect(throws: (any Error).self) { try await store.personalData.insert([name]) }
            #expect(Set(try await store.personalData.values(table: "case_parties", recordIDs: ["p1"]).map(\.field)) == ["name", "phone"])
            try await store.personalData.erase(table: "case_parties", recordID: "p1", field: "phone", at: C.at(5))
            let erased = try #require(try await store.personalData.values(table: "case_parties", recordIDs: ["p1"]).first { $0.field == "phone" })
            #expect(erased.value == nil && erased.salt == nil && erased.erasedAt == C.at(5) && erased.commitment == phone.commitment)
            #expect(erased.isIntact)
            #expect(try await store.personalData.values(table: "case_parties", recordIDs: ["p2"]) == [other])
        }
    }

    @Test("REC-5: the whole demo, written through the use cases, verifies clean on every store: the log's writer and verifier run unchanged",
          arguments: StoreKind.all)
    func demoVerifies(_ kind: StoreKind) async throws {
        try await StoreWorld.with(kind) { world in
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.leaves > 100)
        }
    }
}
