import Foundation
import SunlightCore
import Vapor

/// 送审 and 认定 — the officer's side of legal review: submitting a draft decision with the
/// review form from its page (REV-3), and declaring the circumstances of 行政处罚法 第五十八条
/// that make a case's decision major, from the case page (REV-2).
struct ReviewSubmissionController {
    struct FactorsForm: Content {
        var factors: [String]?
        var majorNote: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.post("staff", "documents", ":document", "legal-review", use: submit)
        routes.post("staff", "cases", ":case", "major-factors", use: declare)
    }

    /// 提交法制审核: the five parts of the form; the case's evidence goes with it.
    @Sendable func submit(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("document", "文书")
        var values: [String: String] = [:]
        for (key, _) in ReviewForm.labels { values[key] = (try? request.content.get(String.self, at: key)) ?? "" }
        do {
            let form = ReviewForm(facts: values["facts"] ?? "", law: values["law"] ?? "", hearing: values["hearing"] ?? "",
                                  proposal: values["proposal"] ?? "", other: values["other"] ?? "")
            _ = try await request.sunlight.reviews.submitForReview(document: id, form: form, by: staff.actor)
            return Page.redirect("/staff/documents/\(id.uuidString.lowercased())", notice: "review_submitted")
        } catch let error as SunlightError where error.belongsInForm {
            return try await CaseDocumentsController.renderDocument(request, error: nil, reviewProblem: error.description, reviewValues: values,
                                                                    status: error.httpStatus)
        }
    }

    /// 认定重大执法决定情形: the circumstances ticked (none is a declaration too) and the reason.
    @Sendable func declare(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("case", "案件")
        let form = try request.content.decode(FactorsForm.self)
        let factors = Set((form.factors ?? []).compactMap(MajorFactor.init(rawValue:)))
        do {
            _ = try await request.sunlight.reviews.declareMajorFactors(case: id, factors: factors, note: form.majorNote ?? "", by: staff.actor)
            return Page.redirect("/staff/cases/\(id.uuidString.lowercased())", notice: "factors_declared")
        } catch let error as SunlightError where error.belongsInForm {
            var posted = ["majorNote": form.majorNote ?? ""]
            for factor in factors { posted["factor.\(factor.rawValue)"] = "yes" }
            return try await CasePageController.render(request, caseID: id, problem: FormProblem(form: "major", message: error.description),
                                                       posted: posted, status: error.httpStatus)
        }
    }
}
