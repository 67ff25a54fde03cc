import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 公示清单维护 — staff draft entries, new versions and repeals of their organisation's lists,
/// import and export them as CSV; the publicity clerk checks before anything is published.
struct ListsController {
    struct KindSummary: Encodable { let kind, name, rule: String; let current, drafts: Int }

    struct OverviewPage: Encodable {
        let page: PageContext
        let organisation, organisationID: String
        let kinds: [KindSummary]
        let pendingChecks: Int
        /// Whether the reader checks drafts (has a queue).
        let isClerk: Bool
    }

    struct VersionRow: Encodable {
        let id, entryID, title, change, status, statusClass, effectiveFrom, draftedAt: String
        let version: Int
        let note: String?
    }

    struct CurrentRow: Encodable { let entryID, title, effectiveFrom, link: String; let versions: Int }

    struct ListPage: Encodable {
        let page: PageContext
        let kind, kindName, rule, organisationID, today: String
        let current: [CurrentRow]
        let versions: [VersionRow]
        let problems: [String]
        let csvText: String
        /// ``ListAction`` → allowed.
        let can: [String: Bool]
    }

    struct FieldInput: Encodable {
        let key, label, value, hint: String
        let required, long, isChoice: Bool
        let options: [Option]
    }

    struct FormPage: Encodable {
        let page: PageContext
        let kind, kindName, entryID, effectiveFrom: String
        let fields: [FieldInput]
        let revising: Bool
        let error: String?
        /// ``ListAction`` → allowed.
        let can: [String: Bool]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "lists", use: overview)
        routes.get("staff", "lists", ":kind", use: list)
        routes.get("staff", "lists", ":kind", "new", use: form)
        routes.post("staff", "lists", ":kind", use: draft)
        routes.post("staff", "lists", ":kind", ":entry", "repeal", use: repeal)
        routes.post("staff", "lists", ":kind", "import", use: importCSV)
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let overview = try await request.sunlight.publicity.listOverview(by: staff.actor)
        let organisation = overview.organisation
        let kinds = overview.kinds.map {
            KindSummary(kind: $0.kind.rawValue, name: $0.kind.chineseName, rule: $0.kind.rule.legalBasis ?? "", current: $0.current, drafts: $0.drafts)
        }
        return try await Page.render("staff/lists", OverviewPage(
            page: PageContext(request, title: "公示清单"), organisation: organisation.name, organisationID: organisation.id.uuidString.lowercased(),
            kinds: kinds, pendingChecks: overview.pendingChecks ?? 0, isClerk: overview.pendingChecks != nil), on: request)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request, kind: try Self.kind(request), problems: [], csvText: "")
    }

    private func renderList(_ request: Request, kind: ListKind, problems: [String], csvText: String,
                            status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let desk = try await request.sunlight.publicity.listDesk(kind, by: staff.actor)
        let organisation = desk.organisation
        let current = desk.current.map {
            CurrentRow(entryID: $0.version.entryID.uuidString.lowercased(), title: $0.version.title, effectiveFrom: $0.version.effectiveFrom.iso,
                       link: "/o/\(organisation.id.uuidString.lowercased())/\(kind.rawValue)/\($0.version.entryID.uuidString.lowercased())",
                       versions: $0.versions)
        }
        let versions = desk.versions.map { v in
            VersionRow(id: v.id.uuidString, entryID: v.entryID.uuidString.lowercased(), title: v.title, change: v.change.chineseName,
                       status: v.status.chineseName, statusClass: v.status == .published ? "on_time" : v.status == .draft ? "due_soon" : "overdue",
                       effectiveFrom: v.effectiveFrom.iso, draftedAt: ChinaTime.minuteText(v.draftedAt), version: v.version, note: v.checkNote)
        }
        return try await Page.render("staff/list", ListPage(
            page: PageContext(request, title: kind.chineseName), kind: kind.rawValue, kindName: kind.chineseName, rule: kind.rule.legalBasis ?? "",
            organisationID: organisation.id.uuidString.lowercased(), today: request.sunlight.clock.today.iso,
            current: current, versions: versions, problems: problems, csvText: csvText, can: Can.flags(desk.actions)), on: request, status: status)
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let kind = try Self.kind(request)
        var values: [String: String] = [:]
        let entry = request.query[String.self, at: "entry"].flatMap(UUID.init(uuidString:))
        if let entry, let current = try await request.sunlight.publicity.entryHistory(entry).published.last { values = current.fields }
        return try await renderForm(request, kind: kind, entry: entry, values: values, effectiveFrom: request.sunlight.clock.today.iso, error: nil)
    }

    private func renderForm(_ request: Request, kind: ListKind, entry: UUID?, values: [String: String], effectiveFrom: String,
                            error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let fields = kind.schema.fields.map { field -> FieldInput in
            var options: [Option] = []
            var long = false
            switch field.kind {
            case .choice(let choices): options = choices.map { Option(value: $0.code, label: $0.label, checked: values[field.key] == $0.code) }
            case .yesNo: options = [Option(value: "no", label: "否", checked: values[field.key] != "yes"), Option(value: "yes", label: "是", checked: values[field.key] == "yes")]
            case .longText: long = true
            // No list has a multiple-choice field; were one added, its codes would be typed comma-separated.
            case .text, .choices: break
            }
            return FieldInput(key: field.key, label: field.label, value: values[field.key] ?? "", hint: field.hint ?? "",
                              required: field.required, long: long, isChoice: !options.isEmpty, options: options)
        }
        return try await Page.render("staff/list-form", FormPage(
            page: PageContext(request, title: "\(entry == nil ? "新增" : "修订")\(kind.chineseName)"), kind: kind.rawValue, kindName: kind.chineseName,
            entryID: entry?.uuidString.lowercased() ?? "", effectiveFrom: effectiveFrom, fields: fields, revising: entry != nil, error: error,
            can: Can.flags(request.sunlight.publicity.listActions(by: try request.requireStaff().actor))),
            on: request, status: status)
    }

    @Sendable func draft(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let kind = try Self.kind(request)
        let posted = try request.content.decode([String: String].self)
        let entry = posted["entryID"].flatMap(UUID.init(uuidString:))
        do {
            guard let organisation = staff.actor.organisation else { throw SunlightError.outsideScope }
            guard let effective = posted["effectiveFrom"].flatMap(CivilDate.init(iso:)) else {
                throw SunlightError.invalid("effectiveFrom", "请填写生效日期（YYYY-MM-DD）", rule: kind.rule)
            }
            _ = try await request.sunlight.publicity.draftListEntry(kind, organisationID: organisation.id, entryID: entry, fields: posted,
                                                          effectiveFrom: effective, by: staff.actor)
            return Page.redirect("/staff/lists/\(kind.rawValue)", notice: "list_drafted")
        } catch let error as SunlightError where error.kind == .invalidInput {
            return try await renderForm(request, kind: kind, entry: entry, values: posted, effectiveFrom: posted["effectiveFrom"] ?? "",
                                        error: error.description, status: .badRequest)
        }
    }

    @Sendable func repeal(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let kind = try Self.kind(request)
        guard let organisation = staff.actor.organisation else { throw SunlightError.outsideScope }
        let effective = (try? request.content.get(String.self, at: "effectiveFrom")).flatMap(CivilDate.init(iso:)) ?? request.sunlight.clock.today
        _ = try await request.sunlight.publicity.draftListEntry(kind, organisationID: organisation.id, entryID: try request.uuid("entry", "清单条目"),
                                                      fields: [:], effectiveFrom: effective, change: .repeal, by: staff.actor)
        return Page.redirect("/staff/lists/\(kind.rawValue)", notice: "list_drafted")
    }

    struct ImportForm: Content {
        var file: File?
        var text: String?
    }

    @Sendable func importCSV(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let kind = try Self.kind(request)
        let form = try request.content.decode(ImportForm.self)
        let text: String
        if let file = form.file, file.data.readableBytes > 0 {
            text = String(decoding: Data(buffer: file.data), as: UTF8.self)
        } else {
            text = form.text ?? ""
        }
        let report = try await request.sunlight.publicity.importList(kind, file: ListCSV.file(text), by: staff.actor)
        guard report.problems.isEmpty else {
            return try await renderList(request, kind: kind, problems: report.problems.map(\.description),
                                        csvText: String(text.prefix(64 * 1024)), status: .badRequest)
        }
        return Page.redirect("/staff/lists/\(kind.rawValue)", notice: "list_imported")
    }

    static func kind(_ request: Request) throws -> ListKind {
        guard let kind = request.parameters.get("kind").flatMap(ListKind.init(rawValue:)) else { throw SunlightError.notFound("清单") }
        return kind
    }
}

/// 公示审核 — the publicity clerk's queue: publish a draft or send it back with a note.
struct ChecksController {
    struct Item: Encodable {
        let id, kind, title, change, effectiveFrom, drafter, draftedAt: String
        let version: Int
        let fields: [PublicListsController.Row]
        let previous: [PublicListsController.Row]
        /// ``ListCheckAction`` → allowed.
        let can: [String: Bool]
    }

    struct QueuePage: Encodable {
        let page: PageContext
        let items: [Item]
        let empty: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "checks", use: queue)
        routes.post("staff", "checks", ":id", use: check)
    }

    @Sendable func queue(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let queue = try await request.sunlight.publicity.listCheckQueue(by: staff.actor)
        let items = queue.map { item in
            let draft = item.draft
            return Item(id: draft.id.uuidString.lowercased(), kind: draft.kind.chineseName, title: draft.title, change: draft.change.chineseName,
                        effectiveFrom: draft.effectiveFrom.iso, drafter: item.drafter ?? "—",
                        draftedAt: ChinaTime.minuteText(draft.draftedAt), version: draft.version,
                        fields: PublicListsController.rows(draft), previous: item.previous.map(PublicListsController.rows) ?? [],
                        can: Can.flags(item.actions))
        }
        return try await Page.render("staff/checks", QueuePage(page: PageContext(request, title: "公示审核"), items: items, empty: items.isEmpty),
                                     on: request)
    }

    @Sendable func check(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let approve = (try? request.content.get(String.self, at: "decision")) == "approve"
        let note = try? request.content.get(String.self, at: "note")
        _ = try await request.sunlight.publicity.checkListEntry(try request.uuid("id", "清单条目"), approve: approve, note: note, by: staff.actor)
        return Page.redirect("/staff/checks", notice: approve ? "list_published" : "list_rejected")
    }
}
