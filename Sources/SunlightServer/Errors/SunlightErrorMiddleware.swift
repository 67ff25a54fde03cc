import SunlightCore
import Vapor

/// Turns every error into a Chinese answer: JSON `{"error": {…}}` for the API, an HTML page
/// for people. Unexpected errors are logged with the request; users see no internals.
struct SunlightErrorMiddleware: AsyncMiddleware {
    let maxBodyBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let presentation = ErrorPresentation(error, maxBodyBytes: maxBodyBytes)
            if presentation.status >= 500 {
                request.logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))")
            }
            return try await Self.response(for: presentation, to: request)
        }
    }

    static func response(for presentation: ErrorPresentation, to request: Request) async throws -> Response {
        let response: Response
        if request.wantsJSON {
            response = Response(status: presentation.httpStatus)
            try response.content.encode(ErrorEnvelope(error: presentation), as: .json)
        } else {
            response = try await Page.render(
                "error", ErrorPage(page: PageContext(request, title: "出错了"), error: presentation, path: request.url.path), on: request)
            response.status = presentation.httpStatus
        }
        if let retry = presentation.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retry)) }
        if presentation.status == 401, request.url.path.hasPrefix("/api/") {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: #"Bearer realm="sunlight""#)
        }
        return response
    }
}

/// `{"error": {"status": 400, "code": "…", "message": "…", "rule": "CAL-1"}}`.
struct ErrorEnvelope: Content {
    let error: ErrorPresentation
}

struct ErrorPage: Encodable {
    let page: PageContext
    let error: ErrorPresentation
    /// The message as people read it, citing the statute rather than the rule ID.
    let text: String
    /// Where a supervisor states the reason to read a classified case, when that is what is missing (REC-11).
    let reasonAction: String?

    init(page: PageContext, error: ErrorPresentation, path: String) {
        self.page = page
        self.error = error
        text = SunlightError(.invalidInput, code: error.code, error.message, rule: error.rule.map(RuleID.init(rawValue:))).description
        let parts = path.split(separator: "/")
        reasonAction = error.code == "case.classified_reason" && parts.count >= 3 && parts[0] == "staff" && parts[1] == "cases"
            && UUID(uuidString: String(parts[2])) != nil ? "/staff/cases/\(parts[2])/classified-reason" : nil
    }
}

extension Request {
    /// API paths and clients that ask for JSON get JSON errors.
    var wantsJSON: Bool {
        url.path.hasPrefix("/api/") || headers.accept.mediaTypes.first == .json
    }
}
