import Foundation

/// Values made once per key in this test process; concurrent first askers wait for the same making.
public actor OnceEach<Value: Sendable> {
    private var made: [String: Task<Value, any Error>] = [:]

    public init() {}

    public func value(_ key: String, make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let task = made[key] { return try await task.value }
        let task = Task { try await make() }
        made[key] = task
        return try await task.value
    }
}

extension Optional {
    /// The value, or an error naming what was missing.
    public func orThrow(_ what: String) throws -> Wrapped {
        guard let self else { throw MissingValue(description: "缺少 \(what)") }
        return self
    }
}

public struct MissingValue: Error, CustomStringConvertible {
    public let description: String
}
