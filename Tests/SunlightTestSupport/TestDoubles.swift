import Foundation
import SunlightCore
import SunlightLedger

/// A password hasher for store tests: salted SHA-256, fast. The server's tests use real Bcrypt.
public struct TestPasswordHasher: PasswordHasher {
    public init() {}

    public func hash(_ password: String) async throws -> String {
        let salt = UUID().uuidString
        return "test$\(salt)$\(Secrets.digest(salt + password))"
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        let parts = hash.split(separator: "$")
        guard parts.count == 3, parts[0] == "test" else { return false }
        return Secrets.constantTimeEquals(Secrets.digest(parts[1] + password), String(parts[2]))
    }

    public let decoyHash = "test$decoy$0"
}

/// A clock the test moves by hand.
public final class ManualClock: SunlightCore.Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ date: CivilDate, hour: Int = 9) {
        instant = ChinaTime.startOfDay(date).addingTimeInterval(Double(hour * 3600))
    }

    public var now: Date { lock.withLock { instant } }

    public func advance(_ seconds: TimeInterval) { lock.withLock { instant = instant.addingTimeInterval(seconds) } }

    /// Moves to a later (or earlier) day, at `hour` Beijing time.
    public func set(_ date: CivilDate, hour: Int = 9) {
        lock.withLock { instant = ChinaTime.startOfDay(date).addingTimeInterval(Double(hour * 3600)) }
    }
}

/// A fresh log key for one test.
public func testLedger() -> LedgerSettings {
    LedgerSettings(origin: "test.sunlight.invalid/log", signer: try! NoteSigner.generate(name: "test.sunlight.invalid"))
}
