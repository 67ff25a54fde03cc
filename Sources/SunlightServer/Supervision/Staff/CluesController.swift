import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 监督线索 — the supervisor's list of problems found in the data, each with a link to its
/// evidence, filterable by kind, and as CSV (SUP-4).
struct CluesController {
    struct Row: Encodable { let kind, rule, organisation, reference, detail, on, link: String }
    struct Choice: Encodable {
        let code, label: String
        let count: Int
        let selected: Bool
    }
    struct CluesPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let kinds: [Choice]
        let empty: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "supervision", "clues", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let all = try await request.sunlight.supervision.supervisionClues(by: staff.actor)
        let wanted = request.query[String.self, at: "kind"].flatMap(SupervisionClue.Kind.init(rawValue:))
        let clues = all.filter { wanted == nil || $0.kind == wanted }
        if request.query[String.self, at: "format"] == "csv" {
            return request.csvResponse(CSV.document(header: ["线索", "依据", "机构", "案号或文号", "说明", "日期", "链接"], rows: clues.map {
                [$0.kind.chineseName, $0.rule.legalBasis ?? "", $0.organisationName, $0.reference, $0.detail, $0.on.iso, Links.url(for: $0.link)]
            }), filename: "监督线索.csv")
        }
        return try await Page.render("staff/supervision/clues", CluesPage(
            page: PageContext(request, title: "监督线索"),
            rows: clues.map { Row(kind: $0.kind.chineseName, rule: $0.rule.legalBasis ?? "", organisation: $0.organisationName, reference: $0.reference,
                                  detail: $0.detail, on: $0.on.iso, link: Links.url(for: $0.link)) },
            kinds: SupervisionClue.Kind.allCases.map { kind in
                Choice(code: kind.rawValue, label: kind.chineseName, count: all.filter { $0.kind == kind }.count, selected: kind == wanted)
            }, empty: clues.isEmpty), on: request)
    }
}
