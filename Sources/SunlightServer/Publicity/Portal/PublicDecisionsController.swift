import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 执法决定公开 on the portal (PUB-6, PUB-7, PUB-10): search by words, organisation, category
/// and date; a page per decision with its history, a withdrawn banner and the link to its
/// inclusion proof; the Atom feed; bulk export as CSV and JSON lines; and the same as open data
/// under `/api/v1/public/decisions`.
struct PublicDecisionsController {
    struct Row: Encodable {
        let link, number, title, organisation, category, type, decidedOn, status, statusClass: String
    }

    struct Choice: Encodable {
        let code, label: String
        let selected: Bool
    }

    struct ListPage: Encodable {
        let page: PageContext
        let q, from, to, query: String
        let organisations, categories: [Choice]
        let rows: [Row]
        let empty: Bool
    }

    struct DetailPage: Encodable {
        let page: PageContext
        let decision: PublicDecision
        let withdrawn: Bool
        let history: [HistoryRow]
        let proofLink: String
    }

    struct HistoryRow: Encodable {
        let at, kind, status, hash, proofLink: String
    }

    struct DecisionOut: Content {
        let decision: PublicDecision
        let history: [PublicDecisionVersion]
    }

    func register(_ app: Application) {
        app.get("decisions", use: list)
        app.get("decisions.csv", use: csv)
        app.get("decisions.jsonl", use: jsonLines)
        app.get("decisions.atom", use: feed)
        app.get("d", ":decision", use: page)
        app.get("d", ":decision", "proof", use: proof)
        let api = app.grouped("api", "v1", "public", "decisions")
        api.get(use: apiList)
        api.get(":decision", use: apiDecision)
        api.get(":decision", "proof", use: proof)
    }

    /// The filter from the query string: `q`, `o` (organisation), `category`, `from`, `to`, `offset`.
    /// The portal's form leaves empty fields out of the filter; the API (`api`) refuses them.
    static func filter(_ request: Request, limit: Int, api: Bool = false) throws -> DecisionFilter {
        var organisations: [Organisation.ID]?
        if let text = request.query[String.self, at: "o"], api || !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw SunlightError.invalid("o", "机构编号格式错误", rule: .pub10) }
            organisations = [id]
        }
        var category: EnforcementCategory?
        if let text = request.query[String.self, at: "category"], api || !text.isEmpty {
            guard let found = EnforcementCategory(rawValue: text) else { throw SunlightError.invalid("category", "未知的执法类别", rule: .pub10) }
            category = found
        }
        let q = request.query[String.self, at: "q"].map { String($0.prefix(100)) }
        let from = try api ? request.civilDate(query: "from") : request.queryDate("from", rule: .pub10)
        let to = try api ? request.civilDate(query: "to") : request.queryDate("to", rule: .pub10)
        let offset = try api ? request.offset() : max(0, request.query[Int.self, at: "offset"] ?? 0)
        return DecisionFilter(text: q, organisations: organisations, category: category, from: from, to: to, limit: limit, offset: offset)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let filter = try Self.filter(request, limit: 100)
        let decisions = try await request.sunlight.publicity.publicDecisions(filter)
        let organisations = try await request.sunlight.organisations.publicOrganisationTree().nodes.map(\.organisation)
        let chosen = filter.organisations?.first
        let query = request.url.query ?? ""
        return try await Page.render("portal/decisions", ListPage(
            page: PageContext(request, title: "执法决定公开"), q: filter.text ?? "", from: filter.from?.iso ?? "", to: filter.to?.iso ?? "",
            query: query.isEmpty ? "" : "?" + query,
            organisations: organisations.map { Choice(code: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == chosen) },
            categories: EnforcementCategory.allCases.map { Choice(code: $0.rawValue, label: $0.chineseName, selected: $0 == filter.category) },
            rows: decisions.map(Self.row), empty: decisions.isEmpty), on: request)
    }

    static func row(_ d: PublicDecision) -> Row {
        Row(link: d.link, number: d.number, title: d.title, organisation: d.organisation, category: d.categoryName, type: d.typeName,
            decidedOn: d.decidedOn.iso, status: d.statusName, statusClass: d.status)
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let id = try request.uuid("decision", "公开的决定")
        let (decision, history) = try await request.sunlight.publicity.publicDecision(id)
        return try await Page.render("portal/decision", DetailPage(
            page: PageContext(request, title: decision.number), decision: decision, withdrawn: decision.withdrawal != nil,
            history: history.map { v in
                HistoryRow(at: ChinaTime.minuteText(v.at), kind: v.kindName, status: v.decision.statusName, hash: v.decision.publishedHash ?? "",
                           proofLink: "/d/\(decision.id)/proof?event=\(v.eventID)")
            },
            proofLink: "/d/\(decision.id)/proof"), on: request)
    }

    /// The inclusion proof of the decision's newest public event (or `?event=`): check it with
    /// `sunlight verify-proof` and the log's public key.
    @Sendable func proof(_ request: Request) async throws -> Response {
        let id = try request.uuid("decision", "公开的决定")
        var event: UUID?
        if let text = request.query[String.self, at: "event"] {
            guard let parsed = UUID(uuidString: text) else { throw SunlightError.notFound("公开记录") }
            event = parsed
        }
        let proof = try await request.sunlight.publicity.publicDecisionProof(id, eventID: event)
        let response = try await proof.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"decision-\(id.uuidString.lowercased())-proof.json\"")
        return response
    }

    /// Every matching decision, a page at a time (bulk export has no limit).
    static func all(_ request: Request) async throws -> [PublicDecision] {
        var filter = try filter(request, limit: 1000)
        var out: [PublicDecision] = []
        while true {
            let page = try await request.sunlight.publicity.publicDecisions(filter)
            out += page
            guard page.count == filter.limit else { return out }
            filter.offset += filter.limit
        }
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let rows = try await Self.all(request).map(\.csvRow)
        return request.csvResponse(CSV.document(header: PublicDecision.csvHeader, rows: rows), filename: "执法决定公开.csv")
    }

    @Sendable func jsonLines(_ request: Request) async throws -> Response {
        let lines = try await Self.all(request).map { try $0.jsonLine }.joined(separator: "\n")
        let response = Response(status: .ok, body: .init(string: lines.isEmpty ? "" : lines + "\n"))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "jsonl", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"decisions.jsonl\"")
        return response
    }

    @Sendable func feed(_ request: Request) async throws -> Response {
        let decisions = try await request.sunlight.publicity.publicDecisions(try Self.filter(request, limit: 50))
        let base = request.application.sunlightConfiguration.portalURL
        let now = request.sunlight.clock.now
        return AtomFeed.response(title: "阳光执法 · 执法决定公开", id: "\(base)/decisions.atom", base: base, updated: now,
                                 entries: decisions.map { d in
                                     AtomFeed.Entry(id: "\(base)\(d.link)#v\(d.version)\(d.withdrawal == nil ? "" : "-withdrawn")",
                                                    title: "\(d.organisation) \(d.number) \(d.title)\(d.withdrawal == nil ? "" : "（已撤下）")",
                                                    link: "\(base)\(d.link)",
                                                    updated: ChinaTime.startOfDay(d.withdrawal?.withdrawnOn ?? d.publishedOn ?? d.decidedOn),
                                                    summary: d.withdrawal.map { "撤下：\($0.statement)" }
                                                        ?? (d.fields.first { $0.key == "decision" }?.text ?? d.typeName))
                                 })
    }

    @Sendable func apiList(_ request: Request) async throws -> API.ListOut<PublicDecision> {
        let filter = try Self.filter(request, limit: try request.limit(default: 100, maximum: 500), api: true)
        return API.ListOut(items: try await request.sunlight.publicity.publicDecisions(filter))
    }

    @Sendable func apiDecision(_ request: Request) async throws -> DecisionOut {
        let (decision, history) = try await request.sunlight.publicity.publicDecision(try request.uuid("decision", "公开的决定"))
        return DecisionOut(decision: decision, history: history)
    }
}

extension PublicDecision: Content {}
extension PublicDecisionVersion: Content {}
extension PublicationProof: Content {}
