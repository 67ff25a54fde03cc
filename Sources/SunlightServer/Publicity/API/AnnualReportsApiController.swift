import Foundation
import SunlightCore
import Vapor

/// 公开年度报告 through the API (PUB-12): a head publishes the year's report, or a correction as
/// its next version. The published versions are under `/api/v1/public/annual-reports`.
struct AnnualReportsApiController {
    struct PublishIn: Content {
        let year: Int
        /// Defaults to the head's own organisation.
        let organisationId: UUID?
        /// 更正说明 — required for every version after the first.
        let correction: String?
    }

    func register(_ authenticated: any RoutesBuilder) {
        authenticated.post("annual-reports", use: publish)
    }

    @Sendable func publish(_ request: Request) async throws -> PublicAnnualReportsController.ReportOut {
        let input = try request.content.decode(PublishIn.self)
        let actor = try request.requireApiActor()
        guard let organisationID = input.organisationId ?? actor.organisation?.id else { throw SunlightError.notFound("机构") }
        let report = try await request.sunlight.publicity.publishAnnualReport(of: organisationID, year: input.year, correction: input.correction ?? "", by: actor)
        return PublicAnnualReportsController.ReportOut(report, organisation: actor.organisation?.name ?? "")
    }
}
