import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("暂定期限 CAL-4")
struct ProvisionalDatesWebTests {
    @Test("In late December a complaint's due date in the unloaded 2027 is shown with 暂定 on the ledger and on its page, never “日历未加载” (CAL-4, SUP-1)")
    func complaintDueDate() async throws {
        try await TestServer.with { server in
            server.clock.set(CivilDate(iso: "2026-12-28")!)
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let complaint = try await server.app.sunlight.supervision.fileComplaint(
                NewComplaint(organisationID: market.id, subject: "超市销售过期食品", description: "元谋县好又多超市货架上有过期的牛肉干。", anonymous: true),
                channel: .portal, by: .visitor(address: "198.51.100.7"))
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            let list = try await head.get("/staff/complaints").body.string
            #expect(list.contains("2027-01-18（暂定）") && !list.contains("日历未加载"))
            let page = try await head.get("/staff/complaints/\(complaint.id.uuidString.lowercased())").body.string
            #expect(page.contains("2027-01-18（暂定）"))
        }
    }
}
