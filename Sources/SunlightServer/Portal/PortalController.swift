import Foundation
import SunlightCore
import Vapor

/// 公示门户 — the public portal: no login, only what is public.
struct PortalController {
    struct HomePage: Encodable {
        let page: PageContext
        let nodes: [OrganisationRow]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(use: home)
        routes.get("static", "app.css", use: stylesheet)
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        let tree = try await request.sunlight.organisations.publicOrganisationTree()
        let response = try await Page.render("portal/home", HomePage(
            page: PageContext(request, title: "行政执法公示平台"), nodes: OrganisationRow.rows(tree)), on: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return response
    }

    @Sendable func stylesheet(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: Self.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }

    static let css: Data = {
        guard let url = Bundle.module.url(forResource: "Public/app", withExtension: "css") ?? Bundle.module.resourceURL?
            .appendingPathComponent("Public/app.css"), let data = try? Data(contentsOf: url) else {
            preconditionFailure("app.css 资源缺失")
        }
        return data
    }()
}
