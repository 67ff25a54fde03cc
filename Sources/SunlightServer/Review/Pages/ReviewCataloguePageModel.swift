import Foundation
import SunlightCore
import Vapor

/// 重大执法决定目录清单 — the catalogue in effect for an organisation, every version it adopted,
/// and for heads, legal reviewers and administrators the form that adopts a new version:
/// each rule editable, blank rows to add, a delete box per rule (REV-2, REV-5).
struct ReviewCataloguePageModel: Encodable {
    struct RuleView: Encodable {
        let code, title, conditions, source: String
        let collective: Bool
        /// One of 第五十八条's situations: it cannot be removed (REV-10).
        let statutory: Bool
    }

    /// The province's bounds for thresholds, and the form that sets them where the actor may (REV-10).
    struct BoundsView: Encodable {
        let province, provinceID, text, basis, personMin, personMax, organisationMin, organisationMax: String
        let standard, canSet: Bool
    }

    struct VersionView: Encodable { let version, effectiveOn, reviewDays, rules, adoptedAt, note, state, stateClass: String }

    /// One rule as the form shows it; `index` numbers the form's fields.
    struct RuleInput: Encodable {
        var index = 0
        var number = 0
        var code = "", title = "", source = "", fields = "", minAmountPerson = "", minAmountOrganisation = "", items = ""
        var itemCount = 0
        var hearingHeld = false, collectiveDiscussion = false, delete = false
        /// A situation of 第五十八条: offered without a delete box (REV-10).
        var statutory = false
        var categories: [Option] = []
        var levels: [Option] = []
        var factors: [Option] = []
        /// A row added for a new rule.
        var blank = false
    }

    struct FormValues: Encodable { let effectiveOn, reviewDays, note: String }

    let page: PageContext
    let organisation: String
    let organisationID: String
    let organisations: [Option]
    let chooseOrganisation: Bool
    let version: String
    let effectiveOn, reviewDays, note: String
    let rules: [RuleView]
    let versions: [VersionView]
    let hasVersions: Bool
    /// Versions adopted and not yet approved by the supervising justice bureau (REV-10).
    let pending: Bool
    let bounds: BoundsView
    let canAdopt: Bool
    let inputs: [RuleInput]
    let form: FormValues
    let error: String?
}

extension ReviewCataloguePageModel {
    /// Blank rows offered for new rules.
    static let blankRows = 3

    static func build(_ request: Request, organisationID: UUID?, inputs typed: [RuleInput]? = nil, form typedForm: FormValues? = nil,
                      error: String? = nil) async throws -> ReviewCataloguePageModel {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let (current, versions) = try await sunlight.reviews.catalogues(of: organisationID, by: actor)
        let approvals = try await sunlight.reviews.catalogueApprovals(of: organisationID, by: actor)
        let bounds = try await sunlight.reviews.catalogueBounds(of: organisationID, by: actor)
        guard let home = actor.organisation else { throw SunlightError.outsideScope }
        let shown = try await organisationID.asyncMap { try await sunlight.organisations.organisation($0, for: actor) } ?? home
        let today = sunlight.clock.today
        let tree = try await sunlight.organisations.organisationTree(for: actor)
        let own = shown.id == home.id
        let canAdopt = own && DeskPermissions(actor: actor).allows(.adoptCatalogue)

        let inputs = typed ?? (current.effectiveRules.map { rule in
            var row = input(for: rule)
            row.statutory = current.isStatutory(rule)
            return row
        } + (0..<blankRows).map { _ in RuleInput(blank: true) })
        let numbered = inputs.enumerated().map { offset, row -> RuleInput in
            var row = row
            row.index = offset
            row.number = offset + 1
            if row.categories.isEmpty { row.categories = options(EnforcementCategory.enforcement, checked: [], name: \.chineseName) }
            if row.levels.isEmpty { row.levels = options(AdministrativeLevel.allCases, checked: [], name: \.chineseName) }
            if row.factors.isEmpty { row.factors = options(MajorFactor.allCases, checked: [], name: \.chineseName) }
            return row
        }
        let effective = current.organisationID == nil ? nil : current.version
        let b = bounds.bounds
        return ReviewCataloguePageModel(
            page: ReviewText.page(request, title: "重大执法决定法制审核目录"), organisation: shown.name, organisationID: shown.id.uuidString.lowercased(),
            organisations: tree.nodes.map { node in
                Option(value: node.organisation.id.uuidString.lowercased(), label: String(repeating: "　", count: node.depth) + node.organisation.name,
                       checked: node.organisation.id == shown.id)
            },
            chooseOrganisation: tree.nodes.count > 1,
            version: current.version == 0 ? "默认目录（第 0 版）" : "第 \(current.version) 版", effectiveOn: current.effectiveOn?.iso ?? "—",
            reviewDays: "\(current.reviewDays) 个工作日", note: current.note,
            rules: current.effectiveRules.map {
                RuleView(code: $0.code, title: $0.title, conditions: $0.conditions.filter { $0 != "须集体讨论" }.joined(separator: "；"),
                         source: $0.source, collective: $0.collectiveDiscussion, statutory: current.isStatutory($0))
            },
            versions: versions.reversed().map { version in
                let approval = approvals[version.version]
                let effectiveOn = approval.map { $0.effectiveOn ?? $0.requestedOn } ?? version.effectiveOn
                let state: (String, String) = switch approval?.status {
                case _ where version.version == effective: ("现行", "current")
                case .pending?: ("待司法行政机关批准（拟自 \(approval?.requestedOn.iso ?? "") 起）", "pending")
                case .returned?: ("已退回：\(approval?.reason ?? "")", "old")
                default: (effectiveOn ?? today) > today ? ("已批准，待生效", "pending") : ("已被取代", "old")
                }
                return VersionView(version: "第 \(version.version) 版", effectiveOn: effectiveOn?.iso ?? "—", reviewDays: "\(version.reviewDays)",
                                   rules: "\(version.rules.count)", adoptedAt: version.adoptedAt.map(ChinaTime.minuteText) ?? "—", note: version.note,
                                   state: state.0, stateClass: state.1)
            },
            hasVersions: !versions.isEmpty, pending: approvals.values.contains { $0.status == .pending },
            bounds: BoundsView(province: bounds.province.name, provinceID: bounds.province.id.uuidString.lowercased(),
                               text: "对公民 \(b.personMin)–\(b.personMax) 元；对法人或其他组织 \(b.organisationMin)–\(b.organisationMax) 元",
                               basis: b.basis, personMin: "\(b.personMin)", personMax: "\(b.personMax)", organisationMin: "\(b.organisationMin)",
                               organisationMax: "\(b.organisationMax)", standard: b.isStandard, canSet: bounds.actions.contains(.set)),
            canAdopt: canAdopt, inputs: numbered,
            form: typedForm ?? FormValues(effectiveOn: today.iso, reviewDays: String(current.reviewDays), note: ""), error: error)
    }

    /// A rule of the catalogue as a row of the form.
    static func input(for rule: MajorDecisionRule) -> RuleInput {
        RuleInput(code: rule.code, title: rule.title, source: rule.source, fields: rule.fields.joined(separator: "、"),
                  minAmountPerson: rule.minAmountPerson.map(String.init) ?? "", minAmountOrganisation: rule.minAmountOrganisation.map(String.init) ?? "",
                  items: rule.itemEntryIDs.map { $0.uuidString.lowercased() }.joined(separator: ","), itemCount: rule.itemEntryIDs.count,
                  hearingHeld: rule.hearingHeld, collectiveDiscussion: rule.collectiveDiscussion,
                  categories: options(EnforcementCategory.enforcement + rule.categories.filter { !EnforcementCategory.enforcement.contains($0) },
                                      checked: Set(rule.categories.map(\.rawValue)), name: \.chineseName),
                  levels: options(AdministrativeLevel.allCases, checked: Set(rule.levels.map(\.rawValue)), name: \.chineseName),
                  factors: options(MajorFactor.allCases, checked: Set(rule.factors.map(\.rawValue)), name: \.chineseName))
    }

    static func options<T: RawRepresentable>(_ values: [T], checked: Set<String>, name: KeyPath<T, String>) -> [Option] where T.RawValue == String {
        values.map { Option(value: $0.rawValue, label: $0[keyPath: name], checked: checked.contains($0.rawValue)) }
    }
}
