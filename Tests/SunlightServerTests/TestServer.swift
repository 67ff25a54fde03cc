import Foundation
@testable import SunlightCore
import SunlightDemo
import SunlightServer
import SunlightStore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// A configured application on a scratch database with the demo data set, a fixed clock and
/// real Bcrypt (at the lowest cost, for speed).
struct TestServer {
    let app: Application
    let clock: ManualClock
    let seeded: DemoData.Seeded
    static let maxBodyBytes = 64 * 1024

    /// `trustProxy` takes the client address from `X-Forwarded-For`; `logger` replaces the
    /// application's logger (to read what the server logs).
    static func with<T>(today: CivilDate = CivilDate(iso: "2026-11-23")!, maxUploadBytes: UInt64 = 1 << 30, idleTimeout: Int = 60,
                        trustProxy: Bool = false, logger: Logger? = nil, readReplica: Bool = false,
                        _ body: (TestServer) async throws -> T) async throws -> T {
        // A copy of the demo, seeded once per process with the server's own password hasher.
        // The tests' expectations of the demo's certificates were written for 2026-11-23.
        let template = try await TestDatabase.demoTemplate(today: today, certificatesAsOf: CivilDate(iso: "2026-11-23")!,
                                                           passwords: try BcryptPasswordHasher(cost: 4))
        let scratch = try await TestDatabase.Scratch.copy(of: template)
        let clock = ManualClock(today)
        do {
            let result = try await withApp(configure: { app in
                var configuration = ServerConfiguration(dataDirectory: scratch.directory.path, store: scratch.configuration,
                                                        bcryptCost: 4, maxBodyBytes: maxBodyBytes, ledger: template.ledger)
                configuration.maxUploadBytes = maxUploadBytes
                configuration.idleTimeout = idleTimeout
                configuration.trustProxy = trustProxy
                if let logger { app.logger = logger }
                if readReplica { configuration.readReplica = try ReplicaTests.replica(of: scratch.configuration) }
                try await SunlightApp.configure(app, configuration, clock: clock)
            }) { app in
                try await body(TestServer(app: app, clock: clock, seeded: template.seeded))
            }
            await scratch.remove()
            return result
        } catch {
            await scratch.remove()
            throw error
        }
    }

    /// A browser with a cookie jar.
    func browser() -> Browser { Browser(app: app, clock: clock) }

    /// An API token acting as `username`, issued by the console.
    func token(for username: String) async throws -> String {
        let user = try await app.sunlight.store.users.find(username: username)!
        return try await app.sunlight.access.issueApiToken(for: user.id, name: "测试令牌", expiresOn: nil, by: .console("test")).secret
    }

    func accessLog() async throws -> [AccessLogEntry] {
        try await app.sunlight.store.accessLog.entries(AccessLogQuery(organisationPaths: ["/"], limit: 1000))
    }

    /// A JSON API call; `overHTTP` sends it through a real socket (body limits apply there).
    func api(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil,
             contentType: HTTPMediaType = .json, overHTTP: Bool = false, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if json != nil { headers.contentType = contentType }
        let tester = try app.testing(method: overHTTP ? .running(hostname: "127.0.0.1", port: 0) : .inMemory)
        return try await tester.sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

/// Follows the staff UI like a browser: keeps cookies, reads the CSRF token from each form.
final class Browser: @unchecked Sendable {
    let app: Application
    /// The server's clock: a cookie expires when the server's time passes its expiry, not the wall clock's.
    let clock: ManualClock
    var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had a form.
    var csrf: String?
    var lastBody = ""

    init(app: Application, clock: ManualClock) {
        self.app = app
        self.clock = clock
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await send(.GET, path, body: nil)
        remember(response)
        return response
    }

    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf sendToken: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if sendToken, let csrf { all.insert(("_csrf", csrf), at: 0) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await send(.POST, path, body: body, contentType: .urlEncodedForm)
        remember(response)
        return response
    }

    @discardableResult
    func logIn(_ username: String, password: String = DemoData.password) async throws -> TestingHTTPResponse {
        try await get("/staff/login")
        return try await post("/staff/login", [("username", username), ("password", password), ("next", "")])
    }

    func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: HTTPMediaType? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.contentType = contentType }
        return try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    private func remember(_ response: TestingHTTPResponse) {
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty || (value.expires.map { $0 < clock.now } ?? false) { cookies[name] = nil } else { cookies[name] = value.string }
        }
        lastBody = response.body.string
        if let range = lastBody.range(of: #"name="_csrf" value=""#) {
            csrf = String(lastBody[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestingHTTPResponse {
    /// The `error` object of a JSON error answer.
    var apiError: (code: String, message: String, rule: String?)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return (error["code"] as? String ?? "", error["message"] as? String ?? "", error["rule"] as? String)
    }

    var location: String? { headers.first(name: .location) }
}
