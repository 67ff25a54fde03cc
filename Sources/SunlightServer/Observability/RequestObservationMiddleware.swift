import Logging
import NIOCore
import Vapor

/// 请求记录 — the outermost middleware: times every request, counts it in ``RequestMetrics``
/// under its route pattern, and writes one structured log line (method, route pattern, status,
/// duration, request ID) as swift-log metadata (issue 16 item 7). The raw path and the query
/// string are never logged: a public search's words and a person's identifiers stay out of the
/// logs (REC-11).
struct RequestObservationMiddleware: AsyncMiddleware {
    let metrics: RequestMetrics
    let logger: Logger

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = NIODeadline.now()
        do {
            let response = try await next.respond(to: request)
            finish(request, status: Int(response.status.code), since: started)
            return response
        } catch {
            // The error middleware inside answers every error; this is a failure past it.
            finish(request, status: (error as? any AbortError).map { Int($0.status.code) } ?? 500, since: started)
            throw error
        }
    }

    private func finish(_ request: Request, status: Int, since started: NIODeadline) {
        let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        let route = Self.route(of: request)
        metrics.observe(route, status: status, seconds: seconds)
        logger.info("request", metadata: Self.metadata(route: route, status: status, seconds: seconds, requestID: request.id))
    }

    /// The log line's fields: nothing from the URL but the route's pattern.
    static func metadata(route: RequestMetrics.Route, status: Int, seconds: Double, requestID: String) -> Logger.Metadata {
        [
            "method": .string(route.method),
            "route": .string(route.pattern),
            "status": .stringConvertible(status),
            "duration_ms": .stringConvertible((seconds * 10_000).rounded() / 10),
            "request_id": .string(requestID),
        ]
    }

    /// The matched route's pattern (`/api/v1/cases/:id`); every unmatched path is `unmatched`,
    /// and a method outside HTTP's usual set is `OTHER`, so neither can grow the label set.
    static func route(of request: Request) -> RequestMetrics.Route {
        guard let route = request.route else {
            let method = knownMethods.contains(request.method) ? request.method.rawValue : "OTHER"
            return RequestMetrics.Route(method: method, pattern: "unmatched")
        }
        return RequestMetrics.Route(method: route.method.rawValue, pattern: "/" + route.path.map(\.description).joined(separator: "/"))
    }

    private static let knownMethods: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]
}
