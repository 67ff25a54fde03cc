import Foundation
import SunlightCore
import Vapor

/// The supervision records through the API, read exactly as their staff pages read them: the
/// same Core desks (``TransferDesk``, ``InstrumentDesk``, ``CoordinationDesk``,
/// ``AssessmentDesk``, ``GuidingCaseDesk``), so the same callers are refused and each item
/// carries the actions its page would offer. A record outside the caller's desk is 404, as on
/// the page (SUP-2, SUP-3, SUP-4, SUP-8, SUP-10).
struct SupervisionRecordsApiController {
    func register(_ authenticated: any RoutesBuilder) {
        authenticated.get("transfers", use: transfers)
        authenticated.get("transfers", ":id", use: transfer)
        authenticated.get("supervision-instruments", use: instruments)
        authenticated.get("supervision-instruments", ":id", use: instrument)
        authenticated.get("coordination-matters", use: matters)
        authenticated.get("coordination-matters", ":id", use: matter)
        authenticated.get("assessments", use: assessments)
        authenticated.get("assessments", ":id", use: assessment)
        authenticated.get("guiding-cases", use: guidingCases)
        authenticated.get("guiding-cases", ":id", use: guidingCase)
    }

    @Sendable func transfers(_ request: Request) async throws -> API.ListOut<API.TransferOut> {
        API.ListOut(items: try await request.sunlight.supervision.transferDesk(by: try request.requireApiActor()).items.map(API.TransferOut.init))
    }

    @Sendable func transfer(_ request: Request) async throws -> API.TransferOut {
        let id = try request.uuid("id", "移送记录")
        let desk = try await request.sunlight.supervision.transferDesk(by: try request.requireApiActor())
        guard let item = desk.items.first(where: { $0.transfer.id == id }) else { throw SunlightError.notFound("移送记录") }
        return API.TransferOut(item)
    }

    @Sendable func instruments(_ request: Request) async throws -> API.ListOut<API.InstrumentOut> {
        API.ListOut(items: try await request.sunlight.supervision.instrumentDesk(by: try request.requireApiActor()).items.map(API.InstrumentOut.init))
    }

    @Sendable func instrument(_ request: Request) async throws -> API.InstrumentOut {
        let id = try request.uuid("id", "监督文书")
        let desk = try await request.sunlight.supervision.instrumentDesk(by: try request.requireApiActor())
        guard let item = desk.items.first(where: { $0.instrument.id == id }) else { throw SunlightError.notFound("监督文书") }
        return API.InstrumentOut(item)
    }

    @Sendable func matters(_ request: Request) async throws -> API.ListOut<API.CoordinationMatterOut> {
        let desk = try await request.sunlight.supervision.coordinationDesk(by: try request.requireApiActor())
        return API.ListOut(items: desk.items.map {
            API.CoordinationMatterOut($0.matter, raiser: $0.raiser, counterpart: $0.counterpart, actions: nil, withSteps: false)
        })
    }

    @Sendable func matter(_ request: Request) async throws -> API.CoordinationMatterOut {
        let detail = try await request.sunlight.supervision.coordinationMatterDetail(try request.uuid("id", "协调事项"),
                                                                                     by: try request.requireApiActor())
        let m = detail.matter
        return API.CoordinationMatterOut(m, raiser: detail.names[m.organisationID], counterpart: m.counterpartID.flatMap { detail.names[$0] },
                                         actions: detail.actions.map(\.rawValue).sorted(), withSteps: true)
    }

    @Sendable func assessments(_ request: Request) async throws -> API.ListOut<API.AssessmentOut> {
        let desk = try await request.sunlight.supervision.assessmentDesk(year: try year(request), by: try request.requireApiActor())
        return API.ListOut(items: desk.ratings.map(API.AssessmentOut.init))
    }

    @Sendable func assessment(_ request: Request) async throws -> API.AssessmentOut {
        let id = try request.uuid("id", "考核评分")
        let desk = try await request.sunlight.supervision.assessmentDesk(year: try year(request), by: try request.requireApiActor())
        guard let item = desk.ratings.first(where: { $0.rating.id == id }) else { throw SunlightError.notFound("考核评分") }
        return API.AssessmentOut(item)
    }

    @Sendable func guidingCases(_ request: Request) async throws -> API.ListOut<API.GuidingCaseOut> {
        API.ListOut(items: try await request.sunlight.supervision.guidingCaseDesk(by: try request.requireApiActor()).items.map(API.GuidingCaseOut.init))
    }

    @Sendable func guidingCase(_ request: Request) async throws -> API.GuidingCaseOut {
        let id = try request.uuid("id", "指导案例")
        let desk = try await request.sunlight.supervision.guidingCaseDesk(by: try request.requireApiActor())
        guard let item = desk.items.first(where: { $0.nomination.id == id }) else { throw SunlightError.notFound("指导案例") }
        return API.GuidingCaseOut(item)
    }

    /// The assessment year: `year` in the query, else this year (as the page).
    private func year(_ request: Request) throws -> Int {
        guard let text = request.query[String.self, at: "year"] else { return request.sunlight.clock.today.year }
        guard let year = Int(text), (2000...2100).contains(year) else { throw SunlightError.invalid("year", "year 应为 2000–2100 之间的年份") }
        return year
    }
}
