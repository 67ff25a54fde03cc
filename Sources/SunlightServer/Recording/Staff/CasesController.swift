import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 案件列表与立案 — the cases the reader may see, filtered and exported as CSV, and the form
/// that opens a case (REC-1, REC-7, REC-11).
struct CasesController {
    struct Row: Encodable {
        let id, number, title, organisation, category, procedure, stage, status, statusClass, openedOn: String
        let readable: Bool
        let clock: ClockBadge?
    }

    struct Filter: Encodable {
        var status = "", category = "", from = "", to = "", q = ""
    }

    struct ListPage: Encodable {
        let page: PageContext
        let rows: [Row]
        let filter: Filter
        let statuses: [Option]
        let categories: [Option]
        let canOpen: Bool
        let canConfigure: Bool
        let csvQuery: String
        let count: Int
        let empty: Bool
        /// 分页: this page's number, and the links to the pages before and after ("" at an end).
        let pageNumber: Int
        let previous: String
        let next: String
    }

    /// Cases on one page of the list: a page costs what it shows.
    static let pageSize = 50

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "cases", use: list)
        routes.get("staff", "cases.csv", use: csv)
        routes.get("staff", "cases", "new", use: newCase)
        routes.post("staff", "cases", use: open)
    }

    // MARK: the list

    @Sendable func list(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let (filter, values) = Self.filter(request)
        let number = min(max(1, request.query[Int.self, at: "page"] ?? 1), 100_000)
        let found = try await Self.rows(request, filter: filter, by: staff.actor, limit: Self.pageSize + 1, offset: (number - 1) * Self.pageSize)
        let rows = Array(found.prefix(Self.pageSize))
        let query = ["status": values.status, "category": values.category, "from": values.from, "to": values.to, "q": values.q]
            .filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let link = { (page: Int) in "/staff/cases?" + (query.isEmpty ? "" : query + "&") + "page=\(page)" }
        let desks = DeskPermissions(actor: staff.actor).allowed
        return try await Page.render("staff/cases/list", ListPage(
            page: CaseText.page(request, title: "案件"), rows: rows, filter: values,
            statuses: CaseText.statusOptions.map { Option(value: $0.value, label: $0.label, checked: $0.value == values.status) },
            categories: CaseText.categoryOptions.map { Option(value: $0.value, label: $0.label, checked: $0.value == values.category) },
            canOpen: desks.contains(.openCase), canConfigure: desks.contains(.configureCases),
            csvQuery: query.isEmpty ? "" : "?" + query, count: rows.count, empty: rows.isEmpty,
            pageNumber: number, previous: number > 1 ? link(number - 1) : "", next: found.count > Self.pageSize ? link(number + 1) : ""), on: request)
    }

    /// 导出 CSV — the same rows as the page, UTF-8 with BOM so Excel reads the Chinese.
    @Sendable func csv(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let rows = try await Self.rows(request, filter: Self.filter(request).0, by: staff.actor)
        let text = CSV.document(header: ["案号", "案由", "机构", "执法类别", "程序", "当前环节", "状态", "立案日期", "最紧迫的期限", "届满日", "期限状态"],
                                rows: rows.map { row in
                                    [row.number, row.title, row.organisation, row.category, row.procedure, row.stage, row.status, row.openedOn,
                                     row.clock?.title ?? "", row.clock?.due ?? "", row.clock?.stateText ?? ""]
                                })
        return request.csvResponse(text, filename: "案件列表.csv")
    }

    static func filter(_ request: Request) -> (CaseFilter, Filter) {
        var values = Filter()
        var filter = CaseFilter()
        values.status = request.query[String.self, at: "status"] ?? ""
        if values.status == "running" {
            filter.statuses = [.open, .suspended]
        } else if let status = EnforcementCase.Status(rawValue: values.status) {
            filter.statuses = [status]
        }
        values.category = request.query[String.self, at: "category"] ?? ""
        filter.category = EnforcementCategory(rawValue: values.category)
        values.from = request.query[String.self, at: "from"] ?? ""
        filter.openedFrom = CivilDate(iso: values.from)
        values.to = request.query[String.self, at: "to"] ?? ""
        filter.openedTo = CivilDate(iso: values.to)
        values.q = (request.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        filter.text = values.q.isEmpty ? nil : String(values.q.prefix(50))
        return (filter, values)
    }

    static func rows(_ request: Request, filter: CaseFilter, by actor: Actor, limit: Int = 500, offset: Int = 0) async throws -> [Row] {
        let summaries = try await request.sunlight.cases.cases(filter, by: actor, limit: limit, offset: offset)
        return summaries.map { summary in
            let theCase = summary.enforcementCase
            return Row(id: theCase.id.uuidString.lowercased(), number: theCase.number, title: summary.title, organisation: summary.organisation.name,
                       category: theCase.category.chineseName, procedure: CaseText.procedure(theCase), stage: CaseText.stage(theCase),
                       status: theCase.status.chineseName, statusClass: theCase.status.rawValue, openedOn: theCase.openedOn.iso,
                       readable: summary.readable, clock: summary.clock.map(ClockBadge.init))
        }
    }

    // MARK: opening a case

    struct PartyInput: Encodable {
        let index: Int
        var number = 0
        var kind = "person", name = "", idNumber = "", address = "", phone = "", representative = ""
        var member = false
        /// Rows after the first stay folded until used.
        var collapsed = false
    }

    struct OfficerChoice: Encodable {
        let id, name, certificate, status, statusClass: String
        let checked: Bool
    }

    struct Values: Encodable {
        var title = "", category = "penalty", item = "", source = "inspection", violationOn = "", classification = "normal"
        var simple = false, endangersSafety = false
        /// 案件线索 the case is opened from (REC-18), and its number for the form.
        var lead = "", leadNumber = ""
    }

    struct NewPage: Encodable {
        let page: PageContext
        let values: Values
        let parties: [PartyInput]
        let categories: [Option]
        let items: [Option]
        let sources: [Option]
        let classifications: [Option]
        let officers: [OfficerChoice]
        let opener: String
        let today: String
        let error: String?
    }

    struct PartyForm: Content {
        var kind, name, idNumber, address, phone, representative, member: String?
    }

    struct OpenForm: Content {
        var title, category, simple, item, source, violationOn, endangersSafety, classification, lead, leadNumber: String?
        var party: [String: PartyForm]?
        var officers: [String]?
    }

    @Sendable func newCase(_ request: Request) async throws -> Response {
        var values = Values()
        if let text = request.query[String.self, at: "lead"], let leadID = UUID(uuidString: text) {
            // 立案 from a lead (REC-18): the form carries the lead, its source becomes the case's.
            let lead = try await request.sunlight.cases.lead(leadID, by: try request.requireStaff().actor).lead
            values.lead = lead.id.uuidString.lowercased()
            values.leadNumber = lead.number
            values.source = lead.source.caseSource.rawValue
        }
        return try await renderNew(request, values: values, parties: [], officers: [], error: nil)
    }

    @Sendable func open(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(OpenForm.self)
        var values = Values(title: form.title ?? "", category: form.category ?? "", item: form.item ?? "", source: form.source ?? "",
                            violationOn: form.violationOn ?? "", classification: form.classification ?? "normal")
        values.lead = form.lead ?? ""
        values.leadNumber = form.leadNumber ?? ""
        values.simple = form.simple == "yes"
        values.endangersSafety = form.endangersSafety == "yes"
        let parties = (form.party ?? [:]).compactMap { key, party -> PartyInput? in
            guard let index = Int(key), (0..<Self.partyRows).contains(index) else { return nil }
            return PartyInput(index: index, kind: party.kind ?? "person", name: party.name ?? "", idNumber: party.idNumber ?? "",
                              address: party.address ?? "", phone: party.phone ?? "", representative: party.representative ?? "",
                              member: party.member == "yes")
        }.sorted { $0.index < $1.index }
        let officers = (form.officers ?? []).compactMap { UUID(uuidString: $0) }
        do {
            guard let category = EnforcementCategory(rawValue: values.category) else {
                throw SunlightError.invalid("category", "请选择执法类别", rule: .rec1)
            }
            guard let source = EnforcementCase.Source(rawValue: values.source) else { throw SunlightError.invalid("source", "请选择案件来源", rule: .rec1) }
            var violationOn: CivilDate?
            if !values.violationOn.isEmpty {
                guard let date = CivilDate(iso: values.violationOn) else {
                    throw SunlightError.invalid("violationOn", "违法行为发生日期应为 YYYY-MM-DD", rule: .std3)
                }
                violationOn = date
            }
            let input = NewCase(
                title: values.title, category: category, simple: values.simple, itemEntryID: UUID(uuidString: values.item), source: source,
                violationOn: violationOn, endangersSafety: values.endangersSafety,
                classification: EnforcementCase.Classification(rawValue: values.classification) ?? .normal,
                parties: parties.filter { !$0.name.trimmingCharacters(in: .whitespaces).isEmpty || !$0.idNumber.isEmpty }.map { party in
                    NewCase.Party(kind: party.kind == "organisation" ? .organisation : .person, name: party.name, idNumber: party.idNumber,
                                  address: party.address, phone: party.phone, representative: party.representative,
                                  partyMemberOrOfficial: party.member)
                },
                officers: officers, leadID: UUID(uuidString: values.lead))
            let opened = try await request.sunlight.cases.openCase(input, by: staff.actor)
            return Page.redirect("/staff/cases/\(opened.id.uuidString.lowercased())", notice: "case_opened")
        } catch let error as SunlightError where error.belongsInForm {
            return try await renderNew(request, values: values, parties: parties, officers: Set(officers), error: error.description,
                                       status: error.httpStatus)
        }
    }

    static let partyRows = 3

    private func renderNew(_ request: Request, values: Values, parties: [PartyInput], officers chosen: Set<UUID>, error: String?,
                           status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        try DeskPermissions(actor: staff.actor).check(.openCase)
        guard let organisation = staff.actor.organisation, let me = staff.actor.user else { throw SunlightError.outsideScope }
        let today = request.sunlight.clock.today
        let items = try await request.sunlight.publicity.publishedList(.item, organisationID: organisation.id).map { entry in
            let category = entry.version.terms.enforcementCategory?.chineseName ?? "未分类"
            return Option(value: entry.version.entryID.uuidString.lowercased(), label: "\(entry.version.title)（\(category)）",
                          checked: entry.version.entryID.uuidString.lowercased() == values.item.lowercased())
        }
        let officers = try await request.sunlight.standards.publicOfficers(of: organisation.id)
            .filter { $0.user.has(.officer) && $0.user.id != me.id }
            .map { officer -> OfficerChoice in
                let certificate = officer.mainCertificate(on: today)
                let status = certificate?.status(on: today)
                let text = certificate.map { "执法证 \($0.number)，\(status?.chineseName ?? "")，有效期至 \($0.validUntil.iso)；类别：\(PublicListsController.categories($0))" }
                    ?? "无执法证"
                return OfficerChoice(id: officer.user.id.uuidString.lowercased(), name: officer.user.displayName, certificate: text,
                                     status: status?.chineseName ?? "无证", statusClass: status == .valid ? "on_time" : "overdue",
                                     checked: chosen.contains(officer.user.id))
            }
        var rows = parties
        for index in 0..<Self.partyRows where !rows.contains(where: { $0.index == index }) { rows.append(PartyInput(index: index)) }
        rows = rows.sorted { $0.index < $1.index }.map { row in
            var numbered = row
            numbered.number = row.index + 1
            numbered.collapsed = row.index > 0 && row.name.isEmpty && row.idNumber.isEmpty
            return numbered
        }
        return try await Page.render("staff/cases/new", NewPage(
            page: CaseText.page(request, title: "立案"), values: values, parties: rows,
            categories: CaseText.categoryOptions.map { Option(value: $0.value, label: $0.label, checked: $0.value == values.category) },
            items: items, sources: CaseText.options(EnforcementCase.Source.self, \.chineseName, selected: values.source),
            classifications: CaseText.options(EnforcementCase.Classification.self, \.chineseName, selected: values.classification),
            officers: officers, opener: me.displayName, today: today.iso, error: error), on: request, status: status)
    }
}
