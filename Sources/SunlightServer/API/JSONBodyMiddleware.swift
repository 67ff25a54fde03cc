import Vapor

/// 415 for a JSON operation sent a body of another type (`text/plain`, XML, a form): the API
/// reads JSON only, and says so, rather than trying the body with another decoder and
/// answering 400 (issue 15 item 13). A request without a body passes; the raw file upload
/// (`POST /api/v1/blobs`) is registered outside this group.
struct JSONBodyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.hasBody(request), !Self.isJSON(request.headers.contentType) {
            throw ErrorPresentation(status: .unsupportedMediaType, code: "body.unsupported",
                                    message: "不支持的内容类型，接口请使用 application/json")
        }
        return try await next.respond(to: request)
    }

    static func hasBody(_ request: Request) -> Bool {
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init) { return length > 0 }
        return request.headers.contains(name: .transferEncoding) || (request.body.data?.readableBytes ?? 0) > 0
    }

    static func isJSON(_ type: HTTPMediaType?) -> Bool {
        guard let type, type.type == "application" else { return false }
        return type.subType == "json" || type.subType.hasSuffix("+json")
    }
}
