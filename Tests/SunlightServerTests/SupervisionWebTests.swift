import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// The supervisor's pages: the dashboard ranking, the clue list, the online inspection; other
/// staff refused (SUP-4, SUP-5).
@Suite struct SupervisionWebTests {
    @Test("The supervisor sees the dashboard, the clues and the inspection as pages and CSV; a department head is refused (SUP-4, SUP-5)")
    func supervisorPages() async throws {
        try await TestServer.with { server in
            let supervisor = server.browser()
            try await supervisor.logIn("jiandu")
            let dashboard = try await supervisor.get("/staff/supervision")
            #expect(dashboard.status == .ok && dashboard.body.string.contains("元谋县档案局") && dashboard.body.string.contains("overdue-total"))
            let clues = try await supervisor.get("/staff/supervision/clues")
            #expect(clues.status == .ok && clues.body.string.contains("未音像记录"), "the demo's simple case was exempted from audio/video")
            let csv = try await supervisor.get("/staff/supervision/clues?format=csv").body.string
            #expect(csv.hasPrefix("\u{FEFF}线索,依据,"), "the CSV cites the legal basis, not our rule IDs")
            #expect(csv.range(of: #"\b(REC|PUB|SUP|REV|STD|CAL)-\d+"#, options: .regularExpression) == nil)
            #expect(try await supervisor.get("/staff/supervision/inspect-publicity").status == .ok)
            let report = try await supervisor.get("/staff/supervision/inspect-publicity?quarter=2026Q4")
            #expect(report.status == .ok && report.body.string.contains("finding-total") && report.body.string.contains("未公示服务指南"))
            #expect(try await supervisor.get("/staff/supervision/inspect-publicity?quarter=2026Q4&format=csv").body.string.hasPrefix("\u{FEFF}季度"))
            #expect(try await supervisor.get("/staff/supervision/inspect-publicity?quarter=2026Q9").status == .badRequest)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            #expect(try await head.get("/staff/supervision").status == .forbidden)
            #expect(try await head.get("/staff/supervision/clues").status == .forbidden)
            #expect(try await head.get("/staff/supervision/inspect-publicity?quarter=2026Q4").status == .forbidden)
        }
    }
}

extension SupervisionWebTests {
    @Test("The instruments page: the supervisor issues a notice, the head reports, the supervisor closes it (SUP-4)")
    func instrumentsPage() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString.lowercased()
            let supervisor = server.browser()
            try await supervisor.logIn("jiandu")
            #expect(try await supervisor.get("/staff/supervision/instruments").body.string.contains("instrument-form"))
            let bad = try await supervisor.post("/staff/supervision/instruments", [("organisation", market), ("findings", "问题"), ("requirement", "整改要求内容"),
                                                                                  ("rectifyBy", "2026-12-11"), ("evidence", ""), ("follows", "")])
            #expect(bad.status == .badRequest && bad.body.string.contains("form-problem"))
            let issued = try await supervisor.post("/staff/supervision/instruments", [("organisation", market), ("findings", "决定逾期未公开的问题"),
                                                                                     ("requirement", "立即公开并说明原因"), ("rectifyBy", "2026-12-11"),
                                                                                     ("evidence", ""), ("follows", "")])
            #expect(issued.status == .seeOther)
            let instrument = try #require(try await server.app.sunlight.store.instruments.list(organisations: [server.seeded.organisation("元谋县市场监督管理局").id]).first)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            #expect(try await head.get("/staff/supervision/instruments").body.string.contains("元司监通〔2026〕1号"))
            #expect(try await head.post("/staff/supervision/instruments/\(instrument.id.uuidString.lowercased())/report", [("report", "已公开并说明原因。")]).status == .seeOther)
            _ = try await supervisor.get("/staff/supervision/instruments")
            #expect(try await supervisor.post("/staff/supervision/instruments/\(instrument.id.uuidString.lowercased())/check",
                                              [("note", "整改到位"), ("accepted", "yes")]).status == .seeOther)
            #expect(try await server.app.sunlight.store.instruments.find(instrument.id)?.status == .closed)
        }
    }
}

extension SupervisionWebTests {
    @Test("The referral page renders for the head and the supervisor and refuses an officer (SUP-9)")
    func referralsPage() async throws {
        try await TestServer.with { server in
            for username in ["jiandu", "scj.wangfang"] {
                let browser = server.browser()
                try await browser.logIn(username)
                let page = try await browser.get("/staff/supervision/referrals")
                #expect(page.status == .ok && page.body.string.contains("no-referrals"), "the demo has no penalised official (\(username))")
            }
            let officer = server.browser()
            try await officer.logIn("scj.zhangwei")
            #expect(try await officer.get("/staff/supervision/referrals").status == .forbidden)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            _ = try await head.get("/staff/supervision/referrals")
            #expect(try await head.post("/staff/supervision/referrals/\(UUID().uuidString)", [("recipient", "元谋县纪委监委"), ("note", "移送")]).status == .notFound)
        }
    }
}

extension SupervisionWebTests {
    @Test("The statistics page and its CSV; a bad date is a 400 (SUP-6)")
    func statisticsPage() async throws {
        try await TestServer.with { server in
            let supervisor = server.browser()
            try await supervisor.logIn("jiandu")
            let page = try await supervisor.get("/staff/supervision/statistics?from=2026-01-01&to=2026-11-23")
            #expect(page.status == .ok && page.body.string.contains("enforcement-statistics") && page.body.string.contains("元谋县市场监督管理局"))
            #expect(try await supervisor.get("/staff/supervision/statistics?format=csv").body.string.hasPrefix("\u{FEFF}机构"))
            #expect(try await supervisor.get("/staff/supervision/statistics?from=2026-13-01").status == .badRequest)
        }
    }
}

extension SupervisionWebTests {
    @Test("The transfers page: the head decides a transfer, sends it, the receiver acknowledges; a crime report needs a second officer (SUP-2)")
    func transfersPage() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let enforcement = server.seeded.organisation("元谋县综合行政执法局").id.uuidString.lowercased()
            let theCase = try #require(try await server.app.sunlight.store.cases.list(organisations: [market.id], filter: .all, limit: 10).first { !$0.simple && $0.status == .open })
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            #expect(try await head.get("/staff/transfers").body.string.contains("transfer-organisation"))
            let decided = try await head.post("/staff/transfers/organisation", [("case", theCase.id.uuidString.lowercased()), ("organisation", enforcement),
                                                                               ("reason", "占道经营属于综合行政执法局管辖")])
            #expect(decided.status == .seeOther)
            let transfer = try #require(try await server.app.sunlight.store.transfers.list(organisations: [market.id]).first)
            _ = try await head.get("/staff/transfers")
            #expect(try await head.post("/staff/transfers/\(transfer.id.uuidString.lowercased())/send", []).status == .seeOther)
            let receiver = server.browser()
            try await receiver.logIn("zf.sunqiang")
            #expect(try await receiver.get("/staff/transfers").body.string.contains("已移送，待接收"))
            #expect(try await receiver.post("/staff/transfers/\(transfer.id.uuidString.lowercased())/outcome",
                                            [("on", "2026-11-23"), ("outcome", "已接收"), ("accepted", "yes")]).status == .seeOther)
            #expect(try await server.app.sunlight.store.transfers.find(transfer.id)?.status == .accepted)
            let lone = try await head.post("/staff/transfers/crime", [("case", theCase.id.uuidString.lowercased()), ("officer", ""),
                                                                      ("facts", "涉嫌生产销售有毒有害食品罪的事实"), ("police", "元谋县公安局")])
            #expect(lone.status == .badRequest && lone.body.string.contains("两名以上"))
        }
    }
}
