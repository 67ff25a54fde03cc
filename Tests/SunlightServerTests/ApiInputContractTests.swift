import Foundation
@testable import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// Issue 15 item 13: what the API does with input it must not take as given — empty dates,
/// limits past the documented maximum, unknown codes, wrong methods, over-long addresses and
/// bodies of the wrong type. Each answer is a status the document declares, with the Chinese
/// error body.
@Suite("接口输入与状态码（issue 15 item 13）")
struct ApiInputContractTests {
    @Test("issue 15 item 13, CAL-3: an empty date parameter (?to=, ?from=, ?date=) is refused with 400, not read as absent")
    func emptyDates() async throws {
        try await TestServer.with { server in
            // given
            let token = try await server.token(for: "scj.zhangwei")
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString
            let paths = ["/api/v1/cases?to=", "/api/v1/cases?from=", "/api/v1/cases/statistics?from=", "/api/v1/reviews/statistics?to=",
                         "/api/v1/public/decisions?to=", "/api/v1/public/decisions?from=",
                         "/api/v1/public/organisations/\(market)/lists/item?date="]
            for path in paths {
                // when
                let response = try await server.api(.GET, path, token: token)
                // then
                #expect(response.status == .badRequest, "\(path): \(response.body.string)")
                #expect(response.apiError?.message.contains("不能为空") == true, "\(path): \(response.body.string)")
            }
            // A date that is there and well formed is still read.
            #expect(try await server.api(.GET, "/api/v1/cases?from=2026-01-01&to=2026-11-23", token: token).status == .ok)
        }
    }

    @Test("issue 15 item 13, REC-11: limit above the documented maximum, or below 1, is refused with 400, not clamped or ignored")
    func limits() async throws {
        try await TestServer.with { server in
            // given
            let admin = try await server.token(for: "admin")
            let officer = try await server.token(for: "scj.zhangwei")
            let refused: [(String, String)] = [
                ("/api/v1/access-log?limit=5001", admin), ("/api/v1/access-log?limit=0", admin), ("/api/v1/access-log?limit=abc", admin),
                ("/api/v1/cases?limit=2001", officer), ("/api/v1/public/decisions?limit=501", officer),
                ("/api/v1/public/decisions?limit=-1", officer), ("/api/v1/public/decisions?offset=-5", officer),
                ("/api/v1/public/decisions?offset=1000001", officer),
            ]
            for (path, token) in refused {
                // when
                let response = try await server.api(.GET, path, token: token)
                // then
                #expect(response.status == .badRequest, "\(path): \(response.body.string)")
                #expect(response.apiError?.message.contains("之间的整数") == true, "\(path): \(response.body.string)")
            }
            #expect(try await server.api(.GET, "/api/v1/access-log?limit=5000", token: admin).status == .ok)
            #expect(try await server.api(.GET, "/api/v1/public/decisions?limit=500&offset=0", token: nil).status == .ok)
        }
    }

    @Test("issue 15 item 13, REC-4: an unknown evidence kind is refused in Chinese, naming the field and the allowed kinds")
    func unknownKind() async throws {
        try await TestServer.with { server in
            // given
            let token = try await server.token(for: "scj.zhangwei")
            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            // when
            let response = try await server.api(.POST, "/api/v1/evidence", token: token, json: """
                {"sha256": "\(String(repeating: "ab", count: 32))", "kind": "hologram", "title": "现场", "filename": "a.mp4",
                 "recordedAt": "2026-11-23T00:30:00Z", "place": "元马镇", "recordedBy": "\(officer.id.uuidString)", "device": "手机"}
                """)
            // then
            #expect(response.status == .badRequest)
            let message = try #require(response.apiError?.message)
            #expect(message.contains("kind") && message.contains("hologram"), "\(message)")
            #expect(EvidenceFile.Kind.allCases.allSatisfy { message.contains($0.rawValue) }, "\(message)")
            #expect(!message.contains("Cannot initialize") && !message.contains("DecodingError"), "\(message)")
            // The same for a code inside a list: the position is named.
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString
            let user = try await server.api(.POST, "/api/v1/users", token: try await server.token(for: "admin"), json: """
                {"organisationID": "\(market)", "username": "api.bad", "displayName": "某", "roles": ["officer", "boss"], "password": "Welcome-2026"}
                """)
            #expect(user.status == .badRequest)
            #expect(user.apiError?.message.contains("roles[1]") == true && user.apiError?.message.contains("supervisor") == true,
                    "\(user.body.string)")
        }
    }

    @Test("issue 15 item 13: a method a path does not answer gets 405 with Allow and the JSON error; an unknown path stays 404")
    func methodNotAllowed() async throws {
        try await TestServer.with { server in
            // given
            let token = try await server.token(for: "admin")
            // when
            let me = try await server.api(.DELETE, "/api/v1/me", token: token)
            let cases = try await server.api(.PUT, "/api/v1/cases", token: token)
            let user = try await server.api(.DELETE, "/api/v1/users/\(UUID().uuidString)", token: token)
            let nothing = try await server.api(.DELETE, "/api/v1/nothing", token: token)
            // then
            #expect(me.status == .methodNotAllowed && me.apiError?.code == "method.not_allowed", "\(me.body.string)")
            #expect(me.headers.first(name: .allow) == "GET, HEAD")
            #expect(cases.status == .methodNotAllowed && cases.headers.first(name: .allow) == "GET, HEAD, POST")
            #expect(user.status == .methodNotAllowed && user.headers.first(name: .allow)?.contains("PATCH") == true)
            #expect(nothing.status == .notFound && nothing.apiError != nil)
            // A constant path answers for itself, not as an ID of its neighbour (`leads/:id` answers GET).
            for method in [HTTPMethod.GET, .DELETE] {
                let fromComplaint = try await server.api(method, "/api/v1/leads/from-complaint", token: token)
                #expect(fromComplaint.status == .methodNotAllowed && fromComplaint.headers.first(name: .allow) == "POST", "\(method)")
            }
            #expect(try await server.api(.GET, "/api/v1/leads/\(UUID().uuidString)", token: token).status == .notFound)
        }
    }

    @Test("issue 15 item 13: an address over 8 KB gets 414 with the JSON error, over a real socket")
    func uriTooLong() async throws {
        try await TestServer.with { server in
            // given
            let token = try await server.token(for: "scj.zhangwei")
            let long = "/api/v1/cases?q=" + String(repeating: "a", count: URITooLongMiddleware.limit)
            // when
            let response = try await server.api(.GET, long, token: token, overHTTP: true)
            // then
            #expect(response.status == .uriTooLong)
            #expect(response.apiError?.code == "uri.too_long")
            #expect(try await server.api(.GET, "/api/v1/cases?q=" + String(repeating: "a", count: 4000), token: token).status == .ok)
        }
    }

    @Test("issue 15 item 13: a body of another type than JSON gets 415 with the JSON error, and nothing is recorded")
    func unsupportedMediaType() async throws {
        try await TestServer.with { server in
            // given
            let token = try await server.token(for: "scj.zhangwei")
            let before = try await server.app.sunlight.store.evidence.chronological(offset: 0, limit: 10_000).count
            // when
            let plain = try await server.api(.POST, "/api/v1/evidence", token: token, json: "kind=video", contentType: .plainText)
            let xml = try await server.api(.POST, "/api/v1/leads", token: token, json: "<lead/>", contentType: .xml)
            // then
            for response in [plain, xml] {
                #expect(response.status == .unsupportedMediaType, "\(response.body.string)")
                #expect(response.apiError?.code == "body.unsupported")
            }
            #expect(try await server.app.sunlight.store.evidence.chronological(offset: 0, limit: 10_000).count == before)
        }
    }

    @Test("issue 15 item 13, PUB-10: the public API refuses what its document does not allow — an empty organisation, a search without q")
    func publicQueries() async throws {
        try await TestServer.with { server in
            for path in ["/api/v1/public/decisions?o=", "/api/v1/public/decisions?o=xyz", "/api/v1/public/decisions?category=", "/api/v1/public/search"] {
                // when
                let response = try await server.api(.GET, path, token: nil)
                // then
                #expect(response.status == .badRequest, "\(path): \(response.body.string)")
                #expect(response.apiError != nil)
            }
            #expect(try await server.api(.GET, "/api/v1/public/search?q=", token: nil).status == .ok)
        }
    }
}
