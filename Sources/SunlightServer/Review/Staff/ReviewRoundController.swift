import Foundation
import SunlightCore
import Vapor

/// 审核 — one round's page and its forms: the reviewer's checklist and opinion (REV-4, REV-5,
/// REV-8), the coordination of a disagreement (REV-6), the heads' collective discussion (REV-7).
/// A refusal comes back to the page with the rule and what was typed.
struct ReviewRoundController {
    func register(_ routes: any RoutesBuilder) {
        let round = routes.grouped("staff", "reviews", ":round")
        round.get(use: show)
        round.post("opinion", use: opinion)
        round.post("coordination", use: coordinate)
        round.post("discussion", use: discuss)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await Self.render(request, roundID: try request.uuid("round", "送审记录"))
    }

    /// 审核意见: every element answered, the outcome, the written opinion.
    @Sendable func opinion(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("round", "送审记录")
        let input = try request.content.decode(OpinionInput.self)
        do {
            guard let outcome = input.outcome.flatMap(ReviewOutcome.init(rawValue:)) else {
                throw SunlightError.invalid("outcome", "请选择审核意见：同意、不予作出决定、补充材料、纠正程序或修改法律适用", rule: .rev5)
            }
            _ = try await request.sunlight.reviews.recordOpinion(round: id, answers: input.answers, outcome: outcome, text: input.opinionText ?? "",
                                                         by: staff.actor)
            return Page.redirect("/staff/reviews/\(id.uuidString.lowercased())", notice: "opinion_recorded")
        } catch let error as SunlightError where error.belongsInForm {
            return try await Self.render(request, roundID: id, problem: FormProblem(form: "opinion", message: error.description), opinion: input,
                                         status: error.httpStatus)
        }
    }

    /// 意见协调 (REV-6).
    @Sendable func coordinate(_ request: Request) async throws -> Response {
        try await act(request, form: "coordination", notice: "coordination_recorded", keys: ["participants", "content", "result"]) { staff, id in
            guard let result = request.field("result").flatMap(DisagreementCoordination.Result.init(rawValue:)) else {
                throw SunlightError.invalid("result", "请选择协调结果", rule: .rev6)
            }
            _ = try await request.sunlight.reviews.recordCoordination(round: id, participants: [request.field("participants") ?? ""],
                                                              content: request.field("content") ?? "", result: result, by: staff.actor)
        }
    }

    /// 集体讨论 (head, REV-7).
    @Sendable func discuss(_ request: Request) async throws -> Response {
        try await act(request, form: "discussion", notice: "discussion_recorded", keys: ["participants", "minutes", "discussionOutcome"]) { staff, id in
            guard let outcome = request.field("discussionOutcome").flatMap(CollectiveDiscussion.Outcome.init(rawValue:)) else {
                throw SunlightError.invalid("discussionOutcome", "请选择讨论结论", rule: .rev7)
            }
            _ = try await request.sunlight.reviews.recordDiscussion(round: id, participants: [request.field("participants") ?? ""],
                                                            minutes: request.field("minutes") ?? "", outcome: outcome, by: staff.actor)
        }
    }

    private func act(_ request: Request, form: String, notice: String, keys: [String],
                     _ action: (StaffContext, UUID) async throws -> Void) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("round", "送审记录")
        do {
            try await action(staff, id)
            return Page.redirect("/staff/reviews/\(id.uuidString.lowercased())", notice: notice)
        } catch let error as SunlightError where error.belongsInForm {
            var posted: [String: String] = [:]
            for key in keys { posted[key] = request.field(key) }
            return try await Self.render(request, roundID: id, problem: FormProblem(form: form, message: error.description), posted: posted,
                                         status: error.httpStatus)
        }
    }

    static func render(_ request: Request, roundID: UUID, problem: FormProblem? = nil, opinion: OpinionInput? = nil,
                       posted: [String: String] = [:], status: HTTPResponseStatus = .ok) async throws -> Response {
        let model = try await ReviewRoundPageModel.build(roundID, request: request, problem: problem, opinion: opinion, posted: posted)
        return try await Page.render("staff/review/round", model, on: request, status: status)
    }
}
