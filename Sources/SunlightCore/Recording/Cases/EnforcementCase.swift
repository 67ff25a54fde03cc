import Foundation
import SunlightLedger

/// 案件 — one enforcement case from its opening to its archive (REC-1). What happened to it is
/// in its events; this is where it stands.
public struct EnforcementCase: Identifiable, Sendable, Equatable {
    public typealias ID = UUID

    public enum Status: String, Codable, Sendable {
        case open, suspended, terminated, closed, archived

        public var chineseName: String {
            switch self {
            case .open: "办理中"
            case .suspended: "中止"
            case .terminated: "终止"
            case .closed: "已结案"
            case .archived: "已归档"
            }
        }
    }

    /// 案件来源 (REC-1).
    public enum Source: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case complaint, inspection, transfer, monitoring, application, other

        public var chineseName: String {
            switch self {
            case .complaint: "投诉举报"
            case .inspection: "监督检查发现"
            case .transfer: "移送"
            case .monitoring: "监测"
            case .application: "当事人申请"
            case .other: "其他"
            }
        }
    }

    /// 密级 — who may see the case (REC-11). Anything but `.normal` never reaches the portal.
    public enum Classification: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case normal, secret, commercial, `private`

        public var chineseName: String {
            switch self {
            case .normal: "一般"
            case .secret: "涉及国家秘密"
            case .commercial: "涉及商业秘密"
            case .private: "涉及个人隐私"
            }
        }
    }

    public let id: ID
    public let organisationID: Organisation.ID
    /// 案号, e.g. `元市监立〔2026〕5号`.
    public let number: String
    /// 案由.
    public let title: String
    public let category: EnforcementCategory
    /// 简易程序 (STD-4).
    public let simple: Bool
    /// The item of the list this case enforces, if any.
    public let itemEntryID: UUID?
    public let source: Source
    /// When the violation happened (or ended), for the limitation period.
    public let violationOn: CivilDate?
    /// Endangers life, health or financial safety: five years' limitation instead of two (STD-3, art. 36).
    public let endangersSafety: Bool
    public let openedOn: CivilDate
    public let openedAt: Date
    public let openedBy: StaffUser.ID?
    /// Calendar days to decide (REC-13, art. 60: 90 unless the item says otherwise).
    public let decisionDays: Int
    public var classification: Classification
    public var stage: String
    public var status: Status
    /// 案件线索 the case was opened from (REC-18); absent from the logged content when unset.
    public let leadID: UUID?

    public init(id: ID = UUID(), organisationID: Organisation.ID, number: String, title: String, category: EnforcementCategory,
                simple: Bool, itemEntryID: UUID?, source: Source, violationOn: CivilDate?, endangersSafety: Bool, openedOn: CivilDate,
                openedAt: Date, openedBy: StaffUser.ID?, decisionDays: Int, classification: Classification, stage: String, status: Status, leadID: UUID? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.number = number
        self.title = title
        self.category = category
        self.simple = simple
        self.itemEntryID = itemEntryID
        self.source = source
        self.violationOn = violationOn
        self.endangersSafety = endangersSafety
        self.openedOn = openedOn
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.decisionDays = decisionDays
        self.classification = classification
        self.stage = stage
        self.status = status
        self.leadID = leadID
    }

    public var stages: [ProcedureStage] { Procedures.stages(for: category, simple: simple) }
    public var currentStage: ProcedureStage? { stages.first { $0.code == stage } }

    var ledgerContent: CanonicalJSON {
        Snapshot.object(["id": Snapshot.uuid(id), "organisation": Snapshot.uuid(organisationID), "number": .string(number), "title": .string(title),
                 "category": .string(category.rawValue), "simple": .bool(simple), "item": Snapshot.uuid(itemEntryID),
                 "source": .string(source.rawValue), "violationOn": Snapshot.text(violationOn?.iso), "endangersSafety": .bool(endangersSafety),
                 "openedOn": .string(openedOn.iso), "openedAt": Snapshot.time(openedAt), "openedBy": Snapshot.uuid(openedBy),
                 "decisionDays": .int(Int64(decisionDays)), "classification": .string(classification.rawValue), "stage": .string(stage),
                 "status": .string(status.rawValue)],
                        addedLater: ["lead": leadID.map { Snapshot.uuid($0) }])
    }

    func ledgerRecord(_ type: String) -> LedgerRecord {
        Self.logged(type: type, table: "cases", id: id.uuidString.lowercased(), organisationID: organisationID, content: ledgerContent).about(case: id)
    }
}

/// 当事人 — a party of a case. A natural person's name, ID number, address and phone are
/// personal data: sealed apart, the log holds only salted commitments (REC-5, PUB-8).
public struct CaseParty: Identifiable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case person, organisation

        public var chineseName: String { self == .person ? "自然人" : "法人或其他组织" }
    }

    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let kind: Kind
    /// For an organisation its name (public); for a person, sealed.
    public let name: String
    /// 身份证号 or 统一社会信用代码.
    public let idNumber: String?
    public let address: String?
    public let phone: String?
    /// 法定代表人 (organisations).
    public let representative: String?
    /// Party member or public official (SUP-9 discipline referral).
    public let partyMemberOrOfficial: Bool

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, kind: Kind, name: String, idNumber: String?, address: String?,
                phone: String?, representative: String?, partyMemberOrOfficial: Bool = false) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.name = name
        self.idNumber = idNumber
        self.address = address
        self.phone = phone
        self.representative = representative
        self.partyMemberOrOfficial = partyMemberOrOfficial
    }

    /// The fields sealed as personal data for a natural person (all but `kind`); for an
    /// organisation, its phone and address of a representative are not personal.
    var sealedFields: [(String, String?)] {
        kind == .person ? [("name", name), ("idNumber", idNumber), ("address", address), ("phone", phone)] : []
    }

    func ledgerContent(sealed: [String: PersonalValue]) -> CanonicalJSON {
        func field(_ key: String, _ value: String?) -> CanonicalJSON {
            if let seal = sealed[key] { return PersonalData.json(seal.commitment) }
            return Snapshot.text(value)
        }
        return .object(["id": Snapshot.uuid(id), "case": Snapshot.uuid(caseID), "kind": .string(kind.rawValue),
                        "name": field("name", name), "idNumber": field("idNumber", idNumber), "address": field("address", address),
                        "phone": field("phone", phone), "representative": Snapshot.text(representative),
                        "partyMemberOrOfficial": .bool(partyMemberOrOfficial)])
    }

    func ledgerRecord(organisationID: UUID, sealed: [String: PersonalValue]) -> LedgerRecord {
        Self.logged(type: "case.party_added", table: "case_parties", id: id.uuidString.lowercased(), organisationID: organisationID,
                    content: ledgerContent(sealed: sealed))
    }
}

/// 案件事件 — an electronic-data record of the case (REC-2): every state change is one.
public struct CaseEvent: Identifiable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case opened, stageCompleted = "stage_completed", stageSkipped = "stage_skipped"
        case officerAssigned = "officer_assigned", officerRecused = "officer_recused"
        case audioVideoExemptionRequested = "av_exemption_requested", audioVideoExemptionApproved = "av_exemption_approved"
        case hearingRequested = "hearing_requested", hearingWaived = "hearing_waived", statementReceived = "statement_received"
        case suspended, resumed, terminated, extended, deduction
        /// 申请延长 / 申请期限扣除 — asked by an officer, answered by `extended` / `deduction` with `data["request"]` (REC-17).
        case extensionRequested = "extension_requested", deductionRequested = "deduction_requested"
        /// 解除查封、扣押 — `data["document"]` names the seizure decision (REC-16).
        case seizureReleased = "seizure_released"
        case preserved = "evidence_preserved", preservationHandled = "preservation_handled"
        case decided, delivered, paid, closed, archived
        case classified
        /// 认定重大执法决定情形 (REV-2): `data["factors"]` lists them, comma-separated.
        case majorFactorsDeclared = "major_factors_declared"

        public var chineseName: String {
            switch self {
            case .opened: "立案"
            case .stageCompleted: "完成环节"
            case .stageSkipped: "跳过环节"
            case .officerAssigned: "指派执法人员"
            case .officerRecused: "执法人员回避"
            case .audioVideoExemptionRequested: "申请免于音像记录"
            case .audioVideoExemptionApproved: "批准免于音像记录"
            case .hearingRequested: "当事人要求听证"
            case .hearingWaived: "当事人放弃听证"
            case .statementReceived: "收到陈述申辩"
            case .suspended: "中止"
            case .resumed: "恢复"
            case .terminated: "终止"
            case .extended: "延长办案期限"
            case .deduction: "期限扣除"
            case .extensionRequested: "申请延长办案期限"
            case .deductionRequested: "申请期限扣除"
            case .seizureReleased: "解除查封、扣押"
            case .preserved: "先行登记保存证据"
            case .preservationHandled: "处理先行登记保存的证据"
            case .decided: "作出决定"
            case .delivered: "送达"
            case .paid: "履行"
            case .closed: "结案"
            case .archived: "归档"
            case .classified: "设定密级"
            case .majorFactorsDeclared: "认定重大执法决定情形"
            }
        }
    }

    public let id: UUID
    public let caseID: EnforcementCase.ID
    public let kind: Kind
    public let stage: String?
    public let at: Date
    /// The legal date of the event (Beijing time), what clocks count from.
    public let on: CivilDate
    public let by: StaffUser.ID?
    public let note: String?
    /// Kind-specific facts, e.g. `days` of an extension, `from`/`to` of a deduction, `amount` of a payment.
    public let data: [String: String]

    public init(id: UUID = UUID(), caseID: EnforcementCase.ID, kind: Kind, stage: String?, at: Date, on: CivilDate, by: StaffUser.ID?,
                note: String? = nil, data: [String: String] = [:]) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.stage = stage
        self.at = at
        self.on = on
        self.by = by
        self.note = note
        self.data = data
    }

    func ledgerRecord(organisationID: UUID) -> LedgerRecord {
        Self.logged(type: "case.\(kind.rawValue)", table: "case_events", id: id.uuidString.lowercased(), organisationID: organisationID,
                    content: .object(["id": Snapshot.uuid(id), "case": Snapshot.uuid(caseID), "kind": .string(kind.rawValue),
                                       "stage": Snapshot.text(stage), "at": Snapshot.time(at), "on": .string(on.iso), "by": Snapshot.uuid(by),
                                       "note": Snapshot.text(note), "data": .object(data.mapValues(CanonicalJSON.string))])).about(case: caseID)
    }
}
