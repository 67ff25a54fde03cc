import Foundation
@testable import SunlightCore
@testable import SunlightServer
import SunlightLedger
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// `/metrics` and the request log (issue 16 item 7). Run on SQLite, and on PostgreSQL when
/// `SUNLIGHT_TEST_DATABASE_URL` is set (the server harness's database).
@Suite("运行指标与请求日志（issue 16 item 7）")
struct MetricsTests {
    /// A scrape from the machine itself, over a real socket (peer 127.0.0.1).
    private func scrape(_ server: TestServer, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await server.api(.GET, "/metrics", token: nil, overHTTP: true, headers: headers)
    }

    @Test("issue 16 item 7: a loopback scrape shows a latency histogram under the route's pattern, never the raw path, and the store's gauges")
    func histogramPerRoutePattern() async throws {
        try await TestServer.with { server in
            // given: a call to a route with a parameter
            let token = try await server.token(for: "scj.zhangwei")
            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            let read = try await server.api(.GET, "/api/v1/organisations/\(officer.organisationID.uuidString)", token: token)
            #expect(read.status == .ok)
            // when
            let response = try await scrape(server)
            // then
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.description.hasPrefix("text/plain") == true)
            let text = response.body.string
            #expect(text.contains("# TYPE sunlight_http_request_duration_seconds histogram"))
            #expect(text.contains(#"sunlight_http_request_duration_seconds_bucket{method="GET",route="/api/v1/organisations/:id",le="+Inf"} 1"#))
            #expect(text.contains(#"sunlight_http_request_duration_seconds_count{method="GET",route="/api/v1/organisations/:id"} 1"#))
            #expect(text.contains(#"sunlight_http_requests_total{method="GET",route="/api/v1/organisations/:id",status="2xx"} 1"#))
            #expect(!text.contains(officer.organisationID.uuidString), "a raw path in a label")
            // The integrator may place entries while the scrape runs: the figure lies between the sizes around it.
            let after = try await server.app.sunlight.store.ledger.head().size
            let scraped = text.split(separator: "\n").first { $0.hasPrefix("sunlight_log_leaves ") }.flatMap { UInt64($0.dropFirst(20)) }
            #expect(scraped.map { $0 > 50 && $0 <= after } == true, "\(String(describing: scraped)) of \(after)")
            #expect(text.contains("\nsunlight_log_sequenced_entries "))
            #expect(text.contains("\nsunlight_log_integration_lag_seconds "))
            #expect(text.contains("\nsunlight_outbox_pending_messages "))
            #expect(text.contains("\nsunlight_upload_bytes_total 0\n"))
        }
    }

    @Test("issue 16 item 7: every unmatched path counts under one label, so scanning cannot grow the series")
    func unmatchedPathsShareOneLabel() async throws {
        try await TestServer.with { server in
            for n in 0..<3 { _ = try await server.api(.GET, "/no/such/page/\(n)", token: nil) }
            let text = try await scrape(server).body.string
            #expect(text.contains(#"sunlight_http_requests_total{method="GET",route="unmatched",status="4xx"} 3"#))
            #expect(!text.contains("/no/such/page"))
        }
    }

    @Test("issue 16 item 7: a caller that is not on this machine gets 404 without a token, 403 with a non-administrator's, the figures with an administrator's")
    func remoteCallersNeedAnAdministratorToken() async throws {
        try await TestServer.with(trustProxy: true) { server in
            let remote: HTTPHeaders = ["X-Forwarded-For": "203.0.113.7"]
            #expect(try await scrape(server, headers: remote).status == .notFound)
            // An in-process request has no peer address: not loopback either.
            #expect(try await server.api(.GET, "/metrics", token: nil).status == .notFound)
            var officer = remote
            officer.bearerAuthorization = BearerAuthorization(token: try await server.token(for: "scj.zhangwei"))
            #expect(try await scrape(server, headers: officer).status == .forbidden)
            var admin = remote
            admin.bearerAuthorization = BearerAuthorization(token: try await server.token(for: "admin"))
            let allowed = try await scrape(server, headers: admin)
            #expect(allowed.status == .ok)
            #expect(allowed.body.string.contains("sunlight_log_leaves"))
        }
    }

    @Test("issue 16 item 6/7, REC-4: upload bytes are counted once they reach the file store")
    func uploadBytesCounted() async throws {
        try await TestServer.with { server in
            let token = try await server.token(for: "scj.zhangwei")
            let bytes = [UInt8](repeating: 7, count: 123_456)
            #expect(try await server.uploadBlob(bytes, token: token).status == .created)
            #expect(try await scrape(server).body.string.contains("\nsunlight_upload_bytes_total 123456\n"))
        }
    }

    @Test("issue 16 item 6, REC-4: a file of many buffers and past a background flush is hashed and stored intact, and counted once")
    func largeUploadAcrossBuffers() async throws {
        try await TestServer.with { server in
            let token = try await server.token(for: "scj.zhangwei")
            let size = 2 * BlobSink.syncInterval + BlobSink.bufferSize / 3
            // Each MiB differs from the others, so buffers written out of order would change the hash.
            let mebibyte = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 13) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(size)
            while bytes.count < size {
                bytes.append(UInt8(truncatingIfNeeded: bytes.count >> 20))
                bytes.append(contentsOf: mebibyte.prefix(min(mebibyte.count - 1, size - bytes.count)))
            }
            let uploaded = try await server.uploadBlob(bytes, token: token)
            #expect(uploaded.status == .created)
            let sha = try server.json(uploaded)["sha256"] as? String
            #expect(sha == LedgerHash.sha256(bytes).hex)
            let stored = try #require(LedgerHash(hex: sha ?? ""))
            #expect(try server.app.blobStore.rehash(stored) == (LedgerHash.sha256(bytes), UInt64(size)))
            #expect(try server.temporaryUploads().isEmpty)
            #expect(try await scrape(server).body.string.contains("\nsunlight_upload_bytes_total \(size)\n"))
        }
    }

    @Test("issue 16 item 7, REC-11: one structured log line per request names the route's pattern, status, duration and request ID, and never the query string")
    func oneStructuredLinePerRequest() async throws {
        let log = CapturedLog()
        try await TestServer.with(logger: Logger(label: "test") { _ in log }) { server in
            // when: a public search for a person's name
            let response = try await server.api(.GET, "/search?q=%E5%BC%A0%E4%B8%89%E4%B8%B0", token: nil,
                                                headers: ["X-Request-Id": "req-42"])
            #expect(response.status == .ok)
            // then
            let lines = log.events.filter { $0.message.description == "request" }
            #expect(lines.count == 1)
            let metadata = try #require(lines.first?.metadata)
            #expect(metadata["route"] == "/search")
            #expect(metadata["method"] == "GET")
            #expect(metadata["status"]?.description == "200")
            #expect(metadata["request_id"] == "req-42")
            #expect(Double(metadata["duration_ms"]?.description ?? "") != nil)
            let everything = log.events.map { "\($0.message) \($0.metadata ?? [:])" }.joined(separator: "\n")
            #expect(!everything.contains("张三丰") && !everything.contains("%E5%BC%A0"), "the search words were logged")
        }
    }
}

/// Keeps every log event, for reading back.
final class CapturedLog: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [LogEvent] = []
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .info

    var events: [LogEvent] { lock.withLock { kept } }

    func log(event: LogEvent) {
        lock.withLock { kept.append(event) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
