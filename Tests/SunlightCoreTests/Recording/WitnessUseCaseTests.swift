import Foundation
@testable import SunlightCore
import SunlightLedger
import SunlightTestSupport
import Testing

/// Two installations on memory stores; A's witness is B, reached by a direct call to B's use case.
@Suite("外部见证 REC-19（C2SP tlog-witness）")
struct WitnessUseCaseTests {
    struct Direct: WitnessTransport {
        let witness: Sunlight
        func addCheckpoint(_ request: AddCheckpointRequest, to endpoint: WitnessEndpoint) async throws -> AddCheckpointReply {
            try await witness.witness.addCheckpoint(request.body)
        }
    }

    let clock = ManualClock(CivilDate(year: 2026, month: 11, day: 20)!)
    let aLedger: LedgerSettings
    let aStore = MemoryStore()
    let a: Sunlight
    let b: Sunlight
    let bEndpoint: WitnessEndpoint

    init() throws {
        aLedger = LedgerSettings(origin: "a.example/log", signer: try NoteSigner.generate(name: "a.example"))
        let bLedger = LedgerSettings(origin: "b.example/log", signer: try NoteSigner.generate(name: "b.example"),
                                     witnessedLogs: [WitnessedLogKey(origin: aLedger.origin, verifier: aLedger.verifier)])
        a = Self.install(aStore, aLedger, clock: clock)
        b = Self.install(MemoryStore(), bLedger, clock: clock)
        bEndpoint = WitnessEndpoint(verifier: try bLedger.cosigner().verifier, url: "http://b.invalid/api/v1/witness")
    }

    static func install(_ store: MemoryStore, _ ledger: LedgerSettings, clock: ManualClock) -> Sunlight {
        Sunlight(store: store, clock: clock, passwords: TestPasswordHasher(), ledger: ledger, blobs: MemoryBlobStore())
    }

    func install(_ store: MemoryStore, _ ledger: LedgerSettings) -> Sunlight { Self.install(store, ledger, clock: clock) }

    /// `count` writes to A's log; returns its size.
    @discardableResult
    func write(_ count: Int, to store: MemoryStore? = nil) async throws -> UInt64 {
        let store = store ?? aStore
        for i in 0..<count {
            clock.advance(1)
            let line = AccessLogEntry(.console("test"), at: LedgerTime.truncated(clock.now), .read, "test", id: nil, in: nil, "写入 \(i)")
            try await store.transaction { [aLedger] tx in
                try await Sunlight.appendAccessLog(line, records: [], at: line.at, ledger: aLedger, secrets: SystemSecretGenerator(), in: tx)
            }
        }
        return try await store.ledger.head().size
    }

    @Test("REC-19: the witness cosigns each new checkpoint (the second one with a consistency proof); the log serves it with the cosignature")
    func cosignsNewCheckpoints() async throws {
        // given
        let first = try await write(3)
        // when
        #expect(try await a.witness.askWitness(bEndpoint, acknowledged: nil, via: Direct(witness: b)) == .cosigned(size: first))
        let second = try await write(4)
        let result = try await a.witness.askWitness(bEndpoint, acknowledged: first, via: Direct(witness: b))
        // then
        #expect(result == .cosigned(size: second))
        #expect(try await a.witness.askWitness(bEndpoint, acknowledged: second, via: Direct(witness: b)) == .upToDate(size: second))
        let served = try #require(try await a.witness.cosignedCheckpoint())
        #expect(try bEndpoint.verifier.verify(served) == UInt64(clock.now.timeIntervalSince1970))
        #expect(try Checkpoint.open(served, verifier: aLedger.verifier).size == second)
        let held = try #require(try await b.witness.witnessedCheckpoint(originHash: WitnessedLogKey.originHash("a.example/log")))
        #expect(try Checkpoint.open(held, verifier: aLedger.verifier, origin: "a.example/log").size == second)
        _ = try bEndpoint.verifier.verify(held)
        // Witnessing writes nothing to the witness's own log.
        #expect(try await b.cases.latestCheckpoint() == nil)
    }

    @Test("REC-19: a log that sends the wrong old size gets 409 with the witness's size and retries from it")
    func conflictRetried() async throws {
        let first = try await write(2)
        _ = try await a.witness.askWitness(bEndpoint, acknowledged: nil, via: Direct(witness: b))
        let second = try await write(2)
        // The witness answers 409 with `first`; the log asks again from there.
        #expect(try await b.witness.addCheckpoint(AddCheckpointRequest(oldSize: 0, proof: [], checkpoint: try await aStore.ledger.latestCheckpoint()!.note).body)
                == .refused(.conflict(knownSize: first)))
        #expect(try await a.witness.askWitness(bEndpoint, acknowledged: 0, via: Direct(witness: b)) == .cosigned(size: second))
    }

    @Test("REC-19: a database restored with its own checkpoint copies is caught: the witness holds a newer checkpoint; verify with a 1-of-1 policy names the rollback")
    func rollbackCaught() async throws {
        // given: A cosigned at `old`, a backup taken, then more writes cosigned at `new`
        let old = try await write(3)
        _ = try await a.witness.askWitness(bEndpoint, acknowledged: nil, via: Direct(witness: b))
        let backup = aStore.copy()
        let new = try await write(5)
        _ = try await a.witness.askWitness(bEndpoint, acknowledged: old, via: Direct(witness: b))
        let held = try #require(try await b.witness.witnessedCheckpoint(originHash: WitnessedLogKey.originHash(aLedger.origin)))
        let policy = WitnessPolicy(witnesses: [bEndpoint.verifier], required: 1)
        let localCopy = try #require(try await backup.ledger.latestCheckpoint()).note

        // the live database passes
        #expect(try await a.cases.verify(witnesses: [held], policy: policy).isClean)
        // when: the backup is restored, with the checkpoint file of its time
        let restored = install(backup, aLedger)
        #expect(try await restored.cases.verify(witnesses: [localCopy]).isClean)
        let report = try await restored.cases.verify(witnesses: [localCopy, held], policy: policy)
        // then
        #expect(!report.isClean)
        #expect(report.problems.contains { $0.message.contains("回滚") })
        #expect(try await restored.witness.askWitness(bEndpoint, acknowledged: nil, via: Direct(witness: b))
                == .witnessAhead(witnessSize: new, logSize: old))
    }

    @Test("REC-19: k of n — fewer witnesses vouching than required fails verify; a log the witness does not witness is refused (404)")
    func policyCount() async throws {
        try await write(2)
        _ = try await a.witness.askWitness(bEndpoint, acknowledged: nil, via: Direct(witness: b))
        let held = try #require(try await b.witness.witnessedCheckpoint(originHash: WitnessedLogKey.originHash(aLedger.origin)))
        let stranger = install(MemoryStore(), LedgerSettings(origin: "c.example/log", signer: try NoteSigner.generate(name: "c.example")))
        let cEndpoint = WitnessEndpoint(verifier: try stranger.ledger.cosigner().verifier, url: "http://c.invalid/api/v1/witness")

        #expect(try await a.cases.verify(witnesses: [held], policy: WitnessPolicy(witnesses: [bEndpoint.verifier, cEndpoint.verifier], required: 1)).isClean)
        let report = try await a.cases.verify(witnesses: [held], policy: WitnessPolicy(witnesses: [bEndpoint.verifier, cEndpoint.verifier], required: 2))
        #expect(report.problems.contains { $0.message.contains("见证方副署不足") })
        #expect(try await a.witness.askWitness(cEndpoint, acknowledged: nil, via: Direct(witness: stranger))
                == .refused(.unknownOrigin("a.example/log")))
    }
}
