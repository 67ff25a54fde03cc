import Foundation
import Testing
@testable import SunlightCore

/// Builds case snapshots for the pure rules.
struct CaseFixture {
    let organisation = UUID()
    var theCase: EnforcementCase
    var parties: [CaseParty] = []
    var events: [CaseEvent] = []
    var documents: [CaseDocument] = []
    var evidence: [CaseEvidence] = []
    var fileKinds: [EvidenceFile.ID: EvidenceFile.Kind] = [:]
    var officers: [OfficerQualification] = []

    init(_ category: EnforcementCategory = .penalty, simple: Bool = false, stage: String = "opening", opened: String = "2026-07-03") {
        theCase = EnforcementCase(organisationID: organisation, number: "元市监立〔2026〕1号", title: "销售过期食品", category: category, simple: simple,
                                  itemEntryID: nil, source: .inspection, violationOn: nil, endangersSafety: false, openedOn: day(opened),
                                  openedAt: Date(), openedBy: nil, decisionDays: 90, classification: .normal, stage: stage, status: .open)
    }

    var snapshot: CaseSnapshot {
        CaseSnapshot(enforcementCase: theCase, parties: parties, events: events, documents: documents, evidence: evidence, fileKinds: fileKinds,
                     officers: officers, audioVideoStages: Set(theCase.stages.filter(\.audioVideo).map(\.code)))
    }

    @discardableResult
    mutating func issue(_ type: DocumentType, on date: String, _ fields: [String: String] = [:], stage: String? = nil) -> CaseDocument {
        let document = CaseDocument(caseID: theCase.id, type: type, stage: stage ?? theCase.stage, fields: fields, status: .issued,
                                    number: "N\(documents.count + 1)", draftedBy: nil, draftedAt: Date(), issuedOn: day(date))
        documents.append(document)
        return document
    }

    /// Issues a 送达回证 serving the newest issued `type` on `date` (REC-14).
    mutating func serve(_ type: DocumentType, on date: String, method: DocumentService.Method = .direct) {
        guard let served = documents.last(where: { $0.type == type }) else { return }
        issue(.deliveryReceipt, on: date, ["document": served.id.uuidString.lowercased(), "method": method.rawValue, "recipient": "王某", "date": date])
    }

    mutating func event(_ kind: CaseEvent.Kind, on date: String, stage: String? = nil, data: [String: String] = [:]) {
        events.append(CaseEvent(caseID: theCase.id, kind: kind, stage: stage, at: Date(), on: day(date), by: nil, data: data))
    }

    mutating func officer(certified: Bool = true) {
        let user = StaffUser(organisationID: organisation, username: "o\(officers.count)", displayName: "执法人员\(officers.count)",
                             roles: [.officer], passwordHash: "", createdAt: Date())
        let certificate = EnforcementCertificate(holderID: user.id, number: "N\(officers.count)", categories: [.penalty, .inspection],
                                                 region: "元谋县", validFrom: day("2024-01-01"), validUntil: day(certified ? "2029-01-01" : "2025-01-01"))
        officers.append(OfficerQualification(user: user, organisation: Organisation(parentID: nil, name: "元谋县市场监督管理局", shortName: "元市监",
                                                                                    kind: .department, level: .county, path: "/x/", createdAt: Date()),
                                             certificates: [certificate], reviews: [], trainings: []))
    }

    mutating func video(stage: String) {
        let file = UUID()
        fileKinds[file] = .video
        evidence.append(CaseEvidence(caseID: theCase.id, stage: stage, kind: .audiovisual, description: "执法记录仪录像", source: "现场拍摄",
                                     original: true, copyVerified: false, confirmedBy: nil, confirmedOn: nil, fileID: file, recordedBy: nil,
                                     recordedAt: Date()))
    }
}

func expectRefusal(_ rule: RuleID, _ code: String, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        try body()
        Issue.record("expected a refusal \(code)", sourceLocation: sourceLocation)
    } catch let error as SunlightError {
        #expect(error.rule == rule, "\(error)", sourceLocation: sourceLocation)
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(error)", sourceLocation: sourceLocation)
    }
}

@Suite("办案程序的闸门 REC-1 REC-3 REC-7 REC-13 STD-3 STD-4")
struct CaseRulesTests {
    let today = day("2026-11-23")

    @Test("STD-3: limitation is two years, five where safety is endangered (art. 36)")
    func limitation() throws {
        try CaseRules.checkLimitation(violationOn: day("2024-11-23"), endangersSafety: false, openingOn: today)
        expectRefusal(.std3, "case.limitation") { try CaseRules.checkLimitation(violationOn: day("2024-11-22"), endangersSafety: false, openingOn: today) }
        try CaseRules.checkLimitation(violationOn: day("2022-01-01"), endangersSafety: true, openingOn: today)
        expectRefusal(.std3, "case.limitation") { try CaseRules.checkLimitation(violationOn: day("2021-11-22"), endangersSafety: true, openingOn: today) }
    }

    @Test("REC-1: stages follow in order; the hearing only when asked for; review is left to legal review")
    func order() {
        var fixture = CaseFixture(stage: "notice")
        #expect(CaseRules.nextStage(after: "notice", in: fixture.snapshot)?.code == "decision")
        fixture.event(.hearingRequested, on: "2026-11-02")
        #expect(CaseRules.nextStage(after: "notice", in: fixture.snapshot)?.code == "hearing")
        #expect(CaseRules.nextStage(after: "hearing", in: fixture.snapshot)?.code == "decision")
        expectRefusal(.rec1, "case.order") { try CaseRules.checkCompletion(of: fixture.theCase.stages[1], in: fixture.snapshot, today: today, calendar: shipped) }
    }

    @Test("REC-2: a stage needs its documents issued")
    func documents() {
        let fixture = CaseFixture(stage: "opening")
        expectRefusal(.rec2, "case.document_missing") { try CaseRules.checkCompletion(of: fixture.theCase.stages[0], in: fixture.snapshot, today: today, calendar: shipped) }
    }

    @Test("REC-7/REC-3: investigation needs two certified officers and an audio/video record or an approved reason")
    func onSite() throws {
        var fixture = CaseFixture(stage: "investigation")
        fixture.issue(.investigationReport, on: "2026-11-20")
        let stage = fixture.theCase.stages[1]
        fixture.officer()
        fixture.officer(certified: false)
        expectRefusal(.rec7, "case.officers") { try CaseRules.checkCompletion(of: stage, in: fixture.snapshot, today: today, calendar: shipped) }
        fixture.officer()
        expectRefusal(.rec3, "case.audio_video_missing") { try CaseRules.checkCompletion(of: stage, in: fixture.snapshot, today: today, calendar: shipped) }
        var exempted = fixture
        exempted.event(.audioVideoExemptionApproved, on: "2026-11-20", stage: "investigation")
        try CaseRules.checkCompletion(of: stage, in: exempted.snapshot, today: today, calendar: shipped)
        fixture.video(stage: "investigation")
        try CaseRules.checkCompletion(of: stage, in: fixture.snapshot, today: today, calendar: shipped)
    }

    @Test("REC-13: no decision before the notice period has run — across 国庆, 3 or 5 working days — nor before a requested hearing")
    func noticePeriod() throws {
        var fixture = CaseFixture(stage: "decision")
        fixture.issue(.penaltyDecision, on: "2026-10-09")
        fixture.issue(.penaltyNotice, on: "2026-09-30", ["hearing": "yes"])
        fixture.serve(.penaltyNotice, on: "2026-09-30")
        // 5 working days from 09-30: 10-08, 10-09, 10-10 (调休), 10-12, 10-13.
        expectRefusal(.rec13, "case.notice_period") { try CaseRules.checkDecisionTiming(fixture.snapshot, today: day("2026-10-13"), calendar: shipped) }
        try CaseRules.checkDecisionTiming(fixture.snapshot, today: day("2026-10-14"), calendar: shipped)
        fixture.event(.hearingRequested, on: "2026-10-09")
        expectRefusal(.rec13, "case.hearing_pending") { try CaseRules.checkDecisionTiming(fixture.snapshot, today: day("2026-10-20"), calendar: shipped) }
        var noHearingRight = CaseFixture(stage: "decision")
        noHearingRight.issue(.penaltyNotice, on: "2026-09-30", ["hearing": "no"])
        noHearingRight.serve(.penaltyNotice, on: "2026-09-30")
        expectRefusal(.rec13, "case.notice_period") { try CaseRules.checkDecisionTiming(noHearingRight.snapshot, today: day("2026-10-10"), calendar: shipped) }
        try CaseRules.checkDecisionTiming(noHearingRight.snapshot, today: day("2026-10-12"), calendar: shipped)
        expectRefusal(.rec13, "case.no_notice") { try CaseRules.checkDecisionTiming(CaseFixture(stage: "decision").snapshot, today: today, calendar: shipped) }
    }

    @Test("REC-13: the hearing is notified at least 7 working days ahead (art. 64), counted across holidays")
    func hearingNotice() throws {
        try CaseRules.checkHearingDate(day("2026-10-15"), noticeIssuedOn: day("2026-09-30"), calendar: shipped)
        expectRefusal(.rec13, "case.hearing_notice") { try CaseRules.checkHearingDate(day("2026-10-14"), noticeIssuedOn: day("2026-09-30"), calendar: shipped) }
    }

    @Test("REC-13/STD-3/STD-4: decisions — not heavier than notified, simple-procedure limits, 首违不罚, discretion benchmark")
    func decisions() throws {
        var fixture = CaseFixture(stage: "decision")
        fixture.issue(.penaltyNotice, on: "2026-10-01", ["fine": "5000", "hearing": "yes"])
        func decision(_ fields: [String: String], _ type: DocumentType = .penaltyDecision) -> CaseDocument {
            CaseDocument(caseID: fixture.theCase.id, type: type, stage: "decision", fields: fields, draftedBy: nil, draftedAt: Date())
        }
        expectRefusal(.rec15, "case.heavier_than_notice") { _ = try CaseRules.checkDecision(decision(["fine": "6000"]), in: fixture.snapshot, benchmarks: []) }
        let item = UUID()
        let benchmarks = [DiscretionBenchmark(organisationID: fixture.organisation, itemEntryID: item, circumstance: .general, minFine: 3000, maxFine: 8000, measures: "")]
        #expect(try CaseRules.checkDecision(decision(["fine": "5000", "circumstance": "general"]), in: fixture.snapshot, benchmarks: benchmarks) == false)
        expectRefusal(.std3, "case.discretion") { _ = try CaseRules.checkDecision(decision(["fine": "2000", "circumstance": "general"]), in: fixture.snapshot, benchmarks: benchmarks) }
        #expect(try CaseRules.checkDecision(decision(["fine": "2000", "circumstance": "general", "deviationReason": "当事人积极配合并主动消除危害后果"]),
                                            in: fixture.snapshot, benchmarks: benchmarks) == true)

        var simple = CaseFixture(simple: true, stage: "decision")
        simple.parties = [CaseParty(caseID: simple.theCase.id, kind: .person, name: "王某", idNumber: nil, address: nil, phone: nil, representative: nil)]
        expectRefusal(.std4, "case.simple_limit") { _ = try CaseRules.checkDecision(decision(["fine": "300"], .simpleDecision), in: simple.snapshot, benchmarks: []) }
        _ = try CaseRules.checkDecision(decision(["fine": "200"], .simpleDecision), in: simple.snapshot, benchmarks: [])
        simple.parties = [CaseParty(caseID: simple.theCase.id, kind: .organisation, name: "某超市", idNumber: nil, address: nil, phone: nil, representative: nil)]
        _ = try CaseRules.checkDecision(decision(["fine": "3000"], .simpleDecision), in: simple.snapshot, benchmarks: [])

        expectRefusal(.std3, "case.first_offence") { _ = try CaseRules.checkDecision(decision(["firstOffence": "yes", "minor": "yes", "corrected": "no"], .noPenaltyDecision), in: fixture.snapshot, benchmarks: []) }
        _ = try CaseRules.checkDecision(decision(["firstOffence": "yes", "minor": "yes", "corrected": "yes"], .noPenaltyDecision), in: fixture.snapshot, benchmarks: [])
        expectRefusal(.std4, "case.onsite_collection") { try CaseRules.checkOnSiteCollection(amount: 150) }
        try CaseRules.checkOnSiteCollection(amount: 100)
    }
}

@Suite("法定期限 REC-13 CAL-2")
struct CaseClockTests {
    @Test("REC-13: 90 calendar days to decide, landing on 国庆 moves to the next working day; suspensions and extensions move it")
    func decision() throws {
        var fixture = CaseFixture(opened: "2026-07-03")
        var clocks = try CaseClocks.clocks(for: fixture.snapshot, today: day("2026-09-29"), calendar: shipped)
        #expect(clocks.first { $0.kind == "decision" }?.due?.iso == "2026-10-08")  // 07-03 + 90 = 10-01 (国庆)
        #expect(clocks.first?.state == .onTime)
        fixture.event(.suspended, on: "2026-08-01")
        fixture.event(.resumed, on: "2026-08-11")
        fixture.event(.extended, on: "2026-09-01", data: ["days": "30"])
        clocks = try CaseClocks.clocks(for: fixture.snapshot, today: day("2026-09-29"), calendar: shipped)
        #expect(clocks.first { $0.kind == "decision" }?.due?.iso == "2026-11-10")  // 90 + 10 + 30 = 130 days
    }

    @Test("REC-13: deliver within 7 working days of the decision (across 国庆); pay within 15 days of delivery; surcharge 3% a day, capped")
    func deliveryAndPayment() throws {
        var fixture = CaseFixture(stage: "delivery", opened: "2026-07-03")
        fixture.issue(.penaltyDecision, on: "2026-09-30", ["fine": "2000"])
        var clocks = try CaseClocks.clocks(for: fixture.snapshot, today: day("2026-10-15"), calendar: shipped)
        let delivery = try #require(clocks.first { $0.kind == "delivery" })
        #expect(delivery.due?.iso == "2026-10-15" && delivery.state == .dueSoon)
        fixture.serve(.penaltyDecision, on: "2026-10-09")
        clocks = try CaseClocks.clocks(for: fixture.snapshot, today: day("2026-10-26"), calendar: shipped)
        let payment = clocks.first { $0.kind == "payment" }
        #expect(payment?.due?.iso == "2026-10-26" && payment?.state == .dueSoon)  // 10-24 is a Saturday
        #expect(CaseClocks.lateSurcharge(fine: 2000, due: day("2026-10-26"), paidOn: day("2026-10-31")) == 300)
        #expect(CaseClocks.lateSurcharge(fine: 2000, due: day("2026-10-26"), paidOn: day("2027-03-01")) == 2000)
        #expect(CaseClocks.lateSurcharge(fine: 2000, due: day("2026-10-26"), paidOn: day("2026-10-26")) == 0)
    }

    @Test("REC-13: permits within 20 working days of acceptance (+10 approved), seizure 30 days (+30), across holidays")
    func permitAndSeizure() throws {
        var permit = CaseFixture(.permit, stage: "examination", opened: "2026-09-20")
        permit.event(.stageCompleted, on: "2026-09-21", stage: "acceptance")
        #expect(try CaseClocks.clocks(for: permit.snapshot, today: day("2026-10-08"), calendar: shipped).first?.due?.iso == "2026-10-26")
        permit.event(.extended, on: "2026-10-20", data: ["days": "10"])
        #expect(try CaseClocks.clocks(for: permit.snapshot, today: day("2026-10-08"), calendar: shipped).first?.due?.iso == "2026-11-09")
        var seizure = CaseFixture(.coercion, stage: "handling", opened: "2026-09-01")
        seizure.issue(.seizureDecision, on: "2026-09-02")
        #expect(try CaseClocks.clocks(for: seizure.snapshot, today: day("2026-09-20"), calendar: shipped).first?.due?.iso == "2026-10-08")  // 10-02 is 国庆
        seizure.event(.extended, on: "2026-09-25", data: ["days": "30"])
        #expect(try CaseClocks.clocks(for: seizure.snapshot, today: day("2026-09-20"), calendar: shipped).first?.due?.iso == "2026-11-02")  // 11-01 is a Sunday
    }
}
