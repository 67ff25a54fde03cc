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
        let desk = try await request.sunlight.supervision.transferDesk(by: try request.requireApiActor())
        return API.TransferOut(try Self.one(desk.items, request, "移送记录") { $0.transfer.id })
    }

    @Sendable func instruments(_ request: Request) async throws -> API.ListOut<API.InstrumentOut> {
        API.ListOut(items: try await request.sunlight.supervision.instrumentDesk(by: try request.requireApiActor()).items.map(API.InstrumentOut.init))
    }

    @Sendable func instrument(_ request: Request) async throws -> API.InstrumentOut {
        let desk = try await request.sunlight.supervision.instrumentDesk(by: try request.requireApiActor())
        return API.InstrumentOut(try Self.one(desk.items, request, "监督文书") { $0.instrument.id })
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
        let desk = try await request.sunlight.supervision.assessmentDesk(year: try year(request), by: try request.requireApiActor())
        return API.AssessmentOut(try Self.one(desk.ratings, request, "考核评分") { $0.rating.id })
    }

    @Sendable func guidingCases(_ request: Request) async throws -> API.ListOut<API.GuidingCaseOut> {
        API.ListOut(items: try await request.sunlight.supervision.guidingCaseDesk(by: try request.requireApiActor()).items.map(API.GuidingCaseOut.init))
    }

    @Sendable func guidingCase(_ request: Request) async throws -> API.GuidingCaseOut {
        let desk = try await request.sunlight.supervision.guidingCaseDesk(by: try request.requireApiActor())
        return API.GuidingCaseOut(try Self.one(desk.items, request, "指导案例") { $0.nomination.id })
    }

    /// The desk's item whose ID is the path's `id`: a record the caller's desk does not list is
    /// not found, as on the page.
    private static func one<Item>(_ items: [Item], _ request: Request, _ noun: String, id: (Item) -> UUID) throws -> Item {
        let wanted = try request.uuid("id", noun)
        guard let item = items.first(where: { id($0) == wanted }) else { throw SunlightError.notFound(noun) }
        return item
    }

    /// The assessment year: `year` in the query, else this year (as the page).
    private func year(_ request: Request) throws -> Int {
        guard let text = request.query[String.self, at: "year"] else { return request.sunlight.clock.today.year }
        guard let year = Int(text), (2000...2100).contains(year) else { throw SunlightError.invalid("year", "year 应为 2000–2100 之间的年份") }
        return year
    }
}
