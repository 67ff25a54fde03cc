import NIOConcurrencyHelpers
import SunlightCore

/// 请求指标 — what this process has served since it started: a latency histogram and a count by
/// status class per route, and the bytes uploaded into the file store. A route is its pattern
/// (`/api/v1/cases/:id`), never the raw path, so the number of series stays bounded by the
/// route table (issue 16 item 7). One lock, held for a few additions per request.
final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// One route as a label set.
    struct Route: Hashable, Sendable {
        let method: String
        let pattern: String
    }

    /// A status class, `2xx` … `5xx`.
    struct Outcome: Hashable, Sendable {
        let route: Route
        let statusClass: String
    }

    private struct Histogram {
        var counts = [UInt64](repeating: 0, count: RequestMetrics.buckets.count)
        var sum = 0.0
        var count: UInt64 = 0

        mutating func observe(_ seconds: Double) {
            if let index = RequestMetrics.buckets.firstIndex(where: { seconds <= $0 }) { counts[index] += 1 }
            sum += seconds
            count += 1
        }
    }

    private struct State {
        var latency: [Route: Histogram] = [:]
        var outcomes: [Outcome: UInt64] = [:]
        var uploadBytes: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())

    /// Counts one answered request.
    func observe(_ route: Route, status: Int, seconds: Double) {
        let outcome = Outcome(route: route, statusClass: "\(status / 100)xx")
        state.withLockedValue { state in
            state.latency[route, default: Histogram()].observe(seconds)
            state.outcomes[outcome, default: 0] += 1
        }
    }

    /// Counts bytes received into the file store.
    func addUploadBytes(_ count: Int) {
        state.withLockedValue { $0.uploadBytes += UInt64(count) }
    }

    /// The exposition: this process's counters, then the store's gauges.
    func exposition(_ snapshot: MetricsSnapshot) -> String {
        let state = state.withLockedValue { $0 }
        var out = PrometheusText()
        out.family("sunlight_http_request_duration_seconds", "histogram", help: "Time from request head to response, by route pattern")
        for (route, histogram) in state.latency.sorted(by: { ($0.key.pattern, $0.key.method) < ($1.key.pattern, $1.key.method) }) {
            let labels = [("method", route.method), ("route", route.pattern)]
            var cumulative: UInt64 = 0
            for (bound, count) in zip(Self.buckets, histogram.counts) {
                cumulative += count
                out.sample("sunlight_http_request_duration_seconds_bucket", labels + [("le", PrometheusText.number(bound))], Double(cumulative))
            }
            out.sample("sunlight_http_request_duration_seconds_bucket", labels + [("le", "+Inf")], Double(histogram.count))
            out.sample("sunlight_http_request_duration_seconds_sum", labels, histogram.sum)
            out.sample("sunlight_http_request_duration_seconds_count", labels, Double(histogram.count))
        }
        out.family("sunlight_http_requests_total", "counter", help: "Requests answered, by route pattern and status class")
        for (outcome, count) in state.outcomes.sorted(by: { ($0.key.route.pattern, $0.key.route.method, $0.key.statusClass)
                                                              < ($1.key.route.pattern, $1.key.route.method, $1.key.statusClass) }) {
            out.sample("sunlight_http_requests_total",
                       [("method", outcome.route.method), ("route", outcome.route.pattern), ("status", outcome.statusClass)], Double(count))
        }
        out.family("sunlight_upload_bytes_total", "counter", help: "Bytes of uploaded files received into the file store (REC-4)")
        out.sample("sunlight_upload_bytes_total", [], Double(state.uploadBytes))
        for gauge in snapshot.gauges {
            out.family(gauge.name, "gauge", help: gauge.help)
            out.sample(gauge.name, [], gauge.value)
        }
        return out.text
    }
}
