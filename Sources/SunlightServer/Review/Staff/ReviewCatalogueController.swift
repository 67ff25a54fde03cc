import Foundation
import SunlightCore
import Vapor

/// 目录清单 — the major-decision catalogue in effect, its versions, and adopting a new version:
/// the rules as edited, rows added, rows deleted, from a date not in the past (REV-2, REV-5).
/// A refused version comes back with the reason and every row as typed.
struct ReviewCatalogueController {
    struct RuleForm: Content {
        var code, title, source, fields, minAmountPerson, minAmountOrganisation, items, hearingHeld, collectiveDiscussion, delete: String?
        var categories, levels, factors: [String]?
    }

    struct CatalogueForm: Content {
        var rule: [String: RuleForm]?
        var effectiveOn, reviewDays, note: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "reviews", "catalogue", use: show)
        routes.post("staff", "reviews", "catalogue", use: adopt)
        routes.post("staff", "reviews", "catalogue", "bounds", use: setBounds)
    }

    /// 设定数额标准幅度 — an administrator of the province (REV-10).
    @Sendable func setBounds(_ request: Request) async throws -> Response {
        try await Page.submit(request, to: "/staff/reviews/catalogue", { actor in
            func amount(_ name: String) throws -> Int {
                guard let value = request.field(name).flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                    throw SunlightError.invalid(name, "幅度应为整数（元）", rule: .rev10)
                }
                return value
            }
            guard let province = request.field("province").flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid("province", "请选择省份", rule: .rev10) }
            _ = try await request.sunlight.reviews.setCatalogueBounds(province: province, personMin: try amount("personMin"), personMax: try amount("personMax"),
                                                              organisationMin: try amount("organisationMin"),
                                                              organisationMax: try amount("organisationMax"), basis: request.field("basis") ?? "", by: actor)
        }) { problem, status in
            try await Page.render("staff/review/catalogue", try await ReviewCataloguePageModel.build(request, organisationID: nil, error: problem),
                                  on: request, status: status)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let organisationID = request.query[String.self, at: "organisation"].flatMap { UUID(uuidString: $0) }
        return try await Page.render("staff/review/catalogue", try await ReviewCataloguePageModel.build(request, organisationID: organisationID),
                                     on: request)
    }

    @Sendable func adopt(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let form = try request.content.decode(CatalogueForm.self)
        let rows = (form.rule ?? [:]).compactMap { key, row in Int(key).map { ($0, row) } }.sorted { $0.0 < $1.0 }.map(\.1)
        do {
            var rules: [MajorDecisionRule] = []
            for row in rows where row.delete != "yes" && !Self.isBlank(row) { rules.append(try Self.rule(row)) }
            guard let days = Int((form.reviewDays ?? "").trimmingCharacters(in: .whitespaces)) else {
                throw SunlightError.invalid("reviewDays", "审核期限应为工作日数（整数）", rule: .rev5)
            }
            var effectiveOn: CivilDate?
            if let text = form.effectiveOn?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                guard let date = CivilDate(iso: text) else { throw SunlightError.invalid("effectiveOn", "生效日期应为 YYYY-MM-DD", rule: .rev2) }
                effectiveOn = date
            }
            _ = try await request.sunlight.reviews.adoptCatalogue(rules: rules, reviewDays: days, effectiveOn: effectiveOn, note: form.note ?? "",
                                                          by: staff.actor)
            return Page.redirect("/staff/reviews/catalogue", notice: "catalogue_adopted")
        } catch let error as SunlightError where error.belongsInForm {
            let model = try await ReviewCataloguePageModel.build(
                request, organisationID: nil, inputs: rows.map(Self.input),
                form: .init(effectiveOn: form.effectiveOn ?? "", reviewDays: form.reviewDays ?? "", note: form.note ?? ""), error: error.description)
            return try await Page.render("staff/review/catalogue", model, on: request, status: error.httpStatus)
        }
    }

    static func isBlank(_ row: RuleForm) -> Bool {
        [row.code, row.title, row.source, row.fields, row.minAmountPerson, row.minAmountOrganisation, row.items]
            .allSatisfy { ($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            && [row.categories, row.levels, row.factors].allSatisfy { ($0 ?? []).isEmpty } && row.hearingHeld != "yes"
    }

    /// A row of the form as a rule; amounts must be whole yuan.
    static func rule(_ row: RuleForm) throws -> MajorDecisionRule {
        let code = (row.code ?? "").trimmingCharacters(in: .whitespaces)
        func amount(_ text: String?, _ label: String) throws -> Int? {
            let text = (text ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw SunlightError.invalid("rules", "规则 \(code) 的\(label)应为整数（元）", rule: .rev2) }
            return value
        }
        return MajorDecisionRule(
            code: code, title: row.title ?? "", source: row.source ?? "",
            categories: (row.categories ?? []).compactMap(EnforcementCategory.init(rawValue:)),
            itemEntryIDs: (row.items ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0).trimmingCharacters(in: .whitespaces)) },
            fields: (row.fields ?? "").split(whereSeparator: { "、,，;；".contains($0) }).map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty },
            levels: (row.levels ?? []).compactMap(AdministrativeLevel.init(rawValue:)),
            minAmountPerson: try amount(row.minAmountPerson, "对公民的涉案金额"),
            minAmountOrganisation: try amount(row.minAmountOrganisation, "对法人或其他组织的涉案金额"),
            hearingHeld: row.hearingHeld == "yes", factors: (row.factors ?? []).compactMap(MajorFactor.init(rawValue:)),
            collectiveDiscussion: row.collectiveDiscussion == "yes")
    }

    /// A posted row as the form shows it again.
    static func input(_ row: RuleForm) -> ReviewCataloguePageModel.RuleInput {
        let categories = Set(row.categories ?? []), levels = Set(row.levels ?? []), factors = Set(row.factors ?? [])
        let items = (row.items ?? "").split(separator: ",").filter { UUID(uuidString: String($0)) != nil }
        return ReviewCataloguePageModel.RuleInput(
            code: row.code ?? "", title: row.title ?? "", source: row.source ?? "", fields: row.fields ?? "",
            minAmountPerson: row.minAmountPerson ?? "", minAmountOrganisation: row.minAmountOrganisation ?? "", items: row.items ?? "",
            itemCount: items.count, hearingHeld: row.hearingHeld == "yes", collectiveDiscussion: row.collectiveDiscussion == "yes",
            delete: row.delete == "yes",
            categories: ReviewCataloguePageModel.options(
                EnforcementCategory.enforcement + categories.compactMap(EnforcementCategory.init(rawValue:)).filter { !EnforcementCategory.enforcement.contains($0) },
                checked: categories, name: \.chineseName),
            levels: ReviewCataloguePageModel.options(AdministrativeLevel.allCases, checked: levels, name: \.chineseName),
            factors: ReviewCataloguePageModel.options(MajorFactor.allCases, checked: factors, name: \.chineseName),
            blank: isBlank(row))
    }
}
