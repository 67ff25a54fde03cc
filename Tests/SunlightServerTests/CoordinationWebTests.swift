import Foundation
@testable import SunlightCore
import Testing
import VaporTesting

/// The staff pages of coordination and supervision review, and the portal's guiding cases and
/// assessment results (SUP-3, SUP-4, SUP-7, SUP-8, SUP-10, SUP-11, SUP-12, SUP-13).
@Suite struct CoordinationWebTests {
    @Test("A dispute through the pages: the head applies with the consultation, the bureau accepts and rules; a missing consultation is a 400 in the form; another department gets 403 (SUP-3)")
    func disputePages() async throws {
        try await TestServer.with { server in
            let enforcement = server.seeded.organisation("元谋县综合行政执法局").id.uuidString.lowercased()
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            #expect(try await head.get("/staff/coordination").body.string.contains("dispute-form"))
            let missing = try await head.post("/staff/coordination/disputes", [("respondent", enforcement), ("subject", "占道食品摊贩查处职责"),
                                                                               ("details", "双方均认为不属于本部门职责"), ("consultation", "")])
            #expect(missing.status == .badRequest && missing.body.string.contains("先行协商"))
            #expect(try await head.post("/staff/coordination/disputes", [("respondent", enforcement), ("subject", "占道食品摊贩查处职责"),
                                                                         ("details", "双方均认为不属于本部门职责"), ("consultation", "协商未果")], csrf: false).status == .forbidden)
            #expect(try await head.post("/staff/coordination/disputes", [("respondent", enforcement), ("subject", "占道食品摊贩查处职责"),
                                                                         ("details", "双方均认为不属于本部门职责"), ("consultation", "9月20日协商未果")]).status == .seeOther)
            let matter = try #require(try await server.app.sunlight.store.records(CoordinationMatter.self).chronological(offset: 0, limit: 10).first)
            let link = "/staff/coordination/\(matter.id.uuidString.lowercased())"
            let bureau = server.browser()
            try await bureau.logIn("jiandu")
            let page = try await bureau.get(link).body.string
            #expect(page.contains("step-accept") && page.contains("已申请，待受理"))
            let accepted = try await bureau.post(link + "/steps", [("action", "accept"), ("text", "")])
            #expect(accepted.status == .seeOther, "\(accepted.status) \(accepted.body.string.prefix(3000))")
            let short = try await bureau.post(link + "/steps", [("action", "issue_opinion"), ("text", "短")])
            #expect(short.status == .badRequest && short.body.string.contains("书面协调建议"))
            #expect(try await bureau.post(link + "/steps", [("action", "agree"), ("text", "协调一致：由综合行政执法局查处")]).status == .seeOther)
            #expect(try await bureau.get(link).body.string.contains("已办结"))
            let outsider = server.browser()
            try await outsider.logIn("daj.zhoujun")
            #expect(try await outsider.get(link).status == .forbidden)
            #expect(try await bureau.get("/staff/supervision").body.string.contains("协调事项超期"))
        }
    }

    @Test("Meetings, assistance, accountability and routes pages: each form saves and shows what it saved (SUP-7, SUP-11, SUP-12, SUP-13)")
    func otherCoordinationPages() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString.lowercased()
            let enforcement = server.seeded.organisation("元谋县综合行政执法局").id.uuidString.lowercased()
            let bureau = server.browser()
            try await bureau.logIn("jiandu")
            _ = try await bureau.get("/staff/coordination/meetings")
            #expect(try await bureau.post("/staff/coordination/meetings", [
                ("kind", "coordination_conference"), ("title", "2026年度联席会议"), ("heldOn", "2026-11-20"), ("place", "县司法局"),
                ("members[]", market), ("members[]", enforcement), ("attendees", "各成员单位联络员"), ("minutes", "部署农贸市场专项整治"),
                ("item1", "农贸市场占道经营整治"), ("owner1", enforcement), ("due1", "2026-12-31"), ("item2", ""), ("owner2", market), ("due2", ""),
            ]).status == .seeOther)
            let meetings = try await bureau.get("/staff/coordination/meetings").body.string
            #expect(meetings.contains("2026年度联席会议") && meetings.contains("农贸市场占道经营整治") && meetings.contains("本年度已召开行政执法协调监督联席会议 1 次"))
            let badDate = try await bureau.post("/staff/coordination/meetings", [("kind", "joint_enforcement"), ("title", "联合执法"), ("heldOn", "2026-13-01"),
                                                                                 ("minutes", "联合检查")])
            #expect(badDate.status == .badRequest && badDate.body.string.contains("会议日期"))
            #expect(try await bureau.post("/staff/coordination/accountability", [("organisation", market), ("person", "赵磊"), ("fault", "执法证过期后仍参与检查"),
                                                                                 ("basis", "")]).status == .seeOther)
            let town = server.browser()
            try await town.logIn("ym.yangfan")
            #expect(try await town.get("/staff/coordination").body.string.contains("assistance-form"))
            #expect(try await town.post("/staff/coordination/assistance", [("helper", market), ("kind", CoordinationFlow.assistanceKinds[0]),
                                                                           ("subject", "散装白酒甲醇检测"), ("details", "请协助检测散装白酒甲醇含量")]).status == .seeOther)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            let list = try await head.get("/staff/coordination").body.string
            #expect(list.contains("散装白酒甲醇检测") && list.contains("赵磊"))
            #expect(try await head.get("/staff/coordination/routes").status == .forbidden, "routes are the administrator's and the supervisor's")
            let admin = server.browser()
            try await admin.logIn("admin")
            _ = try await admin.get("/staff/coordination/routes")
            #expect(try await admin.post("/staff/coordination/routes", [("from", market), ("to", enforcement), ("keyword", "")]).status == .seeOther)
            #expect(try await admin.get("/staff/coordination/routes").body.string.contains("（全部许可决定）"))
            #expect(try await server.app.sunlight.cases.verify().isClean)
        }
    }

    @Test("Inspections, guiding cases and assessment pages for the bureau and a head, and the portal's published results (SUP-4, SUP-8, SUP-10)")
    func reviewPages() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString.lowercased()
            let bureau = server.browser()
            try await bureau.logIn("jiandu")
            _ = try await bureau.get("/staff/supervision/inspections")
            #expect(try await bureau.post("/staff/supervision/inspections", [
                ("method", "special"), ("organisation", market), ("title", "案卷专项检查"), ("from", "2026-11-16"), ("to", "2026-11-20"),
                ("scope", "行政执法案卷"), ("findings", "2 件案卷缺少送达回证"), ("problems", "yes")]).status == .seeOther)
            let inspection = try #require(try await server.app.sunlight.store.records(SupervisionInspection.self).chronological(offset: 0, limit: 5).first)
            #expect(try await bureau.post("/staff/supervision/inspections/\(inspection.id.uuidString.lowercased())/notice",
                                          [("requirement", "补齐送达回证"), ("rectifyBy", "2026-12-31")]).status == .seeOther)
            #expect(try await bureau.get("/staff/supervision/inspections").body.string.contains("元司监通〔2026〕"))
            #expect(try await bureau.get("/staff/guiding-cases").body.string.contains("guiding-quota"))
            let assessment = try await bureau.get("/staff/assessment?year=2026").body.string
            #expect(assessment.contains("执法人员持证率") && assessment.contains("rating-\(market)"))
            #expect(try await bureau.post("/staff/assessment/rate", [("year", "2026"), ("organisation", market), ("score_system_building", "9"),
                                                                     ("score_civil_enforcement", "9")]).status == .seeOther)
            let rating = try #require(try await server.app.sunlight.store.records(OrganisationAssessment.self).chronological(offset: 0, limit: 5).first)
            let tooHigh = try await bureau.post("/staff/assessment/rate", [("year", "2026"), ("organisation", market), ("score_system_building", "19"),
                                                                           ("score_civil_enforcement", "9")])
            #expect(tooHigh.status == .badRequest && tooHigh.body.string.contains("0–10"))
            #expect(try await bureau.post("/staff/assessment/\(rating.id.uuidString.lowercased())/publish", [("year", "2026"), ("approval", "元政函〔2026〕9号")]).status == .seeOther)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            #expect(try await head.get("/staff/assessment").body.string.contains("officers-form"))
            #expect(try await head.post("/staff/assessment/self", [("year", "2026"), ("text", "本局2026年度行政执法工作自评报告：三项制度全面落实。")]).status == .seeOther)
            let notTheirs = try await head.post("/staff/assessment/rate", [("year", "2026"), ("organisation", market), ("score_system_building", "10"),
                                                                          ("score_civil_enforcement", "10")])
            #expect(notTheirs.status == .forbidden, "\(notTheirs.status)")
            let portal = try await server.app.sendRequest(.GET, "/assessments").body.string
            #expect(portal.contains("元政函〔2026〕9号") && portal.contains("自评报告"))
            #expect(try await server.app.sendRequest(.GET, "/guiding-cases").status == .ok)
        }
    }
}
