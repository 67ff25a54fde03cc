import Foundation
import SunlightCore
import SunlightLedger

/// Witness state in memory, with the SQL store's rules: a checkpoint advances only from the
/// size it holds; a witness's second cosignature on one size is ignored.
struct MemoryWitnessRepository: WitnessRepository {
    let context: MemoryContext

    func witnessed(origin: String) async throws -> WitnessedCheckpoint? {
        context.read { $0.witnessedCheckpoints[origin] }
    }

    func advance(to checkpoint: WitnessedCheckpoint, from previous: UInt64?) async throws -> Bool {
        try await context.write { t in
            guard t.witnessedCheckpoints[checkpoint.origin]?.size == previous else { return false }
            t.witnessedCheckpoints[checkpoint.origin] = checkpoint
            return true
        }
    }

    func insert(cosignature: ReceivedCosignature) async throws {
        try await context.write { t in
            guard !t.cosignatures.contains(where: { $0.size == cosignature.size && $0.keyID == cosignature.keyID }) else { return }
            t.cosignatures.append(cosignature)
        }
    }

    func cosignatures(size: UInt64) async throws -> [ReceivedCosignature] {
        context.read { $0.cosignatures.filter { $0.size == size }.sorted { ($0.witness, $0.keyID) < ($1.witness, $1.keyID) } }
    }

    func newestCosignedSize(keyID: String) async throws -> UInt64? {
        context.read { $0.cosignatures.filter { $0.keyID == keyID }.map(\.size).max() }
    }
}
