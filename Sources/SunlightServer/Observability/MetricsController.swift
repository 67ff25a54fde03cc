import SunlightCore
import Vapor

/// `GET /metrics` — the Prometheus scrape (issue 16 item 7): this process's request counters
/// and the store's gauges. Answered to the machine itself (loopback) or to an administrator's
/// API token; anyone else is told there is nothing here (404), and a token of someone who does
/// not administer is refused (403).
struct MetricsController {
    func register(_ app: any RoutesBuilder) {
        app.get("metrics", use: scrape)
    }

    @Sendable func scrape(_ request: Request) async throws -> Response {
        try await Self.authorise(request)
        let snapshot = try await request.sunlight.metricsSnapshot()
        let text = request.application.requestMetrics.exposition(snapshot)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// Loopback callers pass; others need an administrator's token (the same desk check as the
    /// administration pages). The client address is the socket peer, or behind the trusted
    /// proxy the address the proxy saw — so a proxy on this machine does not make everyone local.
    static func authorise(_ request: Request) async throws {
        if ClientAddress.isLoopback(request.clientAddress) { return }
        guard let bearer = request.headers.bearerAuthorization else {
            throw SunlightError(.notFound, code: "metrics.not_found", "页面不存在")
        }
        let actor = try await request.sunlight.access.authenticate(apiToken: bearer.token, address: request.clientAddress)
        try DeskPermissions(actor: actor).check(.administer)
    }
}

extension ClientAddress {
    /// `127.0.0.0/8` and `::1` (also as an IPv4-mapped IPv6 address).
    static func isLoopback(_ address: String?) -> Bool {
        guard var address else { return false }
        if address.hasPrefix("::ffff:") { address = String(address.dropFirst(7)) }
        return address == "::1" || address.hasPrefix("127.")
    }
}

extension Application {
    private struct RequestMetricsKey: StorageKey { typealias Value = RequestMetrics }

    /// This process's request and upload counters (set by ``SunlightApp/configure(_:_:clock:secrets:)``).
    var requestMetrics: RequestMetrics {
        get { storage[RequestMetricsKey.self]! }
        set { storage[RequestMetricsKey.self] = newValue }
    }
}
