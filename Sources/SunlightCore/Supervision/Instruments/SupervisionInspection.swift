import Foundation

/// 监督检查 — one supervision activity of the justice bureau over a department: daily or special
/// supervision, big-data monitoring, an assessment commissioned from a third party, or an
/// unannounced spot check; what was looked at and what was found. Problems go out as notices
/// (通知书) citing it (SUP-4, seed 001 (七)).
public struct SupervisionInspection: OrganisationState, Equatable {
    public static let table = "supervision_inspections"

    public enum Method: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case daily, special, dataMonitoring = "data_monitoring", thirdParty = "third_party", spotCheck = "spot_check"

        public var chineseName: String {
            switch self {
            case .daily: "日常监督"
            case .special: "专项监督"
            case .dataMonitoring: "大数据监测分析"
            case .thirdParty: "委托第三方评估"
            case .spotCheck: "抽查暗访"
            }
        }
    }

    public let id: UUID
    public let method: Method
    /// The bureau that inspected.
    public let organisationID: Organisation.ID
    /// The organisation inspected.
    public let counterpartID: Organisation.ID?
    public let title: String
    public let from: CivilDate
    public let to: CivilDate
    public let scope: String
    /// The commissioned assessor, for a third-party assessment.
    public let assessor: String?
    public let findings: String
    public let problemsFound: Bool
    public let recordedBy: String
    public let createdAt: Date

    public var statusCode: String { problemsFound ? "problems" : "clean" }

    /// The evidence line a notice issued from it carries, so the notice and the record find each other.
    public var evidenceReference: String { "监督检查记录 \(id.uuidString.lowercased())（\(method.chineseName)：\(title)）" }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, method, organisationID, counterpartID, title, from, to, scope, assessor, findings, problemsFound, recordedBy, createdAt
    }
}

extension SupervisionUseCases {
    /// 记录监督检查 — a supervisor records an inspection of an organisation below the bureau (SUP-4).
    public func recordSupervisionInspection(_ method: SupervisionInspection.Method, of organisationID: Organisation.ID, title: String,
                                            from: CivilDate, to: CivilDate, scope: String, findings: String, problemsFound: Bool,
                                            assessor: String? = nil, by actor: Actor) async throws -> SupervisionInspection {
        let organisation = try await requireOrganisation(organisationID)
        let bureau = try await guarded(actor, SupervisionInspection.table, id: nil, in: organisation) { () throws -> Organisation in
            try InstrumentPermissions.requireIssuer(actor, to: organisation)
            guard let bureau = actor.organisation else { throw SunlightError.outsideScope }
            return bureau
        }
        let title = title.trimmed, scope = scope.trimmed, findings = findings.trimmed, assessor = assessor?.trimmed.nilIfEmpty
        guard (2...100).contains(title.count) else { throw SunlightError.invalid("title", "请填写检查名称（2–100 字）", rule: .sup4) }
        guard from <= to, to <= clock.today else { throw SunlightError.invalid("to", "检查期间应在今天或以前，且开始不晚于结束", rule: .sup4) }
        guard (5...4000).contains(scope.count) else { throw SunlightError.invalid("scope", "请写明检查内容（5–4000 字）", rule: .sup4) }
        guard (5...8000).contains(findings.count) else { throw SunlightError.invalid("findings", "请写明检查发现（5–8000 字）", rule: .sup4) }
        guard method != .thirdParty || assessor != nil else { throw SunlightError.invalid("assessor", "委托第三方评估应写明受托机构", rule: .sup4) }
        let inspection = SupervisionInspection(id: UUID(), method: method, organisationID: bureau.id, counterpartID: organisation.id, title: title,
                                               from: from, to: to, scope: scope, assessor: assessor, findings: findings, problemsFound: problemsFound,
                                               recordedBy: actor.displayName, createdAt: now)
        return try await save(inspection, new: true, "inspection.recorded", "\(method.chineseName)：\(title)", in: organisation, by: actor)
    }

    /// The inspections of the organisations in the actor's view (a department sees those of itself).
    public func supervisionInspections(by actor: Actor) async throws -> [SupervisionInspection] {
        try await guarded(actor, SupervisionInspection.table, id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head) }
        return try await store.records(SupervisionInspection.self).list(organisations: try await organisationsInView(of: actor).map(\.id))
    }

    /// 下发通知书 — a notice for what an inspection found, citing it (SUP-4).
    public func notifyFromInspection(_ id: SupervisionInspection.ID, requirement: String, rectifyBy: CivilDate, by actor: Actor) async throws -> SupervisionInstrument {
        guard let inspection = try await store.records(SupervisionInspection.self).find(id), let inspected = inspection.counterpartID else {
            throw SunlightError.notFound("监督检查记录")
        }
        let organisation = try await requireOrganisation(inspected)
        try await guarded(actor, SupervisionInspection.table, id: id.uuidString, in: organisation) {
            try InspectionPermissions(actor: actor, inspection: inspection, inspected: organisation).check(.notify)
        }
        return try await issueSupervisionInstrument(to: inspected, findings: inspection.findings, requirement: requirement, rectifyBy: rectifyBy,
                                                    evidence: inspection.evidenceReference, by: actor)
    }
}
