import Foundation
import SunlightCore
import Vapor

/// 案件页面 — one case with everything recorded and every action its reader may take (REC-1..13).
/// A refused action comes back to this page with the reason, in the form that caused it.
struct CasePageController {
    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "cases", ":case", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await Self.render(request, caseID: try request.uuid("case", "案件"))
    }

    /// The case page, with a form's refusal and what was typed into it.
    static func render(_ request: Request, caseID: UUID, problem: FormProblem? = nil, posted: [String: String] = [:],
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let detail = try await request.sunlight.cases.caseDetail(caseID, by: staff.actor)
        let model = try await CasePageModel.build(detail, request: request, problem: problem, posted: posted)
        return try await Page.render("staff/cases/case", model, on: request, status: status)
    }

    /// Runs a case action posted from the case page: on success back to the page with a notice,
    /// on a refusal the page again with the message in the form (`form` is its `id`).
    static func act(_ request: Request, form: String, notice: String = "recorded",
                    _ action: @Sendable (StaffContext, UUID) async throws -> Void) async throws -> Response {
        let staff = try request.requireStaff()
        let caseID = try request.uuid("case", "案件")
        do {
            try await action(staff, caseID)
            return Page.redirect("/staff/cases/\(caseID.uuidString.lowercased())", notice: notice)
        } catch let error as SunlightError where error.belongsInForm {
            let posted = (try? request.content.decode([String: String].self)) ?? [:]
            return try await render(request, caseID: caseID, problem: FormProblem(form: form, message: error.description), posted: posted,
                                    status: error.httpStatus)
        }
    }
}
