import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// Legal review of major decisions through the API (重大执法决定法制审核, REV-1..9): the
/// catalogue, the officer's declaration and submission, the reviewer's queue and opinion,
/// coordination, the heads' collective discussion, supervision flags and statistics. Each
/// handler decodes, calls one use case and maps the answer; the use cases apply every rule,
/// and the REV-1 gate itself sits in signing and issuing the decision.
struct ReviewsApiController {
    struct RuleIn: Content {
        let code: String
        let title: String
        let source: String
        let categories: [EnforcementCategory]?
        let itemEntryIDs: [UUID]?
        let fields: [String]?
        let levels: [AdministrativeLevel]?
        let minAmountPerson: Int?
        let minAmountOrganisation: Int?
        let hearingHeld: Bool?
        let factors: [MajorFactor]?
        let collectiveDiscussion: Bool?

        var rule: MajorDecisionRule {
            MajorDecisionRule(code: code, title: title, source: source, categories: categories ?? [], itemEntryIDs: itemEntryIDs ?? [],
                              fields: fields ?? [], levels: levels ?? [], minAmountPerson: minAmountPerson,
                              minAmountOrganisation: minAmountOrganisation, hearingHeld: hearingHeld ?? false, factors: factors ?? [],
                              collectiveDiscussion: collectiveDiscussion ?? false)
        }
    }

    struct CatalogueIn: Content {
        let rules: [RuleIn]
        let reviewDays: Int
        /// Today when absent; never in the past.
        let effectiveOn: CivilDate?
        let note: String
    }

    struct FactorsIn: Content {
        let factors: [MajorFactor]
        let note: String
    }

    /// 法制审核表; a missing part is refused by the domain with every missing part named (REV-3).
    struct FormIn: Content {
        let facts: String?
        let law: String?
        let hearing: String?
        let proposal: String?
        let other: String?

        var form: ReviewForm {
            ReviewForm(facts: facts ?? "", law: law ?? "", hearing: hearing ?? "", proposal: proposal ?? "", other: other ?? "")
        }
    }

    struct OpinionIn: Content {
        struct AnswerIn: Content {
            let element: ReviewElement
            let verdict: ChecklistAnswer.Verdict
            let comment: String?
        }

        let answers: [AnswerIn]
        let outcome: ReviewOutcome
        let text: String
    }

    struct CoordinationIn: Content {
        let participants: [String]
        let content: String
        let result: DisagreementCoordination.Result
    }

    struct DiscussionIn: Content {
        let participants: [String]
        let minutes: String
        let outcome: CollectiveDiscussion.Outcome
    }

    func register(_ authenticated: any RoutesBuilder) {
        authenticated.get("review-catalogue", use: catalogue)
        authenticated.post("review-catalogue", use: adoptCatalogue)
        authenticated.post("cases", ":id", "major-factors", use: declareFactors)
        authenticated.get("documents", ":id", "review", use: documentReview)
        authenticated.post("documents", ":id", "review-submissions", use: submit)
        let reviews = authenticated.grouped("reviews")
        reviews.get(use: queue)
        // Constant segments win over `:id` in Vapor's router.
        reviews.get("flags", use: flags)
        reviews.get("statistics", use: statistics)
        reviews.get("statistics.csv", use: statisticsCSV)
        reviews.get(":id", use: round)
        reviews.post(":id", "opinion", use: opinion)
        reviews.post(":id", "coordination", use: coordination)
        reviews.post(":id", "discussion", use: discussion)
    }

    // MARK: Catalogue and declaration (REV-2)

    /// The caller's organisation's catalogue, or, with `organisation`, another one the caller may read.
    @Sendable func catalogue(_ request: Request) async throws -> API.ReviewCataloguesOut {
        let organisation = try request.query.get(UUID?.self, at: "organisation")
        let actor = try request.requireApiActor()
        let (current, versions) = try await request.sunlight.reviews.catalogues(of: organisation, by: actor)
        let approvals = try await request.sunlight.reviews.catalogueApprovals(of: organisation, by: actor)
        return API.ReviewCataloguesOut(current: API.ReviewCatalogueOut(current, approval: current.organisationID == nil ? nil : approvals[current.version]),
                                       versions: versions.map { API.ReviewCatalogueOut($0, approval: approvals[$0.version]) })
    }

    @Sendable func adoptCatalogue(_ request: Request) async throws -> Response {
        let input = try request.content.decode(CatalogueIn.self)
        let adopted = try await request.sunlight.reviews.adoptCatalogue(rules: input.rules.map(\.rule), reviewDays: input.reviewDays,
                                                                effectiveOn: input.effectiveOn, note: input.note, by: try request.requireApiActor())
        let approval = try await request.sunlight.reviews.catalogueApprovals(by: try request.requireApiActor())[adopted.version]
        return try await API.ReviewCatalogueOut(adopted, approval: approval).encodeResponse(status: .created, for: request)
    }

    @Sendable func declareFactors(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(FactorsIn.self)
        return API.CaseOut(try await request.sunlight.reviews.declareMajorFactors(case: try request.uuid("id", "案件"), factors: Set(input.factors),
                                                                          note: input.note, by: try request.requireApiActor()))
    }

    // MARK: A draft decision's review (REV-2, REV-3)

    @Sendable func documentReview(_ request: Request) async throws -> API.DocumentReviewOut {
        let id = try request.uuid("id", "文书")
        let (requirement, history) = try await request.sunlight.reviews.reviewStatus(of: id, by: try request.requireApiActor())
        return API.DocumentReviewOut(documentID: id, requirement: requirement, history: history)
    }

    /// Starts a round; the answer is the round as it stands (201).
    @Sendable func submit(_ request: Request) async throws -> Response {
        let input = try request.content.decode(FormIn.self)
        let actor = try request.requireApiActor()
        let record = try await request.sunlight.reviews.submitForReview(document: try request.uuid("id", "文书"), form: input.form, by: actor)
        return try await Self.round(record.id, of: record, by: actor, request).encodeResponse(status: .created, for: request)
    }

    // MARK: The reviewer's work (REV-4..8)

    /// Open rounds by deadline; `all=true` adds finished ones.
    @Sendable func queue(_ request: Request) async throws -> API.ListOut<API.ReviewQueueItemOut> {
        let all = try request.query.get(Bool?.self, at: "all") ?? false
        let items = try await request.sunlight.reviews.reviewQueue(includeDone: all, by: try request.requireApiActor())
        return API.ListOut(items: items.map(API.ReviewQueueItemOut.init))
    }

    @Sendable func round(_ request: Request) async throws -> API.ReviewRoundDetailOut {
        let found = try await request.sunlight.reviews.reviewRound(try request.uuid("id", "送审记录"), by: try request.requireApiActor())
        return API.ReviewRoundDetailOut(round: found.round, history: found.history, theCase: found.case, document: found.document,
                                        requirement: found.requirement)
    }

    @Sendable func opinion(_ request: Request) async throws -> API.ReviewRoundOut {
        let input = try request.content.decode(OpinionIn.self)
        let answers = input.answers.map { ChecklistAnswer(element: $0.element, verdict: $0.verdict, comment: $0.comment ?? "") }
        return try await roundAfter(request) { id, actor in
            try await request.sunlight.reviews.recordOpinion(round: id, answers: answers, outcome: input.outcome, text: input.text, by: actor)
        }
    }

    @Sendable func coordination(_ request: Request) async throws -> API.ReviewRoundOut {
        let input = try request.content.decode(CoordinationIn.self)
        return try await roundAfter(request) { id, actor in
            try await request.sunlight.reviews.recordCoordination(round: id, participants: input.participants, content: input.content,
                                                          result: input.result, by: actor)
        }
    }

    @Sendable func discussion(_ request: Request) async throws -> API.ReviewRoundOut {
        let input = try request.content.decode(DiscussionIn.self)
        return try await roundAfter(request) { id, actor in
            try await request.sunlight.reviews.recordDiscussion(round: id, participants: input.participants, minutes: input.minutes,
                                                        outcome: input.outcome, by: actor)
        }
    }

    // MARK: Supervision (REV-5, REV-9)

    @Sendable func flags(_ request: Request) async throws -> API.ListOut<API.ReviewFlagOut> {
        API.ListOut(items: try await request.sunlight.reviews.reviewFlags(by: try request.requireApiActor()).map(API.ReviewFlagOut.init))
    }

    @Sendable func statistics(_ request: Request) async throws -> API.ReviewStatisticsOut {
        let (from, to) = try CasesApiController.period(request)
        return API.ReviewStatisticsOut(try await request.sunlight.reviews.reviewStatistics(from: from, to: to, by: try request.requireApiActor()))
    }

    @Sendable func statisticsCSV(_ request: Request) async throws -> Response {
        let (from, to) = try CasesApiController.period(request)
        let statistics = try await request.sunlight.reviews.reviewStatistics(from: from, to: to, by: try request.requireApiActor())
        return request.csvResponse(CSV.document(statistics.table), filename: "法制审核统计-\(from.iso)-\(to.iso).csv")
    }

    // MARK: Helpers

    /// Records something in the round named by the path, then answers with the round as it now stands.
    private func roundAfter(_ request: Request, _ record: (UUID, Actor) async throws -> ReviewRecord) async throws -> API.ReviewRoundOut {
        let id = try request.uuid("id", "送审记录")
        let actor = try request.requireApiActor()
        return try await Self.round(id, of: try await record(id, actor), by: actor, request)
    }

    /// The round `id` as it stands after `record` was added to it.
    private static func round(_ id: UUID, of record: ReviewRecord, by actor: Actor, _ request: Request) async throws -> API.ReviewRoundOut {
        let (_, history) = try await request.sunlight.reviews.reviewStatus(of: record.documentID, by: actor)
        guard let round = history.rounds.first(where: { $0.submissionRecord.id == id }) else { throw SunlightError.notFound("送审记录") }
        return API.ReviewRoundOut(round)
    }
}
