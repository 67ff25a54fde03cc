import Foundation
@testable import SunlightCore
import Testing
import Vapor
import VaporTesting

/// 年度报告公开 through the pages and the API (PUB-12): a head publishes, a correction is a new
/// version, the portal shows every version with its date and whether it met 31 January.
@Suite struct AnnualReportWebTests {
    @Test("A head publishes the 2026 report on the staff page; the portal and the API show it on time; a correction is version 2, late (PUB-12, 国办发〔2018〕118号)")
    func publishOnPortal() async throws {
        try await TestServer.with { server in
            server.clock.set(CivilDate(iso: "2027-01-20")!)
            let head = server.browser()
            try await head.logIn("scj.wangfang")
            let draft = try await head.get("/staff/annual-report?year=2026")
            #expect(draft.status == .ok && draft.body.string.contains("publish-annual-report") && draft.body.string.contains("行政强制立案"))
            let clerk = server.browser()
            try await clerk.logIn("scj.gongshi")
            #expect(!(try await clerk.get("/staff/annual-report?year=2026")).body.string.contains("publish-annual-report"))
            #expect(try await head.post("/staff/annual-report/publish", [("year", "2026")]).status == .seeOther)
            let portal = try await server.app.testing().sendRequest(.GET, "/annual-reports")
            #expect(portal.status == .ok && portal.body.string.contains("annual-report-2026-1") && portal.body.string.contains("公开日期：2027-01-20")
                    && portal.body.string.contains("按期公开"))
            let missing = try await head.post("/staff/annual-report/publish", [("year", "2026"), ("correction", "")])
            #expect(missing.status == .badRequest && missing.body.string.contains("更正说明"))
            server.clock.set(CivilDate(iso: "2027-02-03")!)
            let token = try await server.token(for: "scj.wangfang")
            let corrected = try await server.api(.POST, "/api/v1/annual-reports", token: token, json: #"{"year":2026,"correction":"更正行政强制数据"}"#)
            #expect(corrected.status == .ok && corrected.body.string.contains("\"version\":2") && corrected.body.string.contains("\"onTime\":false"))
            let list = try await server.app.testing().sendRequest(.GET, "/api/v1/public/annual-reports")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(list.body.string.utf8)) as? [String: Any])
            #expect((object["items"] as? [[String: Any]])?.compactMap { $0["version"] as? Int } == [2, 1])
            let clerkToken = try await server.token(for: "scj.gongshi")
            #expect(try await server.api(.POST, "/api/v1/annual-reports", token: clerkToken, json: #"{"year":2026,"correction":"再改"}"#).status == .forbidden)
        }
    }
}
