import Foundation
@testable import SunlightCore
import SunlightLedger
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

/// 个人信息不以明文入日志 — who confirmed a piece of evidence and the person named in a
/// document are sealed as parties are; a lawful erasure leaves the log verifying and no clear
/// trace of the person in it (REC-5; 个人信息保护法第四十七条; issue 15 item 8).
@Suite("个人信息封存：证据确认人、文书人名 REC-5")
struct PersonalDataSealingTests {
    /// The demo names 王小明 as a company's 法定代表人, in the clear by design; this person is new.
    static let person = "王晓明"

    static func majorCase(_ world: DemoWorld, by actor: Actor) async throws -> (EnforcementCase, CaseDocument) {
        let summary = try #require(try await world.sunlight.cases.cases(by: actor).first { $0.enforcementCase.title == "擅自销毁建设工程档案" })
        let detail = try await world.sunlight.cases.caseDetail(summary.enforcementCase.id, by: actor)
        return (summary.enforcementCase, try #require(detail.documents.first { $0.type == .penaltyNotice && $0.status == .issued }))
    }

    @Test("REC-5 (个人信息保护法第四十七条): evidence confirmed by a person and a 送达回证 to them log only commitments; erased, verify is clean and the log holds no clear name")
    func erasedLeavesNoTrace() async throws {
        try await DemoWorld.onDatabase { world in
            let officer = try await world.actor("daj.chenming")
            let (theCase, notice) = try await Self.majorCase(world, by: officer)
            let evidence = try await world.sunlight.cases.recordCaseEvidence(case: theCase.id, NewCaseEvidence(
                kind: .documentary, description: "当事人补充提交的书面说明", source: "当事人提供", original: true, copyVerified: false,
                confirmedBy: Self.person, confirmedOn: world.clock.today), by: officer)
            let receipt = try await world.sunlight.cases.draftDocument(case: theCase.id, type: .deliveryReceipt, fields: [
                "document": notice.id.uuidString.lowercased(), "method": "direct", "recipient": Self.person, "date": world.clock.today.iso], by: officer)
            _ = try await world.sunlight.cases.submitDocument(receipt.id, by: officer)

            // Readers still see the person (unsealed on read); the log sees none.
            let shown = try await world.sunlight.cases.caseDetail(theCase.id, by: officer)
            #expect(shown.snapshot.evidence.first { $0.id == evidence.id }?.confirmedBy == Self.person)
            #expect(shown.documents.first { $0.id == receipt.id }?.fields["recipient"] == Self.person)
            #expect(try await world.host.strings("SELECT content FROM ledger_entries").allSatisfy { !$0.contains(Self.person) })

            try await world.sunlight.cases.erasePersonalData(table: "case_evidence", recordID: evidence.id.uuidString.lowercased(), field: "confirmedBy",
                                                             reason: "个人信息保护法第四十七条", by: .console("root"))
            try await world.sunlight.cases.erasePersonalData(table: "case_documents", recordID: receipt.id.uuidString.lowercased(), field: "recipient",
                                                             reason: "个人信息保护法第四十七条", by: .console("root"))
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(try await world.host.strings("SELECT content FROM ledger_entries").allSatisfy { !$0.contains(Self.person) })
            let erased = try await world.sunlight.cases.caseDetail(theCase.id, by: officer)
            #expect(erased.snapshot.evidence.first { $0.id == evidence.id }?.confirmedBy == "（已依法删除）")
            #expect(erased.documents.first { $0.id == receipt.id }?.fields["recipient"] == "（已依法删除）")
        }
    }

    @Test("REC-5: a sealed person's name changed in the document row behind the system's back is found and located")
    func rowEditDetected() async throws {
        try await DemoWorld.onDatabase { world in
            let officer = try await world.actor("daj.chenming")
            let (theCase, notice) = try await Self.majorCase(world, by: officer)
            let receipt = try await world.sunlight.cases.draftDocument(case: theCase.id, type: .deliveryReceipt, fields: [
                "document": notice.id.uuidString.lowercased(), "method": "direct", "recipient": Self.person, "date": world.clock.today.iso], by: officer)
            let id = receipt.id.uuidString.lowercased()
            let leaf = try await world.host.leafIndex(table: "case_documents", id: id)
            #expect(try await world.sunlight.cases.verify().isClean)
            try await world.host.dropAppendOnlyTriggers()
            try await world.host.execute("UPDATE case_documents SET fields = REPLACE(fields, '王晓明', '李四') WHERE id = \(bind: receipt.id)")
            let report = try await world.sunlight.cases.verify()
            let first = try #require(report.firstProblem, "an edited sealed name went unnoticed")
            #expect(first.recordID?.hasSuffix(id) == true && first.leafIndex == leaf, "\(first)")
        }
    }

    @Test("REC-5 (个人信息保护法第四十七条): a case titled after the person and a 询问笔录 naming them log only commitments; erased, verify is clean and the log holds no clear name")
    func erasedProseLeavesNoTrace() async throws {
        try await DemoWorld.onDatabase { world in
            let officer = try await world.actor("scj.zhangwei")
            let title = "\(Self.person)无照经营案"
            let item = try #require(try await world.sunlight.publicity.publishedList(.item, organisationID: world.market.id)
                .first { $0.version.fields["code"] == "5323280-CF-001" })
            let theCase = try await world.sunlight.cases.openCase(
                NewCase(title: title, category: .penalty, itemEntryID: item.version.entryID, source: .complaint, violationOn: world.clock.today,
                        parties: [NewCase.Party(kind: .person, name: Self.person)], officers: [try await world.user("scj.lina").id]), by: officer)
            let inquiry = try await world.sunlight.cases.draftDocument(case: theCase.id, type: .inquiryRecord, fields: [
                "time": "2026年11月23日 10时", "place": "元谋县市场监督管理局询问室", "person": Self.person,
                "content": "问：你是\(Self.person)本人吗？答：是，我是\(Self.person)，在龙川街经营小吃店。"], by: officer)
            _ = try await world.sunlight.cases.submitDocument(inquiry.id, by: officer)

            // Pages, the case list and its search read the title and the record as written; the log holds none of it.
            #expect(try await world.sunlight.cases.cases(CaseFilter(text: Self.person), by: officer).map(\.enforcementCase.id) == [theCase.id])
            let shown = try await world.sunlight.cases.caseDetail(theCase.id, by: officer)
            #expect(shown.enforcementCase.title == title)
            #expect(shown.documents.first { $0.id == inquiry.id }?.fields["content"]?.contains(Self.person) == true)
            #expect(try await world.host.strings("SELECT content FROM ledger_entries").allSatisfy { !$0.contains(Self.person) })

            let caseID = theCase.id.uuidString.lowercased(), inquiryID = inquiry.id.uuidString.lowercased()
            for (table, id, field) in [("cases", caseID, "title"), ("case_documents", inquiryID, "content"), ("case_documents", inquiryID, "person")] {
                try await world.sunlight.cases.erasePersonalData(table: table, recordID: id, field: field, reason: "个人信息保护法第四十七条", by: .console("root"))
            }
            // The case goes on being worked after the erasure: its next leaf commits to the erased title too.
            _ = try await world.sunlight.cases.classifyCase(case: theCase.id, as: .private, reason: "涉及当事人个人隐私", by: try await world.actor("scj.wangfang"))
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(try await world.host.strings("SELECT content FROM ledger_entries").allSatisfy { !$0.contains(Self.person) })
            let erased = try await world.sunlight.cases.caseDetail(theCase.id, by: officer)
            #expect(erased.enforcementCase.title == "（已依法删除）")
            #expect(erased.documents.first { $0.id == inquiry.id }?.fields["content"] == "（已依法删除）")
        }
    }

    @Test("REC-5: a sealed case title changed in the row behind the system's back is found and located")
    func titleEditDetected() async throws {
        try await DemoWorld.onDatabase { world in
            let officer = try await world.actor("daj.chenming")
            let (theCase, _) = try await Self.majorCase(world, by: officer)
            let id = theCase.id.uuidString.lowercased()
            let leaf = try await world.host.leafIndex(table: "cases", id: id)
            #expect(try await world.sunlight.cases.verify().isClean)
            try await world.host.execute("UPDATE cases SET title = '李四无照经营案' WHERE id = \(bind: theCase.id)")
            let report = try await world.sunlight.cases.verify()
            let first = try #require(report.firstProblem, "an edited sealed title went unnoticed")
            #expect(first.recordID?.hasSuffix(id) == true && first.leafIndex == leaf, "\(first)")
        }
    }

    @Test("REC-5, PUB-8 (个人信息保护法第四十七条): a decision on a case titled after the person: its publication logs the title redacted; title and facts erased, verify is clean and no leaf of the case, the decision or its publication names the person")
    func decisionOnTitledCase() async throws {
        try await DemoWorld.onDatabase { world in
            // The case driver's party is 王小明, a natural person (sealed); the demo's other 王小明 is a company's representative.
            let driver = try await CaseDriver.open(in: world, simple: true, title: "王小明占道经营案")
            try await driver.video()
            try await driver.complete()
            let decision = try await driver.issue(.simpleDecision, ["fine": "150", "facts": "王小明于元谋县元马镇龙川街 12 号门前占道经营。"])
            let publication = try #require(try await world.sunlight.store.publications.find(document: decision.id))
            #expect(publication.title.contains("王某某") && !publication.title.contains("王小明"), "\(publication.title)")
            let ids = [driver.id, decision.id, publication.id].map { "'\($0.uuidString.lowercased())'" }.joined(separator: ",")
            let leaves = "SELECT content FROM ledger_entries WHERE record_id IN (\(ids))"
            #expect(try await world.host.strings(leaves).count >= 4, "case opened and updated, decision drafted…issued, publication opened")
            #expect(try await world.host.strings(leaves).allSatisfy { !$0.contains("王小明") })

            try await world.sunlight.cases.erasePersonalData(table: "cases", recordID: driver.id.uuidString.lowercased(), field: "title",
                                                             reason: "个人信息保护法第四十七条", by: .console("root"))
            try await world.sunlight.cases.erasePersonalData(table: "case_documents", recordID: decision.id.uuidString.lowercased(), field: "facts",
                                                             reason: "个人信息保护法第四十七条", by: .console("root"))
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(try await world.host.strings(leaves).allSatisfy { !$0.contains("王小明") })
            // Nor does any other leaf — access-log lines, publication events — but the demo company's, whose representative is public.
            #expect(try await world.host.strings("""
                SELECT record_table FROM ledger_entries WHERE content LIKE '%王小明%' AND content NOT LIKE '%"representative":"王小明"%'
                """).isEmpty)
            #expect(try await driver.current().title == "（已依法删除）")
        }
    }

    @Test("REC-5 (个人信息保护法第四十七条): a lead whose summary names the person logs only its commitment; summary and party erased, verify is clean and the log holds no clear name; a summary edited in the row is found")
    func leadSummarySealed() async throws {
        try await DemoWorld.onDatabase { world in
            let officer = try await world.actor("scj.zhangwei")
            let summary = "群众反映\(Self.person)在龙川街 8 号无照经营小吃店"
            let lead = try await world.sunlight.cases.registerLead(NewCaseLead(source: .hotline, receivedOn: world.clock.today, summary: summary,
                                                                                partyKind: .person, partyName: Self.person), by: officer)
            #expect(try await world.sunlight.cases.lead(lead.id, by: officer).lead.summary == summary)
            #expect(try await world.host.strings("SELECT content FROM ledger_entries").allSatisfy { !$0.contains(Self.person) })

            let id = lead.id.uuidString.lowercased()
            for field in ["summary", "party"] {
                try await world.sunlight.cases.erasePersonalData(table: "case_leads", recordID: id, field: field, reason: "个人信息保护法第四十七条", by: .console("root"))
            }
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(try await world.host.strings("SELECT content FROM ledger_entries").allSatisfy { !$0.contains(Self.person) })
            #expect(try await world.sunlight.cases.lead(lead.id, by: officer).lead.summary == "（已依法删除）")

            let leaf = try await world.host.leafIndex(table: "case_leads", id: id)
            try await world.host.execute("UPDATE case_leads SET state = REPLACE(state, '（已依法删除）', '李四无照经营') WHERE id = \(bind: lead.id)")
            let first = try #require(try await world.sunlight.cases.verify().firstProblem, "an edited sealed summary went unnoticed")
            #expect(first.recordID?.hasSuffix(id) == true && first.leafIndex == leaf, "\(first)")
        }
    }
}
