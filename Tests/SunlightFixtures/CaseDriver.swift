import Foundation
@testable import SunlightCore
import SunlightTestSupport

/// Drives one case of the demo market-regulation bureau through the use cases.
public struct CaseDriver: Sendable {
    public let world: DemoWorld
    public let id: EnforcementCase.ID

    public init(world: DemoWorld, id: EnforcementCase.ID) {
        self.world = world
        self.id = id
    }

    public var sunlight: Sunlight { world.sunlight }

    /// Opens a penalty case for the food-safety item, with 张伟 and 李娜.
    public static func open(in world: DemoWorld, simple: Bool = false, person: Bool = true, title: String = "销售超过保质期的食品",
                     decisionDays: Int? = nil, official: Bool = false) async throws -> CaseDriver {
        let item = try await world.sunlight.publicity.publishedList(.item, organisationID: world.market.id).first { $0.version.fields["code"] == "5323280-CF-001" }!
        let parties: [NewCase.Party] = person
            ? [NewCase.Party(kind: .person, name: "王小明", idNumber: "532328198001011234", address: "元谋县元马镇龙川街 12 号", phone: "13800001111",
                             partyMemberOrOfficial: official)]
            : [NewCase.Party(kind: .organisation, name: "元谋县好又多超市有限公司", idNumber: "91532328MA6K000000", address: "元谋县元马镇龙川街 12 号",
                             representative: "王小明")]
        let theCase = try await world.sunlight.cases.openCase(
            NewCase(title: title, category: .penalty, simple: simple, itemEntryID: item.version.entryID, source: .inspection,
                    violationOn: world.clock.today, decisionDays: decisionDays, parties: parties, officers: [try await world.user("scj.lina").id]),
            by: try await world.actor("scj.zhangwei"))
        return CaseDriver(world: world, id: theCase.id)
    }

    public func current() async throws -> EnforcementCase { try await sunlight.store.cases.find(id)! }

    /// Drafts, submits, signs and issues a document: the head signs what heads sign, 李娜 checks 张伟's records.
    @discardableResult
    public func issue(_ type: DocumentType, _ overrides: [String: String] = [:], drafter: String = "scj.zhangwei") async throws -> CaseDocument {
        let draft = try await sunlight.cases.draftDocument(case: id, type: type, fields: type.sampleFields(overrides), by: try await world.actor(drafter))
        _ = try await sunlight.cases.submitDocument(draft.id, by: try await world.actor(drafter))
        let signer = type.signedByHead ? "scj.wangfang" : (drafter == "scj.zhangwei" ? "scj.lina" : "scj.zhangwei")
        _ = try await sunlight.cases.signDocument(draft.id, by: try await world.actor(signer))
        return try await sunlight.cases.issueDocument(draft.id, by: try await world.actor(drafter))
    }

    /// 送达: records a receipt serving `document` on the party, handed over on `day` (today by
    /// default), checked by 李娜 (REC-14).
    @discardableResult
    public func serve(_ document: CaseDocument, on day: String? = nil, _ overrides: [String: String] = [:]) async throws -> CaseDocument {
        try await issue(.deliveryReceipt, ["document": document.id.uuidString.lowercased(), "method": "direct", "recipient": "王小明",
                                           "date": day ?? world.clock.today.iso].merging(overrides) { $1 })
    }

    /// Drafts and submits, leaving the document for signature.
    public func submitted(_ type: DocumentType, _ overrides: [String: String] = [:]) async throws -> CaseDocument {
        let draft = try await sunlight.cases.draftDocument(case: id, type: type, fields: type.sampleFields(overrides), by: try await world.actor("scj.zhangwei"))
        return try await sunlight.cases.submitDocument(draft.id, by: try await world.actor("scj.zhangwei"))
    }

    @discardableResult
    public func complete(by username: String = "scj.zhangwei") async throws -> EnforcementCase {
        try await sunlight.cases.completeStage(case: id, by: try await world.actor(username))
    }

    /// Records a body-camera video in the current stage, uploaded with the evidence.
    @discardableResult
    public func video(_ seed: UInt8 = 1) async throws -> CaseEvidence {
        let blob = try world.storeBlob((0..<5000).map { UInt8(truncatingIfNeeded: Int($0) &* Int(seed) &+ 7) })
        return try await sunlight.cases.recordCaseEvidence(
            case: id, NewCaseEvidence(kind: .audiovisual, description: "执法记录仪录像：现场检查过程", source: "执法人员现场拍摄", original: true,
                                      confirmedBy: "王小明", confirmedOn: world.clock.today),
            upload: (try await world.evidence("现场检查录像"), blob), by: try await world.actor("scj.zhangwei"))
    }

    public func day(_ iso: String) { world.clock.set(CivilDate(iso: iso)!) }

    /// Submits a draft decision for legal review with a complete form (REV-3).
    public func submitForReview(_ document: CaseDocument, by username: String = "scj.zhangwei") async throws -> ReviewRecord {
        try await sunlight.reviews.submitForReview(document: document.id, form: .sample, by: try await world.actor(username))
    }

    /// The reviewer answers every element and gives the opinion (REV-4, REV-5).
    @discardableResult
    public func review(_ round: ReviewRecord, _ outcome: ReviewOutcome = .approve, by username: String = "scj.fazhi") async throws -> ReviewRecord {
        let answers = outcome == .approve ? ChecklistAnswer.allPass
            : ChecklistAnswer.allPass.map { $0.element == .evidence ? ChecklistAnswer(element: .evidence, verdict: .problem, comment: "缺少进货台账") : $0 }
        return try await sunlight.reviews.recordOpinion(round: round.id, answers: answers, outcome: outcome, text: outcome == .approve ? "同意作出决定。" : "请补充进货台账后重新送审。",
                                                by: try await world.actor(username))
    }
}

extension ReviewForm {
    public static let sample = ReviewForm(facts: "当事人销售超过保质期的食品。", law: "《中华人民共和国食品安全法》第一百二十四条",
                                   hearing: "当事人要求听证，已于 10 月 16 日举行听证。", proposal: "罚款人民币肆万元。")
}

extension ChecklistAnswer {
    /// Every element answered 符合 (the crime question: 不适用).
    public static let allPass = ReviewElement.allCases.map {
        ChecklistAnswer(element: $0, verdict: $0 == .crime ? .notApplicable : .pass, comment: $0 == .crime ? "未达刑事追诉标准" : "")
    }
}
