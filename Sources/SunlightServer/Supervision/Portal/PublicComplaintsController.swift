import Foundation
import SunlightCore
import Vapor

/// 投诉举报 on the portal (SUP-1): a form that works without JavaScript (double-submit CSRF
/// token, as the login form), the tracking code on the answer page, and progress by code.
struct PublicComplaintsController {
    struct Choice: Encodable {
        let code, label: String
        let selected: Bool
    }

    struct FormPage: Encodable {
        let page: PageContext
        let organisations: [Choice]
        let form: [String: String]
        let anonymous: Bool
        let problem: String?
    }

    struct ProgressPage: Encodable {
        let page: PageContext
        let code: String
        let progress: ComplaintProgress?
        let filed: Bool
        let notFound: Bool
    }

    static let fields = ["organisation", "subject", "description", "location", "name", "phone", "email"]

    func register(_ app: Application) {
        app.get("complaints", "new", use: form)
        app.grouped(CSRFMiddleware()).post("complaints", use: file)
        app.get("complaints", "track", use: track)
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        try await render(request, form: ["organisation": request.query[String.self, at: "o"] ?? ""], anonymous: false, problem: nil)
    }

    func render(_ request: Request, form: [String: String], anonymous: Bool, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let token = Secrets.token(request.sunlight.secrets)
        request.anonymousCSRFToken = token
        let organisations = try await request.sunlight.organisations.publicOrganisationTree().nodes.map(\.organisation)
        let response = try await Page.render("portal/complaint-new", FormPage(
            page: PageContext(request, title: "投诉举报"),
            organisations: organisations.map { Choice(code: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id.uuidString.lowercased() == form["organisation"]) },
            form: form, anonymous: anonymous, problem: problem), on: request, status: status)
        response.cookies[SessionCookie.csrfName] = HTTPCookies.Value(
            string: token, path: "/complaints", isSecure: request.application.sunlightConfiguration.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable func file(_ request: Request) async throws -> Response {
        var form: [String: String] = [:]
        for key in Self.fields { form[key] = (try? request.content.get(String.self, at: key)) ?? "" }
        let anonymous = (try? request.content.get(String.self, at: "anonymous")) == "yes"
        do {
            guard let organisation = UUID(uuidString: form["organisation"] ?? "") else {
                throw SunlightError.invalid("organisation", "请选择受理投诉的机构", rule: .sup1)
            }
            let complaint = try await request.sunlight.supervision.fileComplaint(
                NewComplaint(organisationID: organisation, subject: form["subject"] ?? "", description: form["description"] ?? "",
                             location: form["location"], anonymous: anonymous, name: form["name"], phone: form["phone"], email: form["email"]),
                channel: .portal, by: .visitor(address: request.clientAddress))
            return Page.redirect("/complaints/track?code=\(complaint.trackingCode)&filed=1")
        } catch let error as SunlightError where error.belongsInForm {
            return try await render(request, form: form, anonymous: anonymous, problem: error.description, status: error.httpStatus)
        }
    }

    @Sendable func track(_ request: Request) async throws -> Response {
        let code = (request.query[String.self, at: "code"] ?? "").trimmingCharacters(in: .whitespaces)
        var progress: ComplaintProgress?
        var notFound = false
        if !code.isEmpty {
            do { progress = try await request.sunlight.supervision.complaintProgress(trackingCode: code) } catch let error as SunlightError where error.kind == .notFound {
                notFound = true
            }
        }
        return try await Page.render("portal/complaint-track", ProgressPage(
            page: PageContext(request, title: "投诉举报办理进度"), code: code, progress: progress,
            filed: request.query[String.self, at: "filed"] == "1", notFound: notFound), on: request, status: notFound ? .notFound : .ok)
    }
}
