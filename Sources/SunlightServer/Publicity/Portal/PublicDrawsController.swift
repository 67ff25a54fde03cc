import Foundation
import SunlightCore
import Vapor

/// 双随机、一公开 on the portal (PUB-4, PUB-9): each draw with its commitment, then its seed and
/// result, then its findings; the JSON is exactly what `scripts/redraw.py` re-runs.
struct PublicDrawsController {
    struct Row: Encodable { let id, title, organisation, committedAt, status: String }
    struct ListPage: Encodable {
        let page: PageContext
        let rows: [Row]
    }
    struct DetailPage: Encodable {
        let page: PageContext
        let draw: PublishedDraw
        let organisation: String
        let rows: [DrawsController.AssignmentRow]
        let published: Bool
    }
    struct DrawOut: Content {
        let organisation: String
        let draw: PublishedDraw
    }

    func register(_ app: Application) {
        app.get("draws", use: list)
        app.get("draws", ":draw", use: page)
        app.get("api", "v1", "public", "draws", use: apiList)
        app.get("api", "v1", "public", "draws", ":draw", use: apiDraw)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let draws = try await request.sunlight.publicity.publicDraws()
        return try await Page.render("portal/draws", ListPage(page: PageContext(request, title: "双随机抽查公开"), rows: draws.map { draw, organisation in
            Row(id: draw.id, title: draw.title, organisation: organisation, committedAt: ChinaTime.minuteText(draw.committedAt), status: draw.statusName)
        }), on: request)
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let (draw, organisation) = try await request.sunlight.publicity.publicDraw(try request.uuid("draw", "双随机抽查"))
        return try await Page.render("portal/draw", DetailPage(
            page: PageContext(request, title: draw.title), draw: draw, organisation: organisation,
            rows: DrawsController.rows(draw.assignments, results: draw.results), published: !draw.results.isEmpty), on: request)
    }

    @Sendable func apiList(_ request: Request) async throws -> API.ListOut<DrawOut> {
        API.ListOut(items: try await request.sunlight.publicity.publicDraws().map { DrawOut(organisation: $1, draw: $0) })
    }

    /// The draw alone, in the shape `scripts/redraw.py draw.json` reads.
    @Sendable func apiDraw(_ request: Request) async throws -> PublishedDraw {
        try await request.sunlight.publicity.publicDraw(try request.uuid("draw", "双随机抽查")).0
    }
}

extension PublishedDraw: Content {}
