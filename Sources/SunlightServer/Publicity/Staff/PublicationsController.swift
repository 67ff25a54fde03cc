import Foundation
import SunlightCore
import Vapor

/// 决定公开 — the publicity clerk's desk: the queue of decisions to publish and withdraw with
/// their clocks (PUB-6, PUB-7), the redaction preview next to the original and the confirm
/// button (PUB-8), and withdrawal with a public statement (PUB-7, PUB-13).
struct PublicationsController {
    struct Row: Encodable {
        let id, kind, number, title, type, decidedOn, due, dueClass, dueText, status: String
    }

    struct QueuePage: Encodable {
        let page: PageContext
        let tasks: [Row]
        let all: [Row]
        let empty: Bool
    }

    struct FieldView: Encodable {
        let label, original, redacted: String
        let findings: [String]
    }

    struct HistoryRow: Encodable {
        let at, kind, status, publishedHash: String
    }

    struct DetailPage: Encodable {
        let page: PageContext
        let id, number, title, type, category, decidedOn, due, dueClass, dueText, status, note: String
        let fields: [FieldView]
        let published: [FieldView]
        let findingCount: Int
        let publishedHash, originalHash, extraTerms: String
        let isPublished, withdrawalReported: Bool
        let withdrawalDue, withdrawalKind: String
        /// ``PublicationAction`` → allowed now.
        let can: [String: Bool]
        let kinds: [Option]
        let history: [HistoryRow]
        let problem: String?
        let publicLink: String
    }


    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "publications", use: queue)
        routes.get("staff", "publications", ":publication", use: detail)
        routes.post("staff", "publications", ":publication", "publish", use: publish)
        routes.post("staff", "publications", ":publication", "change", use: reportChange)
        routes.post("staff", "publications", ":publication", "withdraw", use: withdraw)
    }

    @Sendable func queue(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let tasks = try await request.sunlight.publicity.publicationQueue(by: staff.actor)
        let all = try await request.sunlight.publicity.publications(by: staff.actor)
        let calendar = try await request.sunlight.calendars.current()
        func row(_ p: DecisionPublication, kind: String, due: CivilDate?, state: DeadlineState?) -> Row {
            let badge = DeadlineBadge(state)
            return Row(id: p.id.uuidString.lowercased(), kind: kind, number: p.number, title: p.title, type: p.decisionType.chineseName,
                       decidedOn: p.decidedOn.iso, due: calendar.shown(due), dueClass: badge.cssClass, dueText: badge.text, status: p.status.chineseName)
        }
        return try await Page.render("staff/publicity/queue", QueuePage(
            page: PageContext(request, title: "决定公开"),
            tasks: tasks.map { row($0.publication, kind: $0.kind == .publish ? "公开" : "撤下", due: $0.due, state: $0.state) },
            all: all.map { row($0, kind: "", due: $0.dueOn, state: nil) }, empty: tasks.isEmpty), on: request)
    }

    @Sendable func detail(_ request: Request) async throws -> Response {
        try await render(request, extraTerms: request.query[String.self, at: "extra"] ?? "", problem: nil)
    }

    static func terms(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func render(_ request: Request, extraTerms: String, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("publication", "决定公开事项")
        let sunlight = request.sunlight
        let detail = try await sunlight.publicity.publicationDetail(id, extraTerms: Self.terms(extraTerms), by: staff.actor)
        let (publication, events, text) = (detail.publication, detail.events, detail.preview)
        let fields = text.map { preview in
            zip(preview.original, preview.redacted).map { original, redacted in
                FieldView(label: original.label, original: original.text, redacted: redacted.text,
                          findings: (preview.findings[original.key] ?? []).map { "\($0.kind.chineseName)：\($0.original) → \($0.replacement)" })
            }
        } ?? []
        let calendar = try await sunlight.calendars.current()
        let badge = DeadlineBadge(sunlight.calendar.state(of: publication.dueOn, calendar: calendar))
        let withdrawal = publication.withdrawal
        return try await Page.render("staff/publicity/publication", DetailPage(
            page: PageContext(request, title: "决定公开 · \(publication.number)"),
            id: id.uuidString.lowercased(), number: publication.number, title: publication.title, type: publication.decisionType.chineseName,
            category: publication.category.chineseName, decidedOn: publication.decidedOn.iso, due: calendar.shown(publication.dueOn),
            dueClass: publication.status == .due ? badge.cssClass : "done", dueText: publication.status == .due ? badge.text : publication.status.chineseName,
            status: publication.status.chineseName, note: publication.note ?? "",
            fields: fields, published: publication.content.map { FieldView(label: $0.label, original: "", redacted: $0.text, findings: []) },
            findingCount: text?.findingCount ?? 0, publishedHash: text?.publishedHash ?? "", originalHash: publication.originalHash ?? text?.originalHash ?? "",
            extraTerms: extraTerms, isPublished: publication.status == .published, withdrawalReported: withdrawal != nil && withdrawal?.withdrawnOn == nil,
            withdrawalDue: withdrawal?.dueOn?.iso ?? "", withdrawalKind: withdrawal?.kind.chineseName ?? "",
            can: Can.flags(detail.actions), kinds: CaseText.options(DecisionPublication.ChangeKind.self, \.chineseName),
            history: events.map { HistoryRow(at: ChinaTime.minuteText($0.at), kind: $0.kind.chineseName, status: $0.state.status.chineseName,
                                             publishedHash: $0.state.publishedHash ?? "") },
            problem: problem, publicLink: publication.isPublic ? "/d/\(id.uuidString.lowercased())" : ""), on: request, status: status)
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("publication", "决定公开事项")
        let extra = (try? request.content.get(String.self, at: "extra")) ?? ""
        if (try? request.content.get(String.self, at: "action")) == "preview" {
            return Page.redirect("/staff/publications/\(id.uuidString.lowercased())?extra=" + (extra.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
        do {
            _ = try await request.sunlight.publicity.publishDecision(id, extraTerms: Self.terms(extra),
                                                           confirmedHash: (try? request.content.get(String.self, at: "hash")) ?? "", by: staff.actor)
            return Page.redirect("/staff/publications/\(id.uuidString.lowercased())", notice: "decision_published")
        } catch let error as SunlightError where error.belongsInForm {
            return try await render(request, extraTerms: extra, problem: error.description, status: error.httpStatus)
        }
    }

    @Sendable func reportChange(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("publication", "决定公开事项")
        do {
            _ = try await request.sunlight.publicity.reportDecisionChange(id, kind: try Self.kind(request), changedOn: try request.dateField("changedOn", "日期", rule: .pub7), by: staff.actor)
            return Page.redirect("/staff/publications/\(id.uuidString.lowercased())", notice: "change_reported")
        } catch let error as SunlightError where error.belongsInForm {
            return try await render(request, extraTerms: "", problem: error.description, status: error.httpStatus)
        }
    }

    @Sendable func withdraw(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let id = try request.uuid("publication", "决定公开事项")
        do {
            let reported = (try? request.content.get(String.self, at: "kind")).map { !$0.isEmpty } ?? false
            _ = try await request.sunlight.publicity.withdrawDecision(id, statement: request.field("statement") ?? "",
                                                            kind: reported ? try Self.kind(request) : nil,
                                                            changedOn: reported ? try request.dateField("changedOn", "日期", rule: .pub7) : nil, by: staff.actor)
            return Page.redirect("/staff/publications/\(id.uuidString.lowercased())", notice: "decision_withdrawn")
        } catch let error as SunlightError where error.belongsInForm {
            return try await render(request, extraTerms: "", problem: error.description, status: error.httpStatus)
        }
    }

    static func kind(_ request: Request) throws -> DecisionPublication.ChangeKind {
        guard let kind = (try? request.content.get(String.self, at: "kind")).flatMap(DecisionPublication.ChangeKind.init(rawValue:)) else {
            throw SunlightError.invalid("kind", "请选择撤下原因：变更、撤销、确认违法或确认无效", rule: .pub7)
        }
        return kind
    }
}
