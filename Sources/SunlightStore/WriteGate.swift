/// 写入闸门 — lets one SQLite transaction at a time into the database, in the order they asked,
/// waiting in the process rather than in SQLite's busy handler. A transaction waiting on
/// SQLite's lock holds one of the few threads every connection blocks on; two such waits (a
/// request and the log integrator, or two tests) could leave the lock's holder without a
/// thread to finish on. SQLite allows one writer anyway; PostgreSQL needs no gate.
public actor WriteGate {
    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    func enter() async {
        guard held else {
            held = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            held = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `work` holding the gate.
    func through<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await work()
            leave()
            return result
        } catch {
            leave()
            throw error
        }
    }
}
