import Foundation
import SunlightCore
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
            #expect(try await supervisor.get("/staff/supervision/clues?format=csv").body.string.hasPrefix("\u{FEFF}线索"))
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
