import Foundation
import SunlightCore
import SunlightLedger
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("案件接口：查阅范围与统计 /api/v1/cases REC-11 REC-12")
struct CaseApiAccessTests {
    @Test("REC-11: another bureau's officer is refused (403, logged); a clerk may not read a classified case, whose title the list withholds")
    func access() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            let id = try #require(try await api.openCase()[string: "id"])
            try await api.refused(.GET, "/api/v1/cases/\(id)", as: "daj.chenming", status: .forbidden, code: "scope.outside", rule: nil)
            try await api.refused(.POST, "/api/v1/cases/\(id)/stage/complete", as: "daj.chenming", status: .forbidden, code: "scope.outside", rule: nil)
            let denied = try await server.accessLog().filter { $0.action == .denied && $0.resourceType == "case" }
            #expect(denied.count == 2 && denied.allSatisfy { $0.resourceID?.lowercased() == id.lowercased() && $0.actorName.contains("陈明") })
            let market = server.seeded.organisation("元谋县市场监督管理局").id.uuidString
            let listed = try await api.ok(.GET, "/api/v1/cases", as: "daj.chenming")[objects: "items"]
            #expect(!listed.isEmpty && !listed.contains { $0[object: "organisation"]?[string: "id"] == market }, "only the archives bureau's own case")

            // given: the head classifies the case as a commercial secret
            try await api.refused(.POST, "/api/v1/cases/\(id)/classification", ["classification": "commercial", "reason": "涉及当事人配方等商业秘密"],
                                  status: .forbidden, code: "role.missing", rule: nil)
            let classified = try await api.ok(.POST, "/api/v1/cases/\(id)/classification", as: "scj.wangfang",
                                              ["classification": "commercial", "reason": "涉及当事人配方等商业秘密"])
            #expect(classified[string: "classification"] == "commercial")
            // then: the clerk is refused, and sees the case in the list without its title
            try await api.refused(.GET, "/api/v1/cases/\(id)", as: "scj.gongshi", status: .forbidden, code: "case.classified", rule: "REC-11")
            let line = try #require(try await api.ok(.GET, "/api/v1/cases", as: "scj.gongshi")[objects: "items"].first { $0[string: "id"]?.lowercased() == id.lowercased() })
            #expect(line["readable"] as? Bool == false && line[string: "title"]?.contains("销售") == false)
            #expect(try await api.ok(.GET, "/api/v1/cases", as: "scj.lina")[objects: "items"].first { $0[string: "id"]?.lowercased() == id.lowercased() }?[string: "title"] == "销售超过保质期的食品")
            // The supervisor reads it after stating a reason, which is logged (issue 15 item 6).
            try await api.refused(.GET, "/api/v1/cases/\(id)", as: "jiandu", status: .forbidden, code: "case.classified_reason", rule: "REC-11")
            try await api.ok(.POST, "/api/v1/cases/\(id)/classified-reason", as: "jiandu", ["reason": "核查投诉反映的问题"], status: .noContent)
            for reader in ["scj.lina", "scj.fazhi", "jiandu"] { try await api.ok(.GET, "/api/v1/cases/\(id)", as: reader) }
            let reads = try await server.accessLog().filter { $0.action == .read && $0.resourceType == "case" && $0.summary.contains("涉及商业秘密") }
            #expect(reads.count == 3)
        }
    }

    @Test("REC-12: statistics as JSON and as a CSV that Excel opens (UTF-8 with BOM, attachment)")
    func statistics() async throws {
        try await TestServer.with(today: CivilDate(iso: "2026-09-21")!) { server in
            let api = try await CaseApiClient.make(server)
            let id = try #require(try await api.openCase()[string: "id"])
            try await api.issue(id, .openingApproval)
            try await api.complete(id)
            try await api.openCase(simple: true, title: "占道经营")

            let statistics = try await api.ok(.GET, "/api/v1/cases/statistics?from=2026-09-01&to=2026-09-30")
            #expect(statistics[string: "from"] == "2026-09-01" && statistics[string: "to"] == "2026-09-30")
            #expect(statistics[object: "total"]?["opened"] as? Int == 4 && statistics[object: "total"]?["running"] as? Int == 3, "with the demo's two")
            #expect(statistics[objects: "byCategory"].map { $0[string: "key"] } == ["penalty"])
            #expect(statistics[objects: "byMonth"].map { $0[string: "key"] } == ["2026-09"])
            let stages = statistics[objects: "byStage"]
            #expect(stages.contains { $0[string: "stage"] == "opening" && $0["completed"] as? Int == 2 })
            #expect(stages.contains { $0[string: "stage"] == "investigation" && $0["current"] as? Int == 2 })
            #expect(try await api.ok(.GET, "/api/v1/cases/statistics")[object: "total"]?["opened"] as? Int == 4, "this year up to today by default")
            #expect(try await api.ok(.GET, "/api/v1/cases/statistics?from=2026-10-01&to=2026-10-31")[object: "total"]?["opened"] as? Int == 0)

            let csv = try await api.call(.GET, "/api/v1/cases/statistics.csv?from=2026-09-01&to=2026-09-30")
            #expect(csv.status == .ok)
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(csv.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            let lines = csv.body.string.dropFirst().components(separatedBy: "\r\n")
            #expect(lines.first?.hasPrefix("维度,项目,立案") == true)
            #expect(lines.contains("合计,合计,4,3,1,1,0,0,0.0,0.0"), "\(lines)")
            #expect(lines.contains { $0.hasPrefix("类别,行政处罚,4,") })

            try await api.refused(.GET, "/api/v1/cases/statistics?from=2026-10-01&to=2026-09-01", status: .badRequest, rule: "REC-12")
            try await api.refused(.GET, "/api/v1/cases/statistics.csv?from=yesterday", status: .badRequest, rule: nil)
            #expect(try await server.accessLog().contains { $0.resourceType == "case_statistics" })
        }
    }
}
