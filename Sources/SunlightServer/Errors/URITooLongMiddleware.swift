import Vapor

/// 414: a request address (path and query) longer than ``limit`` is refused with the status and
/// the Chinese error body, before any route reads it (RFC 9110 §15.5.15).
///
/// The HTTP parser itself closes a connection whose request head passes 80 KiB; below that,
/// every over-long address gets this answer.
struct URITooLongMiddleware: AsyncMiddleware {
    /// 8 KiB, the length RFC 9110 §4.1 asks every server to accept at least.
    static let limit = 8 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.string.utf8.count <= Self.limit else {
            throw ErrorPresentation(status: .uriTooLong, code: "uri.too_long",
                                    message: "请求地址过长（上限 \(Self.limit / 1024) KB），请缩短查询条件")
        }
        return try await next.respond(to: request)
    }
}
