import Crypto
import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 执法文书 — drafting a document of a case from its template, revising the draft, 送审, 签发,
/// 出具, and the A4 print view that is also what goes into the case file (REC-6, REC-10). A
/// penalty notice or decision shows the item's discretion benchmark and whether the fine is
/// within it (STD-3).
struct CaseDocumentsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "cases", ":case", "documents", "new", use: newDraft)
        routes.post("staff", "cases", ":case", "documents", use: draft)
        routes.get("staff", "documents", ":document", use: show)
        routes.post("staff", "documents", ":document", use: revise)
        routes.post("staff", "documents", ":document", "submit", use: submit)
        routes.post("staff", "documents", ":document", "sign", use: sign)
        routes.post("staff", "documents", ":document", "return", use: returnToDraft)
        routes.post("staff", "documents", ":document", "issue", use: issue)
        routes.get("staff", "documents", ":document", "print", use: printView)
    }

    // MARK: drafting

    @Sendable func newDraft(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let detail = try await request.sunlight.cases.caseDetail(try request.uuid("case", "案件"), by: staff.actor)
        guard let type = request.query[String.self, at: "type"].flatMap(DocumentType.init(rawValue:)) else { throw SunlightError.notFound("文书种类") }
        return try await render(request, try await DocumentPageModel.draft(type, detail: detail, request: request, values: DocumentDefaults.values(for: type, in: detail,
                                                                                                                            today: request.sunlight.clock.today),
                                                                 error: nil).withPartyHistory(detail, request: request))
    }

    @Sendable func draft(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let caseID = try request.uuid("case", "案件")
        let form = try request.content.decode([String: String].self)
        guard let type = form["type"].flatMap(DocumentType.init(rawValue:)) else { throw SunlightError.notFound("文书种类") }
        let posted = DocumentForm.fields(from: form, type: type)
        do {
            let document = try await request.sunlight.cases.draftDocument(case: caseID, type: type, fields: posted, by: staff.actor)
            return Page.redirect("/staff/documents/\(document.id.uuidString.lowercased())", notice: "document_drafted")
        } catch let error as SunlightError where error.belongsInForm {
            let detail = try await request.sunlight.cases.caseDetail(caseID, by: staff.actor)
            return try await render(request, try await DocumentPageModel.draft(type, detail: detail, request: request, values: posted, error: error.description)
                                        .withPartyHistory(detail, request: request), status: error.httpStatus)
        }
    }

    // MARK: the document

    @Sendable func show(_ request: Request) async throws -> Response {
        try await renderDocument(request, error: nil)
    }

    @Sendable func revise(_ request: Request) async throws -> Response {
        let posted = DocumentForm.fields(from: try request.content.decode([String: String].self))
        return try await change(request, notice: "document_revised", values: posted) { id, actor in
            _ = try await request.sunlight.cases.reviseDocument(id, fields: posted, by: actor)
        }
    }

    @Sendable func submit(_ request: Request) async throws -> Response {
        try await change(request, notice: "document_submitted") { id, actor in _ = try await request.sunlight.cases.submitDocument(id, by: actor) }
    }

    @Sendable func sign(_ request: Request) async throws -> Response {
        try await change(request, notice: "document_signed") { id, actor in _ = try await request.sunlight.cases.signDocument(id, by: actor) }
    }

    @Sendable func returnToDraft(_ request: Request) async throws -> Response {
        try await change(request, notice: "document_returned") { id, actor in
            _ = try await request.sunlight.cases.returnDocument(id, reason: request.field("reason") ?? "", by: actor)
        }
    }

    @Sendable func issue(_ request: Request) async throws -> Response {
        try await change(request, notice: "document_issued") { id, actor in _ = try await request.sunlight.cases.issueDocument(id, by: actor) }
    }

    /// 打印（A4） — the document's sheet exactly as the case file holds it: self-contained HTML,
    /// its own style allowed by hash and nothing else.
    @Sendable func printView(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let (document, detail) = try await request.sunlight.cases.caseDocument(try request.uuid("document", "文书"), by: staff.actor)
        let html = detail.sheet(document).html
        let response = Response(status: .ok, body: .init(string: html))
        response.headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        var styles = ""
        var rest = html[...]
        while let open = rest.range(of: "<style>"), let close = rest[open.upperBound...].range(of: "</style>") {
            let digest = SHA256.hash(data: Data(rest[open.upperBound..<close.lowerBound].utf8))
            styles += " 'sha256-\(Data(digest).base64EncodedString())'"
            rest = rest[close.upperBound...]
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                      value: "default-src 'none'; style-src\(styles.isEmpty ? " 'none'" : styles); img-src 'self' data:; frame-ancestors 'none'; form-action 'none'")
        return response
    }

    // MARK: helpers

    private func change(_ request: Request, notice: String, values: [String: String]? = nil,
                        _ action: (UUID, Actor) async throws -> Void) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("document", "文书")
        do {
            try await action(id, staff.actor)
            return Page.redirect("/staff/documents/\(id.uuidString.lowercased())", notice: notice)
        } catch let error as SunlightError where error.belongsInForm {
            return try await renderDocument(request, error: error.description, values: values, status: error.httpStatus)
        }
    }

    private func renderDocument(_ request: Request, error: String?, values: [String: String]? = nil,
                                status: HTTPResponseStatus = .ok) async throws -> Response {
        try await Self.renderDocument(request, error: error, values: values, status: status)
    }

    /// The document page; a decision's page carries its legal review box, with the review
    /// form's refusal and what was typed into it (REV-3).
    static func renderDocument(_ request: Request, error: String?, values: [String: String]? = nil, reviewProblem: String? = nil,
                               reviewValues: [String: String]? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let (document, detail) = try await request.sunlight.cases.caseDocument(try request.uuid("document", "文书"), by: staff.actor)
        let actions = try await request.sunlight.cases.documentActions(document.id, by: staff.actor)
        let review = try await DocumentReviewBox.build(document, actions: actions, detail: detail, request: request, problem: reviewProblem, posted: reviewValues)
        return try await Page.render("staff/cases/document", try await DocumentPageModel.existing(document, actions: actions, detail: detail, request: request, values: values,
                                                                                        error: error, review: review)
                                        .withPartyHistory(detail, request: request),
                                     on: request, status: status)
    }

    private func render(_ request: Request, _ model: DocumentPageModel, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await Page.render("staff/cases/document", model, on: request, status: status)
    }
}
