import Foundation
@testable import SunlightCore
import Testing

/// 公开时限规定 as pure rules: the standard periods, what counts as a warning-only penalty, and
/// the exemptions an installation may switch on (PUB-6).
@Suite struct PublicationPolicyTests {
    static func decision(_ type: DocumentType, penalty: String, fine: String? = nil) -> CaseDocument {
        var fields = ["penalty": penalty]
        if let fine { fields["fine"] = fine }
        return CaseDocument(caseID: UUID(), type: type, stage: "decision", fields: fields, status: .issued, draftedBy: nil, draftedAt: Date())
    }

    static func theCase(simple: Bool) -> EnforcementCase {
        EnforcementCase(organisationID: UUID(), number: "元市监立〔2026〕1号", title: "测试", category: .penalty, simple: simple, itemEntryID: nil,
                        source: .inspection, violationOn: nil, endangersSafety: false, openedOn: CivilDate(iso: "2026-11-23")!, openedAt: Date(),
                        openedBy: nil, decisionDays: 90, classification: .normal, stage: "decision", status: .open)
    }

    @Test("Permits and penalties publish in 7 working days, every other category in 20 (PUB-6)")
    func standardPeriods() {
        #expect(EnforcementCategory.allCases.map { PublicationPolicy.standard($0).workingDays }
            == EnforcementCategory.allCases.map { [.permit, .penalty].contains($0) ? 7 : 20 })
    }

    @Test("Only a warning with no fine and no other penalty is warning-only, and only when the policy says so is it exempt (PUB-6)")
    func warningOnly() {
        #expect(PublicationPolicy.isWarningOnly(Self.decision(.penaltyDecision, penalty: "警告")))
        #expect(!PublicationPolicy.isWarningOnly(Self.decision(.penaltyDecision, penalty: "警告", fine: "100")))
        #expect(!PublicationPolicy.isWarningOnly(Self.decision(.simpleDecision, penalty: "警告，并没收违法所得")))
        #expect(!PublicationPolicy.isWarningOnly(Self.decision(.permitDecision, penalty: "警告")))
        let warning = Self.decision(.penaltyDecision, penalty: "警告")
        #expect(PublicationPolicy.standard(.penalty).exemption(of: warning, in: Self.theCase(simple: false)) == nil)
        #expect(PublicationPolicy(category: .penalty, workingDays: 7, exemptWarnings: true).exemption(of: warning, in: Self.theCase(simple: false)) != nil)
        #expect(PublicationPolicy(category: .penalty, workingDays: 7, exemptSimple: true)
            .exemption(of: Self.decision(.simpleDecision, penalty: "罚款 100 元", fine: "100"), in: Self.theCase(simple: true)) != nil)
        #expect(throws: SunlightError.self) { try PublicationPolicy(category: .fee, workingDays: 0).validated() }
    }
}

extension PublicationPolicyTests {
    @Test("Permits and penalties cannot be given more than 7 working days; the other categories keep up to 20 (PUB-6, 国办发〔2018〕118号)")
    func sevenDayCeiling() throws {
        for category in [EnforcementCategory.permit, .penalty] {
            #expect(throws: SunlightError.self) { try PublicationPolicy(category: category, workingDays: 8).validated() }
            #expect(try PublicationPolicy(category: category, workingDays: 7).validated().workingDays == 7)
        }
        do {
            _ = try PublicationPolicy(category: .penalty, workingDays: 10).validated()
            Issue.record("10 working days for penalties was accepted")
        } catch let error as SunlightError {
            #expect(error.message.contains("7 个工作日") && error.message.contains("国办发〔2018〕118号") && error.field == "workingDays")
        }
        #expect(try PublicationPolicy(category: .coercion, workingDays: 20).validated().workingDays == 20)
        #expect(throws: SunlightError.self) { try PublicationPolicy(category: .levy, workingDays: 21).validated() }
    }
}
