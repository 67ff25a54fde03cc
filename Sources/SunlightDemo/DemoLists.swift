import Foundation
import SunlightCore

extension DemoData {
    /// Published lists for the demo portal, drafted by staff and checked by each
    /// organisation's publicity clerk — the same path real lists take.
    static func seedLists(_ sunlight: Sunlight, organisations: [String: Organisation]) async throws {
        func actor(_ username: String) async throws -> Actor {
            try await sunlight.access.actor(username: username, channel: .console, address: "demo")
        }
        func publish(_ kind: ListKind, _ organisation: String, _ fields: [String: String], drafter: String, clerk: String) async throws {
            let draft = try await sunlight.publicity.draftListEntry(kind, organisationID: organisations[organisation]!.id, fields: fields,
                                                          effectiveFrom: sunlight.clock.today, by: try await actor(drafter))
            _ = try await sunlight.publicity.checkListEntry(draft.id, approve: true, note: nil, by: try await actor(clerk))
        }
        let departments: [(String, String, String, String, String, String)] = [
            ("元谋县市场监督管理局", "行政编制 42 名", "市场主体登记、食品药品安全、产品质量、计量标准、价格与反不正当竞争等监督管理和行政执法", "张建华", "scj.zhangwei", "scj.gongshi"),
            ("元谋县档案局", "行政编制 8 名", "档案事业监督管理，对档案违法行为实施检查和行政处罚", "周军", "daj.chenming", "daj.fazhi"),
            ("元谋县综合行政执法局", "行政编制 36 名", "市容环境卫生、城乡规划、园林绿化等领域相对集中的行政处罚权及相关行政强制", "孙明", "zf.sunqiang", "zf.xuhui"),
            ("元谋县司法局", "行政编制 20 名", "行政执法协调监督、行政复议、法治宣传与公共法律服务", "李国华", "sfj.wangli", "sfj.zhaomin"),
        ]
        for (name, staffing, duties, representative, drafter, clerk) in departments {
            try await publish(.subject, name, [
                "name": name, "organisationType": "行政机关", "fundingSource": "财政全额拨款", "staffing": staffing, "subjectCategory": "法定",
                "duties": duties, "legalRepresentative": representative, "address": "元谋县元马镇龙川街", "complaintPhone": "0878-12345",
            ], drafter: drafter, clerk: clerk)
        }
        let market = "元谋县市场监督管理局"
        let items: [[String: String]] = [
            ["code": "5323280-CF-001", "name": "对生产经营不符合食品安全标准的食品的处罚", "powerCategory": "行政处罚", "enforcementCategory": "行政处罚",
             "law": "中华人民共和国食品安全法", "article": "第一百二十四条", "discretionBenchmark": "云南省市场监管领域行政处罚裁量基准 第 12 项",
             "responsibleOrganisation": market, "entrusted": "否", "timeLimit": "立案之日起 90 日", "simpleProcedure": "是"],
            ["code": "5323280-JC-001", "name": "食品生产经营日常监督检查", "powerCategory": "其他行政权力", "enforcementCategory": "行政检查",
             "law": "中华人民共和国食品安全法", "article": "第一百一十条", "responsibleOrganisation": market, "entrusted": "否", "timeLimit": "即时"],
            ["code": "5323280-XK-001", "name": "食品经营许可", "powerCategory": "行政许可", "enforcementCategory": "行政许可",
             "law": "中华人民共和国食品安全法", "article": "第三十五条", "responsibleOrganisation": market, "entrusted": "否", "timeLimit": "20 个工作日"],
            ["code": "5323280-QZ-001", "name": "查封、扣押不符合食品安全标准的食品", "powerCategory": "行政强制", "enforcementCategory": "行政强制",
             "law": "中华人民共和国食品安全法", "article": "第一百一十条第四项", "responsibleOrganisation": market, "entrusted": "否", "timeLimit": "30 日，可延长 30 日"],
        ]
        for item in items { try await publish(.item, market, item, drafter: "scj.zhangwei", clerk: "scj.gongshi") }
        try await publish(.item, "元谋县档案局", [
            "code": "5323280-DA-001", "name": "对损毁、丢失或者擅自销毁档案的处罚", "powerCategory": "行政处罚", "enforcementCategory": "行政处罚",
            "law": "中华人民共和国档案法", "article": "第四十八条", "responsibleOrganisation": "元谋县档案局", "entrusted": "否", "timeLimit": "立案之日起 90 日",
        ], drafter: "daj.chenming", clerk: "daj.fazhi")
        try await publish(.item, "元谋县综合行政执法局", [
            "code": "5323280-ZF-001", "name": "对擅自占用城市道路摆摊设点的处罚", "powerCategory": "行政处罚", "enforcementCategory": "行政处罚",
            "law": "城市市容和环境卫生管理条例", "article": "第三十六条", "responsibleOrganisation": "元谋县综合行政执法局", "entrusted": "否",
            "timeLimit": "立案之日起 90 日",
        ], drafter: "zf.sunqiang", clerk: "zf.xuhui")
        try await publish(.randomInspection, market, [
            "name": "食品经营者监督检查", "subject": market, "basis": "《中华人民共和国食品安全法》第一百一十条", "object": "辖区内食品经营者",
            "content": "经营许可、进货查验记录、食品贮存条件、从业人员健康证明", "method": "双随机抽取、现场检查", "ratio": "5%", "frequency": "每年不少于一次",
        ], drafter: "scj.zhangwei", clerk: "scj.gongshi")
        try await publish(.guide, market, [
            "name": "食品经营许可", "category": "行政许可", "basis": "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
            "materials": "1. 食品经营许可申请书；2. 营业执照复印件；3. 与食品经营相适应的主要设备设施布局、操作流程等文件；4. 食品安全自查、从业人员健康检查等制度",
            "steps": "申请 → 受理 → 审查（必要时现场核查）→ 决定 → 送达", "timeLimit": "受理之日起 20 个工作日",
            "supervision": "元谋县司法局 0878-12345", "remedies": "60 日内申请行政复议，或 6 个月内提起行政诉讼",
            "officeHours": "工作日 9:00–12:00，14:30–17:30", "address": "元谋县政务服务中心 2 号窗口", "phone": "0878-8210000",
        ], drafter: "scj.zhangwei", clerk: "scj.gongshi")
        for (name, channel) in [("投诉举报", "拨打 12345 热线、登录本平台“投诉举报”、或到县司法局执法监督科当面反映；受理后 15 个工作日内反馈"),
                                ("行政复议", "对行政执法决定不服的，可自知道之日起 60 日内向元谋县人民政府申请行政复议")] {
            try await publish(.supervision, "元谋县司法局", [
                "name": name, "channel": channel, "contact": "元谋县司法局执法监督科", "phone": "0878-12345", "address": "元谋县元马镇龙川街",
            ], drafter: "sfj.wangli", clerk: "sfj.zhaomin")
        }
        let admin = Actor.console("demo")
        for number in ["53232800101", "53232800301", "53232800302"] {
            let (_, certificate) = try await sunlight.standards.certificateLookup(number)
            _ = try await sunlight.standards.recordAnnualReview(certificate: certificate.id, year: sunlight.clock.today.year - 1, passed: true, note: nil, by: admin)
        }
    }
}
