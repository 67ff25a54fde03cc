import Foundation
@testable import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// Drives cases through `/api/v1` as the demo market-regulation bureau's staff would: every
/// step is an HTTP call with the acting person's own bearer token.
struct CaseApiClient {
    let server: TestServer
    let tokens: [String: String]

    static let staff = ["scj.zhangwei", "scj.lina", "scj.zhaolei", "scj.wangfang", "scj.fazhi", "scj.gongshi", "daj.chenming", "jiandu"]

    /// A client with tokens for ``staff`` and for `also` (say, the archives bureau's staff or a user a test created).
    static func make(_ server: TestServer, also: [String] = []) async throws -> CaseApiClient {
        var tokens: [String: String] = [:]
        for username in staff + also { tokens[username] = try await server.token(for: username) }
        return CaseApiClient(server: server, tokens: tokens)
    }

    func user(_ username: String) async throws -> String {
        try #require(try await server.app.sunlight.store.users.find(username: username)).id.uuidString
    }

    /// The demo bureau's published penalty item for unsafe food (`5323280-CF-001`).
    func foodSafetyItem() async throws -> String {
        let market = server.seeded.organisation("元谋县市场监督管理局").id
        let items = try await server.app.sunlight.publicity.publishedList(.item, organisationID: market)
        return try #require(items.first { $0.version.fields["code"] == "5323280-CF-001" }).version.entryID.uuidString
    }

    func day(_ iso: String) { server.clock.set(CivilDate(iso: iso)!) }

    /// One call; `json` is encoded with JSONSerialization unless it is already a string.
    func call(_ method: HTTPMethod, _ path: String, as username: String = "scj.zhangwei", _ json: Any? = nil) async throws -> TestingHTTPResponse {
        let body: String? = switch json {
        case nil: nil
        case let text as String: text
        case let object?: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        return try await server.api(method, path, token: tokens[username], json: body)
    }

    /// A call that must succeed with `status`; its JSON object.
    @discardableResult
    func ok(_ method: HTTPMethod, _ path: String, as username: String = "scj.zhangwei", _ json: Any? = nil, status: HTTPStatus = .ok,
            sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let response = try await call(method, path, as: username, json)
        try #require(response.status == status, "\(method) \(path): \(response.body.string)", sourceLocation: sourceLocation)
        guard response.status != .noContent else { return [:] }
        return try server.json(response)
    }

    /// A call that must be refused with `status`, `code` and `rule`; the refusal's message.
    @discardableResult
    func refused(_ method: HTTPMethod, _ path: String, as username: String = "scj.zhangwei", _ json: Any? = nil,
                 status: HTTPStatus = .unprocessableEntity, code: String? = nil, rule: String?,
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await call(method, path, as: username, json)
        #expect(response.status == status, "\(method) \(path): \(response.body.string)", sourceLocation: sourceLocation)
        let error = try #require(response.apiError, "\(response.body.string)", sourceLocation: sourceLocation)
        if let code { #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation) }
        #expect(error.rule == rule, "\(error.code): \(error.message)", sourceLocation: sourceLocation)
        return error.message
    }

    /// Opens a penalty case for the food-safety item with 张伟 and 李娜; its JSON.
    @discardableResult
    func openCase(simple: Bool = false, title: String = "销售超过保质期的食品", decisionDays: Int? = nil,
                  as username: String = "scj.zhangwei") async throws -> [String: Any] {
        var body: [String: Any] = [
            "title": title, "category": "penalty", "simple": simple, "itemEntryID": try await foodSafetyItem(), "source": "inspection",
            "violationOn": server.clock.today.iso,
            "parties": [["kind": "person", "name": "王小明", "idNumber": "532328198001011234", "address": "元谋县元马镇龙川街 12 号",
                         "phone": "13800001111"]],
            "officers": [try await user("scj.lina")],
        ]
        if let decisionDays { body["decisionDays"] = decisionDays }
        return try await ok(.POST, "/api/v1/cases", as: username, body, status: .created)
    }

    func detail(_ caseID: String, as username: String = "scj.zhangwei") async throws -> [String: Any] {
        try await ok(.GET, "/api/v1/cases/\(caseID)", as: username)
    }

    /// Drafts a document from its template and sends it for signature; its ID.
    func submitted(_ caseID: String, _ type: DocumentType, _ overrides: [String: String] = [:], drafter: String = "scj.zhangwei",
                   sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let draft = try await ok(.POST, "/api/v1/cases/\(caseID)/documents", as: drafter,
                                 ["type": type.rawValue, "fields": type.sampleFields(overrides)], status: .created, sourceLocation: sourceLocation)
        let id = try #require(draft["id"] as? String)
        try await ok(.POST, "/api/v1/documents/\(id)/submit", as: drafter, sourceLocation: sourceLocation)
        return id
    }

    /// Who signs: the head signs approvals, notices and decisions; the other officer checks records.
    static func signer(of type: DocumentType, drafter: String) -> String {
        type.signedByHead ? "scj.wangfang" : (drafter == "scj.zhangwei" ? "scj.lina" : "scj.zhangwei")
    }

    /// Drafts, submits, signs and issues a document; the issued document's JSON.
    @discardableResult
    func issue(_ caseID: String, _ type: DocumentType, _ overrides: [String: String] = [:], drafter: String = "scj.zhangwei",
               sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let id = try await submitted(caseID, type, overrides, drafter: drafter, sourceLocation: sourceLocation)
        try await ok(.POST, "/api/v1/documents/\(id)/sign", as: Self.signer(of: type, drafter: drafter), sourceLocation: sourceLocation)
        return try await ok(.POST, "/api/v1/documents/\(id)/issue", as: drafter, sourceLocation: sourceLocation)
    }

    /// Completes the current stage; the case's JSON.
    @discardableResult
    func complete(_ caseID: String, as username: String = "scj.zhangwei", sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        try await ok(.POST, "/api/v1/cases/\(caseID)/stage/complete", as: username, sourceLocation: sourceLocation)
    }

    /// The refusal of completing the current stage.
    @discardableResult
    func completionRefused(_ caseID: String, code: String, rule: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await refused(.POST, "/api/v1/cases/\(caseID)/stage/complete", code: code, rule: rule, sourceLocation: sourceLocation)
    }

    /// The body-camera clip shipped with the tests (an 18 KB H.264/AAC MP4).
    static func bodycamVideo() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bodycam-sample.mp4")
        return Array(try Data(contentsOf: url))
    }

    /// Uploads the clip as a raw body over a socket and records it with its REC-4 metadata; the file record's JSON.
    func recordBodycamVideo(title: String = "执法记录仪录像：现场检查") async throws -> [String: Any] {
        let uploaded = try await server.uploadBlob(try Self.bodycamVideo(), token: tokens["scj.zhangwei"]!)
        try #require(uploaded.status == .created || uploaded.status == .ok, "\(uploaded.body.string)")
        let sha256 = try #require(try server.json(uploaded)["sha256"] as? String)
        return try await ok(.POST, "/api/v1/evidence", [
            "sha256": sha256, "kind": "video", "title": title, "filename": "bodycam-0032.mp4", "mediaType": "video/mp4",
            "recordedAt": "2026-09-21T00:30:00Z", "place": "元谋县元马镇龙川街 12 号好又多超市", "recordedBy": try await user("scj.zhangwei"),
            "device": "执法记录仪 DSJ-0032", "parties": "王小明",
        ], status: .created)
    }

    /// Attaches a recorded file to the case's current stage as audio/visual evidence confirmed by the party (REC-8).
    @discardableResult
    func attach(_ fileID: String, to caseID: String, description: String = "执法记录仪录像：现场检查过程") async throws -> [String: Any] {
        try await ok(.POST, "/api/v1/cases/\(caseID)/evidence", [
            "kind": "audiovisual", "description": description, "source": "执法人员现场拍摄", "original": true,
            "confirmedBy": "王小明", "confirmedOn": server.clock.today.iso, "fileID": fileID,
        ], status: .created)
    }
}

/// Legal review of major decisions through the API (REV-1..9).
extension CaseApiClient {
    /// A complete 法制审核表 (REV-3).
    static var reviewForm: [String: Any] {
        ["facts": "当事人销售超过保质期的食品，有现场检查笔录、执法记录仪录像和询问笔录为证。",
         "law": "《中华人民共和国食品安全法》第三十四条第十项、第一百二十四条第一款第五项。",
         "hearing": "当事人要求听证，已依法举行听证，听证笔录在卷。",
         "proposal": "对当事人罚款人民币肆万元。",
         "other": ""]
    }

    static let reviewElements = ["subject", "officers", "facts", "evidence", "law", "discretion", "procedure", "power", "documents", "crime"]

    /// Every element of the checklist answered, `problems` with a comment saying what is wrong (REV-4).
    static func answers(problems: [String] = []) -> [[String: Any]] {
        reviewElements.map { element in
            problems.contains(element) ? ["element": element, "verdict": "problem", "comment": "证据不足，须补充"]
                : ["element": element, "verdict": "pass", "comment": ""]
        }
    }

    /// Submits a draft decision for legal review with the form; the new round's JSON (REV-3).
    @discardableResult
    func submitForReview(_ documentID: String, as username: String = "scj.zhangwei", form: [String: Any] = reviewForm,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        try await ok(.POST, "/api/v1/documents/\(documentID)/review-submissions", as: username, form, status: .created, sourceLocation: sourceLocation)
    }

    /// The reviewer gives an opinion on a round, answering every element (REV-4, REV-5); the round's JSON.
    @discardableResult
    func opinion(_ roundID: String, _ outcome: String = "approve", problems: [String] = [], as reviewer: String = "scj.fazhi",
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        try await ok(.POST, "/api/v1/reviews/\(roundID)/opinion", as: reviewer, [
            "answers": Self.answers(problems: problems), "outcome": outcome,
            "text": outcome == "approve" ? "事实清楚，证据确凿，适用法律正确，程序合法，同意作出决定。" : "证据尚不充分，请补充后重新送审。",
        ], sourceLocation: sourceLocation)
    }

    /// Submits a draft decision and has the reviewer approve it; the round's JSON.
    @discardableResult
    func passReview(_ documentID: String, drafter: String = "scj.zhangwei", reviewer: String = "scj.fazhi",
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let round = try await submitForReview(documentID, as: drafter, sourceLocation: sourceLocation)
        return try await opinion(try #require(round[string: "id"], sourceLocation: sourceLocation), as: reviewer, sourceLocation: sourceLocation)
    }
}

extension Dictionary where Key == String, Value == Any {
    subscript(string key: String) -> String? { self[key] as? String }
    subscript(objects key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    subscript(object key: String) -> [String: Any]? { self[key] as? [String: Any] }
}
