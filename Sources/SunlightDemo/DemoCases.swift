import Foundation
import SunlightCore

extension DemoData {
    /// Cases for the demo, run through the same use cases as real ones: the market bureau's
    /// discretion benchmarks for its food-safety penalty item, a case under investigation, a
    /// major case waiting for legal review, and a simple-procedure case from the spot to the archive.
    static func seedCases(_ sunlight: Sunlight, organisations: [String: Organisation]) async throws {
        func actor(_ username: String) async throws -> Actor {
            try await sunlight.access.actor(username: username, channel: .staff, address: "demo")
        }
        let market = organisations["元谋县市场监督管理局"]!
        let zhangwei = try await actor("scj.zhangwei"), lina = try await actor("scj.lina"), head = try await actor("scj.wangfang")
        guard let item = try await sunlight.publicity.publishedList(.item, organisationID: market.id).first(where: { $0.version.terms.code == "5323280-CF-001" })
        else { return }
        let itemID = item.version.entryID
        for (circumstance, low, high, measures) in [(DiscretionBenchmark.Circumstance.minor, 20_000, 50_000, "减轻处罚，没收违法所得和违法经营的食品"),
                                                    (.general, 50_000, 70_000, "没收违法所得和违法经营的食品"),
                                                    (.serious, 70_000, 90_000, "没收违法所得、违法经营的食品和用于违法生产经营的工具、设备"),
                                                    (.severe, 90_000, 100_000, "并处吊销许可证")] {
            _ = try await sunlight.cases.setBenchmark(item: itemID, circumstance: circumstance, minFine: low, maxFine: high, measures: measures, by: head)
        }
        let today = sunlight.clock.today
        @discardableResult
        func issue(_ caseID: EnforcementCase.ID, _ type: DocumentType, _ fields: [String: String], signer: Actor) async throws -> CaseDocument {
            let draft = try await sunlight.cases.draftDocument(case: caseID, type: type, fields: fields, by: zhangwei)
            _ = try await sunlight.cases.submitDocument(draft.id, by: zhangwei)
            _ = try await sunlight.cases.signDocument(draft.id, by: signer)
            return try await sunlight.cases.issueDocument(draft.id, by: zhangwei)
        }

        // 普通程序：调查取证中.
        let investigation = try await sunlight.cases.openCase(NewCase(
            title: "销售超过保质期的香辣牛肉干", category: .penalty, itemEntryID: itemID, source: .complaint, violationOn: today,
            parties: [NewCase.Party(kind: .organisation, name: "元谋县好又多超市有限公司", idNumber: "91532328MA6K3X0Q1B",
                                    address: "元谋县元马镇龙川街 12 号", phone: "0878-8212345", representative: "王小明")],
            officers: [lina.user!.id]), by: zhangwei)
        try await issue(investigation.id, .openingApproval, [
            "facts": "12345 热线转来投诉：好又多超市货架上销售的“香辣牛肉干”已超过保质期。执法人员现场核实，发现 12 袋已过期。",
            "basis": "《中华人民共和国食品安全法》第三十四条第十项、第一百二十四条", "opinion": "建议立案调查"], signer: head)
        _ = try await sunlight.cases.completeStage(case: investigation.id, by: zhangwei)
        try await issue(investigation.id, .inquiryRecord, [
            "time": "\(today.chinese) 10:00–10:40", "place": "元谋县好又多超市办公室", "person": "王小明（法定代表人）",
            "content": "问：这批牛肉干是什么时候进货的？\n答：上个月进的，共 30 袋，已卖出 18 袋。\n问：是否查验过保质期？\n答：店员疏忽，没有及时下架。"],
                       signer: lina)
        _ = try await sunlight.cases.recordCaseEvidence(case: investigation.id, NewCaseEvidence(
            kind: .documentary, description: "进货单据复印件 1 份（香辣牛肉干 30 袋）", source: "当事人提供", original: false, copyVerified: true,
            confirmedBy: "王小明", confirmedOn: today), by: zhangwei)

        // 简易程序：当场处罚，从现场到归档.
        let simple = try await sunlight.cases.openCase(NewCase(
            title: "未公示食品经营许可证", category: .penalty, simple: true, itemEntryID: itemID, source: .inspection, violationOn: today,
            parties: [NewCase.Party(kind: .person, name: "李小红", idNumber: "532328199002021222", address: "元谋县元马镇北城路 8 号",
                                    phone: "13908781234")],
            officers: [lina.user!.id]), by: zhangwei)
        _ = try await sunlight.cases.requestAudioVideoExemption(case: simple.id, reason: "执法记录仪电量耗尽，已由当事人在现场笔录上签字确认", by: zhangwei)
        _ = try await sunlight.cases.approveAudioVideoExemption(case: simple.id, by: head)
        _ = try await sunlight.cases.completeStage(case: simple.id, by: zhangwei)
        let simpleDecision = try await issue(simple.id, .simpleDecision, [
            "facts": "当事人经营的小吃店未在经营场所显著位置悬挂食品经营许可证。", "evidence": "现场检查笔录、现场照片",
            "basis": "《中华人民共和国食品安全法》第一百二十六条", "discretion": "首次被查处，当场改正，按“轻微”情节裁量",
            "penalty": "警告，并处罚款 100 元", "sanctions": "warning,fine", "fine": "100", "payment": "当场通过电子支付缴纳", "remedies": "可在 60 日内申请行政复议或 6 个月内提起行政诉讼"],
                       signer: head)
        _ = try await sunlight.cases.completeStage(case: simple.id, by: zhangwei)
        try await issue(simple.id, .deliveryReceipt, ["document": simpleDecision.id.uuidString.lowercased(), "method": "direct", "recipient": "李小红", "date": today.iso],
                        signer: lina)
        _ = try await sunlight.cases.completeStage(case: simple.id, by: zhangwei)
        _ = try await sunlight.cases.recordPayment(case: simple.id, amount: 100, paidOn: today, method: .electronic, receipt: "电子缴款凭证", by: zhangwei)
        _ = try await sunlight.cases.completeStage(case: simple.id, by: zhangwei)
        _ = try await sunlight.cases.completeStage(case: simple.id, by: zhangwei)
        try await seedMajorCase(sunlight, archives: organisations["元谋县档案局"]!, actor: actor)
    }

    /// 重大执法决定: the archives bureau's case against a company that destroyed its project
    /// archives, with a fine the catalogue calls 较大数额; the draft decision waits for legal review
    /// by 吴敏 (REV-2, REV-3).
    static func seedMajorCase(_ sunlight: Sunlight, archives: Organisation, actor: (String) async throws -> Actor) async throws {
        let chenming = try await actor("daj.chenming"), huangli = try await actor("daj.huangli"), head = try await actor("daj.zhoujun")
        guard let item = try await sunlight.publicity.publishedList(.item, organisationID: archives.id).first(where: { $0.version.terms.code == "5323280-DA-001" })
        else { return }
        let today = sunlight.clock.today
        @discardableResult
        func issue(_ caseID: EnforcementCase.ID, _ type: DocumentType, _ fields: [String: String]) async throws -> CaseDocument {
            let draft = try await sunlight.cases.draftDocument(case: caseID, type: type, fields: fields, by: chenming)
            _ = try await sunlight.cases.submitDocument(draft.id, by: chenming)
            // The head signs notices and decisions; the second officer of the case checks a record (REC-6).
            _ = try await sunlight.cases.signDocument(draft.id, by: type.signedByHead ? head : huangli)
            return try await sunlight.cases.issueDocument(draft.id, by: chenming)
        }
        let facts = "当事人在元谋县城北片区安置房项目竣工后，擅自销毁该项目施工日志、隐蔽工程验收记录等工程档案 46 卷。"
        let basis = "《中华人民共和国档案法》第四十八条第一项"
        let major = try await sunlight.cases.openCase(NewCase(
            title: "擅自销毁建设工程档案", category: .penalty, itemEntryID: item.version.entryID, source: .inspection, violationOn: today,
            parties: [NewCase.Party(kind: .organisation, name: "元谋县金沙江建筑工程有限公司", idNumber: "91532328MA6N8R2T4C",
                                    address: "元谋县元马镇金沙江路 36 号", phone: "0878-8219876", representative: "赵金山")],
            officers: [huangli.user!.id]), by: chenming)
        try await issue(major.id, .openingApproval, ["facts": "城建档案移交检查中发现当事人未移交、并已销毁部分工程档案。", "basis": basis, "opinion": "建议立案调查"])
        _ = try await sunlight.cases.completeStage(case: major.id, by: chenming)
        for (kind, description) in [(CaseEvidence.Kind.documentary, "城建档案移交清单及缺失档案目录（46 卷）"),
                                    (.statement, "当事人项目负责人关于销毁档案经过的书面说明")] {
            _ = try await sunlight.cases.recordCaseEvidence(case: major.id, NewCaseEvidence(
                kind: kind, description: description, source: "现场检查调取", original: true, copyVerified: false,
                confirmedBy: "赵金山", confirmedOn: today), by: chenming)
        }
        try await issue(major.id, .investigationReport, ["facts": facts, "evidence": "档案移交清单、缺失档案目录、当事人书面说明。", "basis": basis,
                                                         "opinion": "建议给予行政处罚。"])
        _ = try await sunlight.cases.requestAudioVideoExemption(case: major.id, reason: "调查以调取书面材料为主，现场检查已由城建档案馆全程录像并移交", by: chenming)
        _ = try await sunlight.cases.approveAudioVideoExemption(case: major.id, by: head)
        _ = try await sunlight.cases.completeStage(case: major.id, by: chenming)
        let notice = try await issue(major.id, .penaltyNotice, [
            "facts": facts, "reasons": "有档案移交清单、缺失档案目录及当事人书面说明为证。", "basis": basis, "penalty": "罚款人民币拾万元", "sanctions": "fine", "fine": "100000",
            "hearing": "yes", "rights": "当事人可在收到本告知书之日起五个工作日内陈述、申辩或要求听证。"])
        try await issue(major.id, .deliveryReceipt, ["document": notice.id.uuidString.lowercased(), "method": "direct", "recipient": "赵金山",
                                                     "date": today.iso])
        _ = try await sunlight.cases.recordPartyResponse(case: major.id, kind: .hearingWaived, on: today, note: "当事人书面放弃听证", by: chenming)
        _ = try await sunlight.cases.recordPartyResponse(case: major.id, kind: .statementReceived, on: today, note: "当事人承认违法事实，已着手补建档案", by: chenming)
        _ = try await sunlight.cases.completeStage(case: major.id, by: chenming)
        let decision = try await sunlight.cases.draftDocument(case: major.id, type: .penaltyDecision, fields: [
            "facts": facts, "evidence": "档案移交清单、缺失档案目录、当事人书面说明。", "basis": basis,
            "discretion": "销毁档案数量较多，且涉及保障性住房工程质量追溯，按法定幅度上限处罚。", "penalty": "罚款人民币拾万元", "sanctions": "fine", "fine": "100000",
            "payment": "自收到本决定书之日起十五日内缴纳", "remedies": "可在 60 日内申请行政复议或 6 个月内提起行政诉讼"], by: chenming)
        _ = try await sunlight.reviews.submitForReview(document: decision.id, form: ReviewForm(
            facts: facts, law: "\(basis)；对单位处一万元以上十万元以下罚款。", hearing: "已告知听证权利，当事人书面放弃听证；陈述申辩已听取。",
            proposal: "对当事人罚款人民币拾万元。", other: "罚款 100000 元，属本机关目录 R6 较大数额情形。"), by: chenming)
    }
}
