import SunlightCore
import Vapor

/// How an error is shown at the edge: status, stable code, Chinese message, rule ID.
///
/// This is the one place that maps domain errors to HTTP; handlers just throw.
struct ErrorPresentation: Content, Error {
    let status: UInt
    let code: String
    let message: String
    let rule: String?
    let field: String?
    var retryAfter: Int?

    var httpStatus: HTTPResponseStatus { HTTPResponseStatus(statusCode: Int(status)) }

    init(status: HTTPResponseStatus, code: String, message: String, rule: RuleID? = nil, field: String? = nil,
         retryAfter: Int? = nil) {
        self.status = status.code
        self.code = code
        self.message = message
        self.rule = rule?.rawValue
        self.field = field
        self.retryAfter = retryAfter
    }

    init(_ error: any Error, maxBodyBytes: Int) {
        switch error {
        case let error as SunlightError:
            var retry: Int?
            let status: HTTPResponseStatus
            switch error.kind {
            case .invalidInput: status = .badRequest
            case .unauthenticated: status = .unauthorized
            case .forbidden: status = .forbidden
            case .notFound: status = .notFound
            case .conflict: status = .conflict
            case .ruleViolation: status = .unprocessableEntity
            case .tooManyAttempts(let seconds): status = .tooManyRequests; retry = seconds
            }
            self.init(status: status, code: error.code, message: error.message, rule: error.rule, field: error.field,
                      retryAfter: retry)
        case let error as ErrorPresentation:
            self = error
        case let error as DecodingError:
            self.init(status: .badRequest, code: "input.malformed", message: "请求内容格式错误：\(error.sunlightDescription)")
        case let abort as any AbortError:
            switch abort.status {
            case .notFound:
                self.init(status: .notFound, code: "not_found", message: "页面或记录不存在")
            case .payloadTooLarge:
                self.init(status: .payloadTooLarge, code: "body.too_large",
                          message: "请求内容过大，上限为 \(maxBodyBytes / 1024) KB")
            case .unsupportedMediaType:
                self.init(status: .unsupportedMediaType, code: "body.unsupported",
                          message: "不支持的内容类型，接口请使用 application/json")
            case .methodNotAllowed:
                self.init(status: .methodNotAllowed, code: "method.not_allowed", message: "不支持该请求方法")
            case .badRequest:
                self.init(status: .badRequest, code: "input.malformed",
                          message: "请求内容格式错误，无法解析（请检查 JSON 语法、字段类型和编码）")
            case let status where status.code >= 500:
                self.init(status: .internalServerError, code: "internal", message: "服务器内部错误，已记录，请稍后再试")
            default:
                self.init(status: abort.status, code: "http.\(abort.status.code)", message: abort.reason)
            }
        default:
            self.init(status: .internalServerError, code: "internal", message: "服务器内部错误，已记录，请稍后再试")
        }
    }
}
