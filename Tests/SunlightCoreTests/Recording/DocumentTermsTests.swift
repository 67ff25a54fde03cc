import Foundation
import Testing
@testable import SunlightCore

/// 文书要素 and 清单条目要素: what the rules read of documents and list entries is decoded in one
/// place, so a misspelt key is a compile error and a malformed value is refused, never a rule
/// silently skipped; the stored fields stay exactly as they were.
@Suite struct DocumentTermsTests {
    func document(_ type: DocumentType, _ fields: [String: String], status: CaseDocument.Status = .draft) -> CaseDocument {
        CaseDocument(caseID: UUID(), type: type, stage: "decision", fields: fields, status: status, draftedBy: nil, draftedAt: Date())
    }

    func refusal(_ body: () throws -> Void) -> SunlightError? {
        do { try body() } catch let error as SunlightError { return error } catch { Issue.record("unexpected \(error)") }
        return nil
    }

    @Test("REC-13: a fine is whole, non-negative yuan; “1.5万”, “15000元” or “-1” is malformed, not absent")
    func fineInWholeYuan() {
        #expect(DocumentTerms(["fine": "15000"]).fine == 15000)
        #expect(DocumentTerms(["fine": "0"]).fine == 0)
        #expect(DocumentTerms([:]).fine == nil)
        #expect(DocumentTerms([:]).malformed.isEmpty)
        for text in ["1.5万", "15000元", "-1", "１５０００"] {
            let terms = DocumentTerms(["fine": text])
            #expect(terms.fine == nil)
            #expect(terms.malformed == [.fine], "\(text)")
        }
        #expect(DocumentTerms(["amountInvolved": "约三万"]).malformed == [.amountInvolved])
    }

    @Test("REC-6/REC-13: a notice or decision with a fine of “1.5万” is refused when saved, naming the field, so art. 45 cannot be skipped")
    func malformedFineRefusedOnSave() throws {
        let notice = ["facts": "销售过期食品", "reasons": "现场检查笔录", "basis": "食品安全法第一百二十四条", "penalty": "罚款", "sanctions": "fine",
                      "fine": "1.5万", "hearing": "no", "rights": "陈述申辩"]
        let error = refusal { _ = try CaseUseCases.validate(notice, for: .penaltyNotice) }
        #expect(error?.field == "fine")
        #expect(error?.rule == .rec6)
        #expect(error?.message.contains("“拟罚款金额（元）”应为不小于 0 的整数") == true)
        var fixed = notice
        fixed["fine"] = "15000"
        // The stored representation is what it always was: codes and digits as strings.
        #expect(try CaseUseCases.validate(fixed, for: .penaltyNotice) == fixed)
        let receipt = ["document": "行政处罚决定书", "method": "direct", "recipient": "某超市", "date": "10月15日"]
        #expect(refusal { _ = try CaseUseCases.validate(receipt, for: .deliveryReceipt) }?.field == "date")
    }

    @Test("REC-13: a decision stored with a malformed fine is refused when signed, as before; any other malformed value too")
    func malformedFineRefusedOnSigning() {
        let fixture = CaseFixture(stage: "decision")
        let fine = refusal { _ = try CaseRules.checkDecision(document(.penaltyDecision, ["fine": "1.5万"]), in: fixture.snapshot, benchmarks: []) }
        #expect(fine?.field == "fine")
        #expect(fine?.rule == .rec13)
        #expect(fine?.message == "罚款金额应为不小于 0 的整数（元）")
        let amount = refusal { _ = try CaseRules.checkDecision(document(.penaltyDecision, ["fine": "100", "amountInvolved": "三万"]), in: fixture.snapshot, benchmarks: []) }
        #expect(amount?.field == "amountInvolved")
    }

    @Test("REC-13: the hearing right is read from the stored code — 5 working days to answer when offered, 3 when not (art. 44, 63, 64)")
    func hearingOffered() throws {
        #expect(DocumentTerms(["hearing": "yes"]).hearingOffered)
        #expect(!DocumentTerms(["hearing": "no"]).hearingOffered)
        #expect(!DocumentTerms([:]).hearingOffered)
        var offered = document(.penaltyNotice, ["hearing": "yes"], status: .issued)
        offered.issuedOn = day("2026-11-02")
        var notOffered = offered
        notOffered.fields = ["hearing": "no"]
        #expect(try CaseRules.responseWindow(of: offered, servedOn: day("2026-11-02"), calendar: shipped).iso == "2026-11-09")
        #expect(try CaseRules.responseWindow(of: notOffered, servedOn: day("2026-11-02"), calendar: shipped).iso == "2026-11-05")
    }

    @Test("REC-13: a hearing notice's date decodes as a date; “10月15日” reads as no date and is refused")
    func dates() {
        #expect(DocumentTerms(["date": "2026-10-15"]).date == day("2026-10-15"))
        #expect(DocumentTerms(["date": "10月15日"]).date == nil)
        #expect(DocumentTerms(["date": "10月15日"]).problems(in: .hearingNotice).map(\.key) == ["date"])
        #expect(DocumentTerms(["date": "10月15日"]).problems(in: .closingReport).isEmpty)
    }

    @Test("STD-3/REV-1: the benchmark flag is set through a typed setter, stored as before, and left out of the reviewed content")
    func discretionFlag() {
        var decision = document(.penaltyDecision, ["fine": "2000", "circumstance": "general", "deviationReason": "主动消除危害后果"])
        let reviewed = decision.contentHash
        #expect(!decision.terms.exceedsDiscretion)
        #expect(decision.terms.circumstance == .general)
        #expect(decision.terms.deviationReason == "主动消除危害后果")
        decision.flagExceedsDiscretion()
        #expect(decision.terms.exceedsDiscretion)
        #expect(decision.fields["discretionFlag"] == "yes")
        #expect(decision.contentHash == reviewed)
        #expect(DocumentTerms(["circumstance": "严重"]).malformed == [.circumstance])
    }

    @Test("STD-3 (art. 33): 首违不罚's three conditions and a permit's result are read from their stored codes")
    func conditionsAndResult() {
        let terms = DocumentTerms(["firstOffence": "yes", "minor": "yes", "corrected": "no", "result": "refused"])
        #expect(terms.firstOffence && terms.minorHarm && !terms.corrected)
        #expect(terms.result == .refused)
    }

    @Test("REC-15/PUB-6: the kinds of penalty are read from the 处罚内容; only a warning with no fine is warning-only")
    func penaltyKinds() {
        #expect(PenaltyKind.named(in: "警告，并处罚款 5000 元") == [.warning, .fine])
        #expect(PenaltyKind.named(in: "没收违法所得 800 元，责令停业整顿") == [.confiscation, .productionHalt])
        #expect(PenaltyKind.named(in: "警告") == [.warning])
        #expect(PublicationPolicy.isWarningOnly(document(.penaltyDecision, ["penalty": "警告"])))
        #expect(!PublicationPolicy.isWarningOnly(document(.penaltyDecision, ["penalty": "警告，通报批评"])))
        // A fine that does not decode is not “no fine”.
        #expect(!PublicationPolicy.isWarningOnly(document(.penaltyDecision, ["penalty": "警告", "fine": "100.5"])))
    }

    static func sameKind(_ a: ListField.Kind, _ b: ListField.Kind) -> Bool {
        switch (a, b) {
        case (.text, .text), (.longText, .longText), (.yesNo, .yesNo): true
        case (.choice, .choice), (.choices, .choices): a == b
        default: false
        }
    }

    @Test("REC-6: every field of every document type is a catalogued key, and the fields rules read have the kind the terms decode")
    func catalogue() {
        var declared: [DocumentField: ListField.Kind] = [:]
        for type in DocumentType.allCases {
            for field in type.fields {
                guard let key = DocumentField(rawValue: field.key) else { Issue.record("\(type) \(field.key)"); continue }
                // A key means the same kind of value wherever it appears (free text may differ in length).
                if let kind = declared[key] { #expect(Self.sameKind(kind, field.kind), "\(key) differs in \(type)") }
                declared[key] = field.kind
            }
        }
        for key in [DocumentField.hearing, .firstOffence, .minor, .corrected] { #expect(declared[key] == .yesNo, "\(key)") }
        for key in [DocumentField.fine, .amountInvolved, .date] {
            guard case .text = declared[key] else { Issue.record("\(key) should be text"); continue }
        }
        #expect(declared[.circumstance] == .choice(DiscretionBenchmark.Circumstance.allCases.map { (code: $0.rawValue, label: $0.chineseName) }))
        #expect(declared[.result] == .choice(PermitResult.allCases.map { (code: $0.rawValue, label: $0.chineseName) }))
        #expect(declared[.sanctions] == .choices(PenaltyKind.options), "REC-15: the kinds of 第九条")
        guard case .text = declared[.confiscated] else { Issue.record("confiscated should be text"); return }
        // The system's flag is on no form.
        #expect(declared[.discretionFlag] == nil)
        for kind in ListKind.allCases {
            for field in kind.schema.fields { #expect(ListEntryField(rawValue: field.key) != nil, "\(kind) \(field.key)") }
        }
    }

    @Test("PUB-3/REC-1/REC-13: an item's 执法类别, legal basis and calendar-day time limit, and a guide's category, are typed")
    func listEntries() {
        let item = ListEntryTerms(kind: .item, fields: ["code": "5323280-CF-001", "enforcementCategory": "penalty", "law": "食品安全法",
                                                        "article": "第一百二十四条", "timeLimit": "立案之日起 90 日"])
        #expect(item.code == "5323280-CF-001")
        #expect(item.enforcementCategory == .penalty)
        #expect(item.law == "食品安全法")
        #expect(item.timeLimitCalendarDays == 90)
        #expect(ListEntryTerms(kind: .item, fields: ["timeLimit": "20个工作日"]).timeLimitCalendarDays == nil)
        #expect(ListEntryTerms(kind: .guide, fields: ["category": "permit"]).enforcementCategory == .permit)
        let typo = ListEntryTerms(kind: .item, fields: ["enforcementCategory": "penalti"])
        #expect(typo.enforcementCategory == nil)
        #expect(typo.malformed == [.enforcementCategory])
    }
}
