import Foundation
import SunlightCore
import Vapor

/// 考核评价 — the bureau's scheme and its rating of each organisation (measured indicators computed
/// from the records, the rest scored), publication after the government's approval; a head's view of
/// the organisation's scores, its self-assessment and the half-yearly officer evaluation (SUP-8).
struct AssessmentController {
    struct IndicatorView: Encodable { let code, name, source: String; let points: Int; let scored: Bool }
    struct ScoreView: Encodable { let name, measured, score: String; let points: Int }
    struct RatingView: Encodable {
        let organisationID, organisation, total, grade, status, approval, ratingID: String
        let scores: [ScoreView]
        let saved, published: Bool
        /// ``RatingAction`` → allowed now.
        let can: [String: Bool]
    }
    struct FilingView: Encodable { let kind, period, organisation, filedOn, text, officers: String }
    struct OfficerView: Encodable { let id, name: String }
    struct AssessmentPage: Encodable {
        let page: PageContext
        let year: Int
        let indicators: [IndicatorView]
        let excellentFrom, goodFrom, passFrom: Int
        let ratings: [RatingView]
        let filings: [FilingView]
        let officers: [OfficerView]
        let grades: [Option]
        let half: String
        /// ``AssessmentStart`` → allowed now.
        let can: [String: Bool]
        let problem: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "assessment", use: show)
        routes.post("staff", "assessment", "scheme", use: scheme)
        routes.post("staff", "assessment", "rate", use: rate)
        routes.post("staff", "assessment", ":rating", "publish", use: publish)
        routes.post("staff", "assessment", "self", use: selfAssessment)
        routes.post("staff", "assessment", "officers", use: officers)
    }

    func year(_ request: Request) -> Int {
        request.query[Int.self, at: "year"] ?? request.field("year").flatMap(Int.init) ?? request.sunlight.clock.today.year
    }

    @Sendable func show(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let year = year(request)
        let desk = try await sunlight.supervision.assessmentDesk(year: year, by: actor)
        let scheme = desk.scheme
        let ratings = desk.ratings.map { item in
            let rating = item.rating
            let stored = item.saved ? rating : nil
            return RatingView(
                organisationID: rating.organisationID.uuidString.lowercased(), organisation: item.organisationName,
                total: OrganisationAssessment.pointsText(rating.totalTenths),
                grade: rating.grade.chineseName, status: stored == nil ? "未评定（按现有数据试算）" : (stored?.status == .published ? "已公布" : "已评定"),
                approval: stored?.approval ?? "", ratingID: stored?.id.uuidString.lowercased() ?? "",
                scores: rating.scores.map { ScoreView(name: $0.name, measured: $0.measured ?? "评分", score: OrganisationAssessment.pointsText($0.tenths), points: $0.points) },
                saved: stored != nil, published: stored?.status == .published, can: Can.flags(item.actions))
        }
        let filings = desk.filings.map { filing, organisation in
            FilingView(kind: filing.kind.chineseName, period: filing.period, organisation: organisation, filedOn: filing.filedOn.iso, text: filing.text,
                       officers: filing.officers.map { "\($0.name)：\($0.grade.chineseName)" }.joined(separator: "；"))
        }
        return try await Page.render("staff/assessment/assessment", AssessmentPage(
            page: PageContext(request, title: "考核评价"), year: year,
            indicators: scheme.indicators.map { IndicatorView(code: $0.code, name: $0.name, source: $0.measure.map { measure in "系统计算" + (measure.rule.legalBasis.map { "（依据\($0)）" } ?? "") } ?? "人工评分",
                                                             points: $0.points, scored: $0.measure == nil) },
            excellentFrom: scheme.excellentFrom, goodFrom: scheme.goodFrom, passFrom: scheme.passFrom, ratings: ratings, filings: filings,
            officers: desk.officers.map { OfficerView(id: $0.id.uuidString.lowercased(), name: $0.name) },
            grades: CaseText.options(AssessmentGrade.self, \.chineseName),
            half: desk.half, can: Can.flags(desk.start), problem: problem), on: request, status: status)
    }

    func number(_ request: Request, _ key: String) throws -> Int {
        guard let value = request.field(key).flatMap(Int.init) else { throw SunlightError.invalid(key, "请填写整数", rule: .sup8) }
        return value
    }

    @Sendable func scheme(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            let current = try await request.sunlight.supervision.assessmentScheme(year: year(request), by: actor)
            var points: [String: Int] = [:]
            for indicator in current.indicators { points[indicator.code] = try number(request, "points_\(indicator.code)") }
            _ = try await request.sunlight.supervision.saveAssessmentScheme(year: year(request), points: points, excellentFrom: try number(request, "excellentFrom"),
                                                               goodFrom: try number(request, "goodFrom"), passFrom: try number(request, "passFrom"), by: actor)
        }
    }

    @Sendable func rate(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            guard let organisation = request.field("organisation").flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid("organisation", "请选择单位", rule: .sup8) }
            let current = try await request.sunlight.supervision.assessmentScheme(year: year(request), by: actor)
            var scored: [String: Int] = [:]
            for indicator in current.indicators where indicator.measure == nil { scored[indicator.code] = try number(request, "score_\(indicator.code)") }
            _ = try await request.sunlight.supervision.rateOrganisation(organisation, year: year(request), scored: scored, by: actor)
        }
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            _ = try await request.sunlight.supervision.publishAssessment(try request.uuid("rating", "考核结果"), approval: request.field("approval") ?? "", by: actor)
        }
    }

    @Sendable func selfAssessment(_ request: Request) async throws -> Response {
        try await act(request) { actor in _ = try await request.sunlight.supervision.fileSelfAssessment(year: year(request), text: request.field("text") ?? "", by: actor) }
    }

    @Sendable func officers(_ request: Request) async throws -> Response {
        try await act(request) { actor in
            let officers = try await request.sunlight.supervision.officersToEvaluate(by: actor)
            var grades: [StaffUser.ID: AssessmentGrade] = [:], comments: [StaffUser.ID: String] = [:]
            for officer in officers {
                let key = officer.id.uuidString.lowercased()
                grades[officer.id] = request.field("grade_\(key)").flatMap(AssessmentGrade.init(rawValue:))
                comments[officer.id] = request.field("comment_\(key)") ?? ""
            }
            _ = try await request.sunlight.supervision.fileOfficerEvaluation(grades: grades, comments: comments, text: request.field("text") ?? "", by: actor)
        }
    }

    func act(_ request: Request, _ work: (Actor) async throws -> Void) async throws -> Response {
        try await Page.submit(request, to: "/staff/assessment?year=\(year(request))", work) { try await render(request, problem: $0, status: $1) }
    }
}
