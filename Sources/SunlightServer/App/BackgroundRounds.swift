import NIOConcurrencyHelpers

/// 后台轮次 — work a running server repeats in the background (the log integrator, the outbox
/// pusher, the witness keeper): one round now, then one after each pause, until the server
/// stops. Stopping waits for the round under way, so no round outlives the database.
final class BackgroundRounds: Sendable {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// Runs `round` now and again `nanoseconds` after each one ends.
    func start(every nanoseconds: UInt64, _ round: @escaping @Sendable () async -> Void) {
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    await round()
                    do { try await Task.sleep(nanoseconds: nanoseconds) } catch { return }
                }
            }
        }
    }

    /// Stops the rounds and waits for the one under way.
    func stop() async {
        let running = task.withLockedValue { value -> Task<Void, Never>? in
            defer { value = nil }
            return value
        }
        running?.cancel()
        await running?.value
    }
}
