import Foundation

/// 运行指标 — the gauges read from the store when `/metrics` is scraped (issue 16 item 7): the
/// log's size and the outbox's backlog. Each gauge is one line of ``read(from:)``; the server
/// writes them in the Prometheus text format next to its own request counters. The figures are
/// counts only — no record's content, no person.
public struct MetricsSnapshot: Sendable, Equatable {
    /// One figure at the moment of the scrape.
    public struct Gauge: Sendable, Equatable {
        /// The metric's name, `sunlight_…` (Prometheus: `[a-zA-Z_:][a-zA-Z0-9_:]*`).
        public let name: String
        /// What it measures (the `# HELP` line).
        public let help: String
        public let value: Double

        public init(_ name: String, _ help: String, _ value: Double) {
            self.name = name
            self.help = help
            self.value = value
        }
    }

    public let gauges: [Gauge]

    public init(gauges: [Gauge]) { self.gauges = gauges }

    /// Reads every gauge from `store`, one query each; the integration lag is the age at `now`
    /// of the oldest entry waiting for the integrator (0 when none waits).
    public static func read(from store: any Store, at now: Date) async throws -> MetricsSnapshot {
        let head = try await store.ledger.head()
        let waiting = try await store.ledger.sequencedBacklog()
        let outbox = try await store.outbox.counts()
        return MetricsSnapshot(gauges: [
            Gauge("sunlight_log_leaves", "Leaves in the tamper-evident log (REC-5)", Double(head.size)),
            Gauge("sunlight_log_sequenced_entries", "Committed log entries waiting for the integrator (REC-5)", Double(waiting.count)),
            Gauge("sunlight_log_integration_lag_seconds", "Age of the oldest entry waiting for the integrator (REC-5)",
                  waiting.lag(at: now)),
            Gauge("sunlight_outbox_pending_messages", "Outbox messages not yet delivered upstream (PUB-10)", Double(outbox.pending)),
            Gauge("sunlight_outbox_failing_messages", "Pending outbox messages whose last delivery failed (PUB-10)", Double(outbox.failing)),
        ])
    }
}

extension Sunlight {
    /// The store's gauges now (for `/metrics`; who may read them is the face's access check).
    public func metricsSnapshot() async throws -> MetricsSnapshot {
        try await MetricsSnapshot.read(from: store, at: clock.now)
    }
}
