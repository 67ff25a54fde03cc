import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// 公示门户 — each organisation's lists, officers and certificates, search and the change
/// feed (PUB-1..5, PUB-10, PUB-11). No login; only what is published.
struct PublicListsController {
    struct Row: Encodable { let label, value: String }
    struct ListLink: Encodable { let kind, name, link: String; let count: Int }

    struct OrganisationPage: Encodable {
        let page: PageContext
        let id, name, kind: String
        let subject: [Row]
        let lists: [ListLink]
        let officers: Int
    }

    struct EntryRow: Encodable { let link, title, summary, effectiveFrom: String; let versions: Int }

    struct ListPage: Encodable {
        let page: PageContext
        let organisationID, organisation, kind, kindName, rule: String
        let entries: [EntryRow]
        let empty: Bool
    }

    struct HistoryRow: Encodable { let version: Int; let change, effectiveFrom, until, checkedAt: String }

    struct EntryPage: Encodable {
        let page: PageContext
        let organisationID, organisation, kind, kindName, title, effectiveFrom: String
        let fields: [Row]
        let flowchart: String?
        let history: [HistoryRow]
    }

    struct OfficerRow: Encodable { let name, post, number, categories, region, validity, status, statusClass, review: String }

    struct OfficersPage: Encodable {
        let page: PageContext
        let organisationID, organisation: String
        let officers: [OfficerRow]
    }

    struct CertificatePage: Encodable {
        let page: PageContext
        let number, status, statusClass, holder, organisation, post, categories, region, validity, review, verifiedAt, url: String
        let revocation: String?
    }

    struct SearchHit: Encodable { let kind, title, snippet, link: String }

    struct SearchPage: Encodable {
        let page: PageContext
        let q: String
        let hits: [SearchHit]
        let searched: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("o", ":organisation", use: organisation)
        routes.get("o", ":organisation", "officers", use: officers)
        routes.get("o", ":organisation", ":kind", use: list)
        routes.get("o", ":organisation", ":kind", ":entry", use: entry)
        routes.get("officers", use: lookup)
        routes.get("c", ":number", use: certificate)
        routes.get("c", ":number", "qr.svg", use: qr)
        routes.get("flow", ":chart", use: flowchart)
        routes.get("search", use: search)
        routes.get("feed.atom", use: feed)
    }

    // MARK: organisation and lists

    @Sendable func organisation(_ request: Request) async throws -> Response {
        let organisation = try await request.sunlight.organisations.organisation(try request.uuid("organisation", "机构"))
        var lists: [ListLink] = []
        for kind in ListKind.allCases {
            let count = try await request.sunlight.publicity.publishedList(kind, organisationID: organisation.id).count
            lists.append(ListLink(kind: kind.rawValue, name: kind.chineseName, link: Self.link(organisation, kind), count: count))
        }
        let subject = try await request.sunlight.publicity.publishedList(.subject, organisationID: organisation.id).first.map { Self.rows($0.version) } ?? []
        let officers = try await request.sunlight.standards.publicOfficers(of: organisation.id).count
        return try await Page.render("portal/organisation", OrganisationPage(
            page: PageContext(request, title: organisation.name), id: organisation.id.uuidString.lowercased(), name: organisation.name,
            kind: organisation.kind.chineseName, subject: subject, lists: lists, officers: officers), on: request)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let organisation = try await request.sunlight.organisations.organisation(try request.uuid("organisation", "机构"))
        let raw = request.parameters.get("kind") ?? ""
        if raw == "officers.csv" { return try await officersCSV(request, organisation) }
        let csv = raw.hasSuffix(".csv")
        guard let kind = ListKind(rawValue: csv ? String(raw.dropLast(4)) : raw) else { throw SunlightError.notFound("清单") }
        if csv {
            return request.csvResponse(ListCSV.export(try await request.sunlight.publicity.exportList(kind, organisationID: organisation.id)),
                                       filename: "\(organisation.name)\(kind.chineseName).csv")
        }
        let entries = try await request.sunlight.publicity.publishedList(kind, organisationID: organisation.id).map { published in
            let version = published.version
            let summary = kind.schema.fields.filter { $0.key != kind.schema.titleKey }.prefix(3)
                .compactMap { field in version.fields[field.key].map { "\(field.label)：\(field.display($0))" } }.joined(separator: "；")
            return EntryRow(link: Self.link(organisation, kind) + "/" + version.entryID.uuidString.lowercased(), title: version.title,
                            summary: String(summary.prefix(160)), effectiveFrom: version.effectiveFrom.iso, versions: published.versions)
        }
        return try await Page.render("portal/list", ListPage(
            page: PageContext(request, title: "\(organisation.name) \(kind.chineseName)"), organisationID: organisation.id.uuidString.lowercased(),
            organisation: organisation.name, kind: kind.rawValue, kindName: kind.chineseName, rule: kind.rule.legalBasis ?? "",
            entries: entries, empty: entries.isEmpty), on: request)
    }

    @Sendable func entry(_ request: Request) async throws -> Response {
        let organisation = try await request.sunlight.organisations.organisation(try request.uuid("organisation", "机构"))
        let history = try await request.sunlight.publicity.entryHistory(try request.uuid("entry", "清单条目"))
        guard let shown = history.current(on: request.sunlight.clock.today) ?? history.published.last,
              shown.organisationID == organisation.id, shown.kind.rawValue == request.parameters.get("kind") else {
            throw SunlightError.notFound("清单条目")
        }
        let category = shown.terms.enforcementCategory
        let rows = history.published.reversed().map { version in
            HistoryRow(version: version.version, change: version.change.chineseName, effectiveFrom: version.effectiveFrom.iso,
                       until: history.supersededOn(version)?.iso ?? "—", checkedAt: version.checkedAt.map(ChinaTime.minuteText) ?? "")
        }
        return try await Page.render("portal/entry", EntryPage(
            page: PageContext(request, title: shown.title), organisationID: organisation.id.uuidString.lowercased(), organisation: organisation.name,
            kind: shown.kind.rawValue, kindName: shown.kind.chineseName, title: shown.title, effectiveFrom: shown.effectiveFrom.iso,
            fields: Self.rows(shown), flowchart: category.map { "/flow/\($0.rawValue).svg" }, history: rows), on: request)
    }

    static func rows(_ version: ListEntryVersion) -> [Row] {
        version.kind.schema.fields.compactMap { field in
            version.fields[field.key].map { Row(label: field.label, value: field.display($0)) }
        }
    }

    static func link(_ organisation: Organisation, _ kind: ListKind) -> String {
        "/o/\(organisation.id.uuidString.lowercased())/\(kind.rawValue)"
    }

    // MARK: officers and certificates

    @Sendable func officers(_ request: Request) async throws -> Response {
        let organisation = try await request.sunlight.organisations.organisation(try request.uuid("organisation", "机构"))
        let today = request.sunlight.clock.today
        let rows = try await request.sunlight.standards.publicOfficers(of: organisation.id).map { officer in
            let main = officer.mainCertificate(on: today)
            let status = main?.status(on: today)
            return OfficerRow(name: officer.user.displayName, post: officer.user.post, number: main?.number ?? "",
                              categories: main.map { Self.categories($0) } ?? "—", region: main?.region ?? "—",
                              validity: main.map { "\($0.validFrom.iso) 至 \($0.validUntil.iso)" } ?? "—",
                              status: status?.chineseName ?? "无证", statusClass: status == .valid ? "on_time" : "overdue",
                              review: main.map { officer.reviewText(of: $0) } ?? "—")
        }
        return try await Page.render("portal/officers", OfficersPage(
            page: PageContext(request, title: "\(organisation.name) 执法人员"), organisationID: organisation.id.uuidString.lowercased(),
            organisation: organisation.name, officers: rows), on: request)
    }

    /// The officers list (PUB-2) as CSV.
    func officersCSV(_ request: Request, _ organisation: Organisation) async throws -> Response {
        let today = request.sunlight.clock.today
        let rows = try await request.sunlight.standards.publicOfficers(of: organisation.id).map { officer -> [String] in
            let main = officer.mainCertificate(on: today)
            return [officer.user.displayName, organisation.name, officer.user.post, main?.number ?? "", main.map { Self.categories($0) } ?? "",
                    main?.region ?? "", main?.validFrom.iso ?? "", main?.validUntil.iso ?? "", main?.status(on: today).chineseName ?? "无证",
                    main.map { officer.reviewText(of: $0) } ?? ""]
        }
        return request.csvResponse(CSV.document(header: ["姓名", "单位", "职务", "执法证号", "执法类别", "执法区域", "有效期自", "有效期至", "状态", "年度审验"],
                                                rows: rows), filename: "\(organisation.name)执法人员.csv")
    }

    @Sendable func lookup(_ request: Request) async throws -> Response {
        let number = (request.query[String.self, at: "number"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else { return Page.redirect("/") }
        let encoded = number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return Response(status: .seeOther, headers: ["Location": "/c/\(encoded)"])
    }

    @Sendable func certificate(_ request: Request) async throws -> Response {
        let (officer, certificate) = try await request.sunlight.standards.certificateLookup(request.parameters.get("number") ?? "")
        let now = request.sunlight.clock.now
        let status = certificate.status(on: ChinaTime.date(of: now))
        let page = CertificatePage(
            page: PageContext(request, title: "执法证 \(certificate.number)"), number: certificate.number,
            status: status == .valid ? "有效" : status.chineseName, statusClass: status == .valid ? "on_time" : "overdue",
            holder: officer.user.displayName, organisation: officer.organisation.name, post: officer.user.post,
            categories: Self.categories(certificate), region: certificate.region,
            validity: "\(certificate.validFrom.chinese) 至 \(certificate.validUntil.chinese)", review: officer.reviewText(of: certificate),
            verifiedAt: ChinaTime.minuteText(now), url: Self.certificateURL(request, certificate.number),
            revocation: certificate.revokedOn.map { "于 \($0.chinese) 注销：\(certificate.revocationReason ?? "")" })
        let response = try await Page.render("portal/certificate", page, on: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    @Sendable func qr(_ request: Request) async throws -> Response {
        let (_, certificate) = try await request.sunlight.standards.certificateLookup(request.parameters.get("number") ?? "")
        let code = try QRCode(text: Self.certificateURL(request, certificate.number))
        let response = Response(status: .ok, body: .init(string: code.svg()))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return response
    }

    static func certificateURL(_ request: Request, _ number: String) -> String {
        request.application.sunlightConfiguration.portalURL + "/c/" + (number.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? number)
    }

    static func categories(_ certificate: EnforcementCertificate) -> String {
        EnforcementCategory.allCases.filter(certificate.categories.contains).map(\.chineseName).joined(separator: "、")
    }

    // MARK: flowcharts, search, feed

    @Sendable func flowchart(_ request: Request) async throws -> Response {
        let name = request.parameters.get("chart") ?? ""
        guard name.hasSuffix(".svg"), let category = EnforcementCategory(rawValue: String(name.dropLast(4))) else {
            throw SunlightError.notFound("流程图")
        }
        let response = Response(status: .ok, body: .init(string: FlowchartSVG.render(category)))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }

    @Sendable func search(_ request: Request) async throws -> Response {
        let q = request.query[String.self, at: "q"] ?? ""
        let organisation = request.query[String.self, at: "o"].flatMap(UUID.init(uuidString:))
        let hits = try await request.sunlight.publicity.searchPortal(q, organisationID: organisation).map { document in
            SearchHit(kind: document.kind, title: document.title, snippet: String(document.body.replacingOccurrences(of: "\n", with: "；").prefix(120)),
                      link: document.link)
        }
        return try await Page.render("portal/search", SearchPage(page: PageContext(request, title: "检索"), q: q, hits: hits,
                                                                 searched: !q.trimmingCharacters(in: .whitespaces).isEmpty), on: request)
    }

    @Sendable func feed(_ request: Request) async throws -> Response {
        let organisationID = request.query[String.self, at: "o"].flatMap(UUID.init(uuidString:))
        let changes = try await request.sunlight.publicity.recentListChanges(organisationID: organisationID, limit: 50)
        var names: [UUID: Organisation] = [:]
        for change in changes where names[change.organisationID] == nil {
            names[change.organisationID] = try await request.sunlight.organisations.organisation(change.organisationID)
        }
        let base = request.application.sunlightConfiguration.portalURL
        return AtomFeed.response(title: "阳光执法 · 公示清单变更", id: "\(base)/feed.atom", base: base,
                                 updated: changes.first?.checkedAt ?? request.sunlight.clock.now,
                                 entries: changes.map { change in
                                     let organisation = names[change.organisationID]!
                                     return AtomFeed.Entry(
                                         id: "\(base)/o/\(organisation.id.uuidString.lowercased())/\(change.kind.rawValue)/\(change.entryID.uuidString.lowercased())#v\(change.version)",
                                         title: "\(organisation.name) \(change.kind.chineseName)：\(change.title)（第 \(change.version) 版\(change.change == .repeal ? "，废止" : "")）",
                                         link: "\(base)\(Self.link(organisation, change.kind))/\(change.entryID.uuidString.lowercased())",
                                         updated: change.checkedAt ?? change.draftedAt,
                                         summary: "\(change.effectiveFrom.iso) 起\(change.change == .repeal ? "废止" : "生效")")
                                 })
    }
}

/// 变更订阅 — an Atom (RFC 4287) feed, escaped by hand.
enum AtomFeed {
    struct Entry {
        let id, title, link: String
        let updated: Date
        let summary: String
    }

    static func response(title: String, id: String, base: String, updated: Date, entries: [Entry]) -> Response {
        func x(_ s: String) -> String { HTML.escape(s) }
        func time(_ d: Date) -> String { LedgerTime.text(d).replacingOccurrences(of: ".000Z", with: "Z") }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
            <title>\(x(title))</title><id>\(x(id))</id><updated>\(time(updated))</updated>
            <link rel="self" href="\(x(id))"/><link rel="alternate" href="\(x(base))/"/><author><name>阳光执法</name></author>

            """
        for entry in entries {
            xml += "<entry><title>\(x(entry.title))</title><id>\(x(entry.id))</id><updated>\(time(entry.updated))</updated>"
                + "<link rel=\"alternate\" href=\"\(x(entry.link))\"/><summary>\(x(entry.summary))</summary></entry>\n"
        }
        xml += "</feed>\n"
        let response = Response(status: .ok, body: .init(string: xml))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return response
    }
}
