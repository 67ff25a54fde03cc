import Foundation
import SunlightCore
import Vapor

/// 法制审核工作台 — the rounds a legal reviewer, head or supervisor looks after: open ones first
/// by deadline, with the deadline's state; a reviewer who is an officer of the case is told they
/// may not review it; finished rounds on request (REV-5, REV-8).
struct ReviewQueueController {
    struct Row: Encodable {
        let round, caseID, caseNumber, caseTitle, organisation, number, document, submittedOn, due, dueClass, dueText, state, stateClass: String
        let pending, conflict: Bool
    }

    struct QueuePage: Encodable {
        let page: PageContext
        let rows: [Row]
        let includeDone: Bool
        let count: Int
        let empty: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "reviews", use: list)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let includeDone = request.query[String.self, at: "done"] == "1"
        let items = try await request.sunlight.reviews.reviewQueue(includeDone: includeDone, by: staff.actor)
        let calendar = try await request.sunlight.calendars.current()
        let rows = items.map { item in
            let round = item.round
            let badge = DeadlineBadge(item.state)
            var dueText = round.pending ? badge.text : "已审核"
            if let opinion = round.opinion, opinion.reviewedOn > round.submission.due(on: calendar) { dueText = "超期审核" }
            return Row(round: round.submissionRecord.id.uuidString.lowercased(), caseID: item.enforcementCase.id.uuidString.lowercased(),
                       caseNumber: item.enforcementCase.number, caseTitle: item.enforcementCase.title, organisation: item.organisation.name,
                       number: "第 \(round.number) 轮", document: item.document.type.chineseName, submittedOn: round.submission.submittedOn.iso,
                       due: ReviewText.due(round.submission, on: calendar), dueClass: round.pending ? badge.cssClass : "done", dueText: dueText,
                       state: round.stateName, stateClass: ReviewText.stateClass(round), pending: round.pending, conflict: item.conflict)
        }
        return try await Page.render("staff/review/queue", QueuePage(
            page: ReviewText.page(request, title: "法制审核"), rows: rows, includeDone: includeDone, count: rows.count, empty: rows.isEmpty),
                                     on: request)
    }
}
