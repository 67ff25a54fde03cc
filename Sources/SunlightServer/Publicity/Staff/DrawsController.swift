import Foundation
import SunlightCore
import Vapor

/// 双随机抽查 — staff pages: set up a draw (pools fixed, seed committed), draw, record the
/// findings, publish them (PUB-4, PUB-9). Each step is one use case; the page shows the
/// commitment before the draw and the seed after it.
struct DrawsController {
    struct Row: Encodable { let id, title, category, committedAt, status, due: String }
    struct ListPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let categories: [Option]
        /// ``DrawStart`` → allowed.
        let start: [String: Bool]
        let problem: String?
        let form: [String: String]
    }
    struct AssignmentRow: Encodable {
        let index: Int
        let target, inspectors, findings, handling: String
    }
    struct DetailPage: Encodable {
        let page: PageContext
        let draw: PublishedDraw
        let category: String
        let rows: [AssignmentRow]
        let committed, drawn, inspected: Bool
        /// ``DrawAction`` → allowed now.
        let can: [String: Bool]
        let problem: String?
        let publicLink: String
    }

    /// One row per drawn target with its inspectors and, when recorded, its findings.
    static func rows(_ assignments: [RandomDraw.Assignment], results: [InspectionDraw.TargetResult]) -> [AssignmentRow] {
        let byKey = Dictionary(results.map { ($0.targetKey, $0) }, uniquingKeysWith: { $1 })
        return assignments.enumerated().map { index, a in
            AssignmentRow(index: index, target: "\(a.target.name)（\(a.target.key)）", inspectors: a.inspectors.map { "\($0.name)（\($0.key)）" }.joined(separator: "、"),
                          findings: byKey[a.target.key]?.findings ?? "", handling: byKey[a.target.key]?.handling ?? "")
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "draws", use: list)
        routes.post("staff", "draws", use: create)
        routes.get("staff", "draws", ":draw", use: detail)
        routes.post("staff", "draws", ":draw", "draw", use: perform)
        routes.post("staff", "draws", ":draw", "results", use: results)
        routes.post("staff", "draws", ":draw", "publish", use: publish)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request, problem: nil, form: [:])
    }

    func renderList(_ request: Request, problem: String?, form: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let desk = try await request.sunlight.publicity.drawDesk(by: staff.actor)
        return try await Page.render("staff/publicity/draws", ListPage(
            page: PageContext(request, title: "双随机抽查"),
            rows: desk.draws.map { Row(id: $0.id.uuidString.lowercased(), title: $0.title, category: $0.category.chineseName,
                                  committedAt: ChinaTime.minuteText($0.committedAt), status: $0.status.chineseName, due: $0.resultsDueOn?.iso ?? "") },
            categories: CaseText.options(EnforcementCategory.self, \.chineseName),
            start: Can.flags(desk.start), problem: problem, form: form), on: request, status: status)
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = ["title", "category", "targets", "targetCount", "inspectorsPerTarget"].reduce(into: [String: String]()) {
            $0[$1] = (try? request.content.get(String.self, at: $1)) ?? ""
        }
        do {
            guard let category = EnforcementCategory(rawValue: form["category"] ?? "") else { throw SunlightError.invalid("category", "请选择执法类别", rule: .pub4) }
            guard let count = Int(form["targetCount"] ?? ""), let per = Int(form["inspectorsPerTarget"] ?? "") else {
                throw SunlightError.invalid("targetCount", "抽取数量和每个对象的执法人员数应为整数", rule: .pub4)
            }
            let draw = try await request.sunlight.publicity.commitDraw(title: form["title"] ?? "", category: category, targets: form["targets"] ?? "",
                                                             targetCount: count, inspectorsPerTarget: per, by: staff.actor)
            return Page.redirect("/staff/draws/\(draw.id.uuidString.lowercased())", notice: "saved")
        } catch let error as SunlightError where error.belongsInForm {
            return try await renderList(request, problem: error.description, form: form, status: error.httpStatus)
        }
    }

    @Sendable func detail(_ request: Request) async throws -> Response {
        try await renderDetail(request, problem: nil)
    }

    func renderDetail(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let detail = try await request.sunlight.publicity.drawDetail(try request.uuid("draw", "双随机抽查"), by: staff.actor)
        let draw = detail.draw
        let rows = Self.rows(draw.assignments, results: draw.results)
        return try await Page.render("staff/publicity/draw", DetailPage(
            page: PageContext(request, title: draw.title), draw: PublishedDraw(draw, withFindings: true), category: draw.category.chineseName, rows: rows,
            committed: draw.status == .committed, drawn: draw.status == .drawn, inspected: draw.status == .inspected, can: Can.flags(detail.actions),
            problem: problem, publicLink: "/draws/\(draw.id.uuidString.lowercased())"), on: request, status: status)
    }

    @Sendable func perform(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in _ = try await request.sunlight.publicity.performDraw(id, by: actor) }
    }

    @Sendable func results(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in
            let draw = try await request.sunlight.publicity.draw(id, by: actor)
            let results = draw.assignments.enumerated().map { index, a in
                InspectionDraw.TargetResult(targetKey: a.target.key, findings: (try? request.content.get(String.self, at: "findings_\(index)")) ?? "",
                                            handling: (try? request.content.get(String.self, at: "handling_\(index)")) ?? "")
            }
            let ended = try request.dateField("endedOn", "检查结束日期", rule: .pub9)
            _ = try await request.sunlight.publicity.recordInspectionResults(id, endedOn: ended, results: results, by: actor)
        }
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        try await act(request) { id, actor in _ = try await request.sunlight.publicity.publishDrawResults(id, by: actor) }
    }

    func act(_ request: Request, _ work: (UUID, Actor) async throws -> Void) async throws -> Response {
        let id = try request.uuid("draw", "双随机抽查")
        return try await Page.submit(request, to: "/staff/draws/\(id.uuidString.lowercased())", { try await work(id, $0) }) {
            try await renderDetail(request, problem: $0, status: $1)
        }
    }
}
