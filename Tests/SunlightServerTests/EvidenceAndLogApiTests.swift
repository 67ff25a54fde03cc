import Foundation
@testable import SunlightCore
import SunlightLedger
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

extension TestServer {
    func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
    }

    /// Uploads bytes as the raw body over a real socket (streamed).
    func uploadBlob(_ bytes: [UInt8], token: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .binary
        headers.add(name: "X-Filename", value: "现场.mp4")
        return try await app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            .sendRequest(.POST, "/api/v1/blobs", headers: headers, body: ByteBuffer(bytes: bytes))
    }

    func temporaryUploads() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: app.blobStore.root.appendingPathComponent("tmp").path)
    }
}

@Suite("文件上传与公开日志接口 REC-4 REC-5")
struct EvidenceAndLogApiTests {
    let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }

    @Test("REC-4: a file uploads as a stream, is stored once by its SHA-256, then recorded and downloaded intact")
    func uploadRecordDownload() async throws {
        try await TestServer.with { server in
            let token = try await server.token(for: "scj.zhangwei")
            let uploaded = try await server.uploadBlob(bytes, token: token)
            #expect(uploaded.status == .created)
            let sha = try server.json(uploaded)["sha256"] as! String
            #expect(sha == LedgerHash.sha256(bytes).hex)
            // An empty upload is bad input: refused, nothing stored (issue 15 item 13).
            let empty = try await server.uploadBlob([], token: token)
            #expect(empty.status == .badRequest && empty.body.string.contains("文件是空的"))
            #expect(server.app.blobStore.size(of: LedgerHash.sha256([])) == nil)
            let again = try await server.uploadBlob(bytes, token: token)
            let isNew = try server.json(again)["new"] as! Bool
            #expect(again.status == .ok && !isNew)

            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            let recorded = try await server.api(.POST, "/api/v1/evidence", token: token, json: """
                {"sha256": "\(sha)", "kind": "video", "title": "现场检查 某超市", "filename": "现场.mp4", "mediaType": "video/mp4",
                 "recordedAt": "2026-11-23T00:30:00Z", "place": "元马镇龙川街 12 号", "recordedBy": "\(officer.id.uuidString)",
                 "device": "执法记录仪 #0032", "parties": "王某某"}
                """)
            #expect(recorded.status == .created, "\(recorded.body.string)")
            let id = try server.json(recorded)["id"] as! String
            let download = try await server.api(.GET, "/api/v1/evidence/\(id)/content", token: token)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == bytes)
            #expect(download.headers.first(name: "Repr-Digest") == "sha-256=:" + Data(LedgerHash.sha256(bytes).bytes).base64EncodedString() + ":")
            let other = try await server.api(.GET, "/api/v1/evidence/\(id)", token: try await server.token(for: "daj.chenming"))
            #expect(other.status == .forbidden)
            #expect(try await server.app.sunlight.cases.verify().isClean)
        }
    }

    @Test("REC-4: a file over the limit is refused with 413 and nothing is kept; clerks may not upload")
    func limits() async throws {
        try await TestServer.with(maxUploadBytes: 1_000_000) { server in
            let token = try await server.token(for: "scj.zhangwei")
            let response = try await server.uploadBlob(bytes, token: token)
            #expect(response.status == .payloadTooLarge)
            #expect(response.apiError?.message.contains("文件过大") == true)
            #expect(response.apiError?.rule == "REC-4")
            #expect(try server.app.blobStore.list().isEmpty)
            #expect(try server.temporaryUploads().isEmpty)
            let clerk = try await server.uploadBlob([1, 2, 3], token: try await server.token(for: "scj.gongshi"))
            #expect(clerk.status == .forbidden)
        }
    }

    @Test("REC-4: the staff upload form streams the file and records it; without its CSRF token nothing is kept")
    func staffUpload() async throws {
        try await TestServer.with { server in
            let browser = server.browser()
            try await browser.logIn("scj.zhangwei")
            let page = try await browser.get("/staff/evidence")
            #expect(page.status == .ok)
            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            let boundary = "----sunlight-upload"
            var body = ""
            for (name, value) in [("kind", "photo"), ("title", "现场照片"), ("recordedAt", "2026-11-23T08:15"), ("place", "元马镇"),
                                  ("recordedBy", officer.id.uuidString), ("device", "执法记录仪 #7"), ("parties", "")] {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"照片.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
            let payload = String(repeating: "照片数据", count: 50_000)
            body += payload + "\r\n--\(boundary)--\r\n"
            let type = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            let refused = try await browser.send(.POST, "/staff/evidence", body: body, contentType: type)
            #expect(refused.status == .forbidden)
            #expect(try server.app.blobStore.list().isEmpty)
            let saved = try await browser.send(.POST, "/staff/evidence?_csrf=\(browser.csrf!)", body: body, contentType: type)
            let uploadError = saved.body.string.range(of: #"id="upload-error">"#).map { String(saved.body.string[$0.upperBound...].prefix(120)) }
            #expect(saved.status == .seeOther, "\(uploadError ?? "")")
            let detail = try await browser.get(saved.location!)
            #expect(detail.body.string.contains(LedgerHash.sha256(Array(payload.utf8)).hex))
            #expect(detail.body.string.contains("照片.jpg"))
        }
    }

    @Test("REC-5: the checkpoint and key are public; an inclusion proof verifies offline; a consistency proof chains checkpoints")
    func publishedLog() async throws {
        try await TestServer.with { server in
            let checkpoint = try await server.api(.GET, "/api/v1/log/checkpoint", token: nil)
            #expect(checkpoint.status == .ok)
            let key = try server.json(try await server.api(.GET, "/api/v1/log/key", token: nil))
            let verifier = try NoteVerifier(verifierKey: key["verifierKey"] as! String)
            let signed = try Checkpoint.open(checkpoint.body.string, verifier: verifier, origin: key["origin"] as? String)
            #expect(signed.size > 50)

            let admin = try await server.token(for: "admin")
            let officer = try #require(try await server.app.sunlight.store.users.find(username: "scj.zhangwei"))
            let proofResponse = try await server.api(.GET, "/api/v1/log/inclusion?table=users&id=\(officer.id.uuidString)", token: admin)
            #expect(proofResponse.status == .ok, "\(proofResponse.body.string)")
            let bundle = try JSONDecoder().decode(InclusionProofBundle.self, from: Data(proofResponse.body.string.utf8))
            let (proved, entry) = try bundle.verify(with: verifier, origin: key["origin"] as? String)
            #expect(entry.table == "users" && entry.recordID == officer.id.uuidString.lowercased())
            #expect(proved.size >= signed.size)

            let missing = try await server.api(.GET, "/api/v1/log/consistency?from=\(signed.size + 1)", token: nil)
            #expect(missing.status == .badRequest || missing.status == .notFound)
            let sizes = try await server.app.sunlight.store.ledger.checkpoints(from: 0, limit: 5).map(\.size)
            let chained = try await server.api(.GET, "/api/v1/log/consistency?from=\(sizes[2])&to=\(signed.size)", token: nil)
            let chain = try JSONDecoder().decode(ConsistencyProofBundle.self, from: Data(chained.body.string.utf8))
            #expect(try chain.verify(with: verifier).1 == signed)

            let outsider = try await server.api(.GET, "/api/v1/log/inclusion?table=users&id=\(officer.id.uuidString)",
                                                token: try await server.token(for: "daj.chenming"))
            #expect(outsider.status == .forbidden)
            let page = try await server.browser().get("/log")
            #expect(page.body.string.contains(verifier.verifierKey))
        }
    }
}
