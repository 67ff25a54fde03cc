import Foundation
import SunlightCore

/// SplitMix64 — the generator's one source of chance: the same seed gives the same history,
/// record IDs and sealing keys included (no system randomness, no machine clock).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The use cases' random source during generation (record IDs, sealing salts), drawn from the seed.
public final class SeededSecrets: SecretGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed ^ 0x5EED_5EC2_E75A_17ED) }

    public func randomBytes(_ count: Int) -> [UInt8] {
        lock.withLock {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count + 8)
            while bytes.count < count { withUnsafeBytes(of: random.next()) { bytes.append(contentsOf: $0) } }
            return Array(bytes.prefix(count))
        }
    }
}

/// The generator's clock: moved by hand from day to day, a few minutes per action.
public final class GeneratorClock: SunlightCore.Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ day: CivilDate, hour: Int = 9) {
        instant = ChinaTime.startOfDay(day).addingTimeInterval(Double(hour * 3600))
    }

    public var now: Date { lock.withLock { instant } }

    /// Moves to `day` at `hour` Beijing time.
    public func set(_ day: CivilDate, hour: Int = 9) {
        lock.withLock { instant = ChinaTime.startOfDay(day).addingTimeInterval(Double(hour * 3600)) }
    }

    /// Lets `seconds` pass (one action after another within a day).
    public func advance(_ seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }
}

/// A password hasher that hashes once: every generated account gets the demo password's hash,
/// which the server's own hasher verifies (hashing thousands of accounts would take minutes).
public struct SharedHashHasher: PasswordHasher {
    public let inner: any PasswordHasher
    public let sharedHash: String

    public init(inner: any PasswordHasher, password: String) async throws {
        self.inner = inner
        sharedHash = try await inner.hash(password)
    }

    public func hash(_ password: String) async throws -> String { sharedHash }
    public func verify(_ password: String, against hash: String) async throws -> Bool { try await inner.verify(password, against: hash) }
    public var decoyHash: String { inner.decoyHash }
}
