import Foundation
import SunlightCore
@testable import SunlightServer
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("法制审核接口：统计、监督线索与目录 /api/v1/reviews REV-2 REV-5 REV-9")
struct ReviewSupervisionApiTests {
    @Test("REV-5: review statistics as JSON and as a CSV that Excel opens (UTF-8 with BOM); a round past its deadline is overdue")
    func statistics() async throws {
        try await TestServer.with { server in
            // given: round 1 (due Thursday 26 November) still open on Friday
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            api.day("2026-11-27")
            #expect(try await api.ok(.GET, "/api/v1/reviews", as: "daj.fazhi")[objects: "items"].first?[string: "state"] == "overdue")
            var statistics = try await api.ok(.GET, "/api/v1/reviews/statistics?from=2026-11-01&to=2026-11-30", as: "daj.zhoujun")
            #expect(statistics[object: "total"]?["pending"] as? Int == 1 && statistics[object: "total"]?["overdue"] as? Int == 1)
            #expect(statistics[object: "total"]?["passRate"] == nil)

            // when: the reviewer approves a day late
            try await api.opinion(major.roundID, as: "daj.fazhi")

            // then: counted as reviewed, approved and overdue
            statistics = try await api.ok(.GET, "/api/v1/reviews/statistics?from=2026-11-01&to=2026-11-30", as: "daj.zhoujun")
            #expect(statistics[string: "from"] == "2026-11-01" && statistics[string: "to"] == "2026-11-30")
            let total = try #require(statistics[object: "total"])
            #expect(total["decisions"] as? Int == 1 && total["rounds"] as? Int == 1 && total["reviewed"] as? Int == 1 && total["approved"] as? Int == 1)
            #expect(total["pending"] as? Int == 0 && total["overdue"] as? Int == 1 && total["passRate"] as? Double == 100)
            #expect(total["meanWorkingDays"] as? Double == 4, "Monday to Friday")
            #expect(statistics[objects: "byOrganisation"].map { $0[string: "label"] } == ["元谋县档案局"])
            #expect(try await api.ok(.GET, "/api/v1/reviews/statistics", as: "daj.zhoujun")[object: "total"]?["rounds"] as? Int == 1, "this year up to today by default")
            #expect(try await api.ok(.GET, "/api/v1/reviews/statistics?from=2026-12-01&to=2026-12-31", as: "daj.zhoujun")[object: "total"]?["rounds"] as? Int == 0)
            #expect(try await api.ok(.GET, "/api/v1/reviews/statistics", as: "scj.wangfang")[object: "total"]?["rounds"] as? Int == 0, "another bureau's own figures")

            let csv = try await api.call(.GET, "/api/v1/reviews/statistics.csv?from=2026-11-01&to=2026-11-30", as: "daj.zhoujun")
            #expect(csv.status == .ok)
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(csv.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            let lines = csv.body.string.dropFirst().components(separatedBy: "\r\n")
            #expect(lines.first == "机构,送审决定数,审核轮次,已审核,同意,通过率（%）,平均审核用时（工作日）,待审核,超期")
            #expect(lines.contains("元谋县档案局,1,1,1,1,100.0,4.0,0,1") && lines.contains("合计,1,1,1,1,100.0,4.0,0,1"), "\(lines)")

            try await api.refused(.GET, "/api/v1/reviews/statistics?from=2026-12-01&to=2026-11-01", as: "daj.zhoujun", status: .badRequest, rule: nil)
            try await api.refused(.GET, "/api/v1/reviews/statistics.csv?from=yesterday", as: "daj.zhoujun", status: .badRequest, rule: nil)
            #expect(try await server.accessLog().contains { $0.resourceType == "review_record" && $0.summary.contains("法制审核统计") })
        }
    }

    @Test("REV-9: resubmitting the same draft after an opinion other than approval, without a coordination, is flagged to the supervisor")
    func opinionIgnored() async throws {
        try await TestServer.with { server in
            // given: the reviewer says the law is misapplied
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            try await api.opinion(major.roundID, "amend_law", problems: ["law"], as: "daj.fazhi")
            #expect(try await api.ok(.GET, "/api/v1/reviews/flags", as: "daj.zhoujun")[objects: "items"].isEmpty)

            // when: the officer sends the same draft again without coordinating
            let second = try await api.submitForReview(major.documentID, as: "daj.chenming", form: ArchivesCase.form)
            #expect(second["number"] as? Int == 2)

            // then: the head and the county's supervisor see it; an officer may not read the flags
            let flags = try await api.ok(.GET, "/api/v1/reviews/flags", as: "daj.zhoujun")[objects: "items"]
            #expect(flags.count == 1)
            let flag = try #require(flags.first)
            #expect(flag[string: "kind"] == "opinion_ignored" && flag[string: "kindName"] == "无正当理由不采纳审核意见")
            #expect(flag[string: "caseID"] == major.caseID && flag[string: "documentID"] == major.documentID && flag[string: "organisationName"] == "元谋县档案局")
            #expect(flag[string: "detail"]?.contains("第 1 轮") == true && flag[string: "on"] == "2026-11-23")
            #expect(try await api.ok(.GET, "/api/v1/reviews/flags", as: "jiandu")[objects: "items"].contains { $0[string: "documentID"] == major.documentID })
            try await api.refused(.GET, "/api/v1/reviews/flags", as: "daj.chenming", status: .forbidden, code: "role.missing", rule: nil)
        }
    }

    @Test("REV-2/REV-10: the catalogue reads with each rule's conditions; a head adopts a version keeping art. 58's situations, the justice bureau approves it, and it applies from the next working day (行政处罚法 第五十八条)")
    func catalogue() async throws {
        try await TestServer.with { server in
            // given: the built-in catalogue
            let api = try await CaseApiClient.make(server, also: ArchivesCase.staff)
            let major = try await ArchivesCase.find(api)
            let builtIn = try await api.ok(.GET, "/api/v1/review-catalogue", as: "daj.chenming")
            let current = try #require(builtIn[object: "current"])
            #expect(current["version"] as? Int == 0 && current["builtIn"] as? Bool == true && current["reviewDays"] as? Int == 3)
            #expect(current[objects: "rules"].map { $0[string: "code"] } == ["R1", "R2", "R3", "R4", "R5", "R6"])
            let r6 = try #require(current[objects: "rules"].last)
            #expect(r6["minAmountOrganisation"] as? Int == 100_000 && (r6["categories"] as? [String]) == ["penalty"])
            #expect((r6["conditions"] as? [String])?.contains("对法人或其他组织涉案金额 100000 元以上") == true)
            #expect(builtIn[objects: "versions"].isEmpty)

            // when: a version that drops situations of art. 58 is refused; the head adopts one that keeps them, with a lower amount
            let floor: [[String: Any]] = MajorDecisionCatalogue.statutoryFloor.map { rule in
                ["code": rule.code, "title": rule.title, "source": rule.source, "factors": rule.factors.map(\.rawValue), "hearingHeld": rule.hearingHeld,
                 "collectiveDiscussion": rule.collectiveDiscussion]
            }
            let a1: [String: Any] = ["code": "A1", "title": "对法人或其他组织处五万元以上罚款的", "source": "元谋县档案局重大执法决定法制审核目录（2026 年版）",
                                     "categories": ["penalty"], "minAmountPerson": 5_000, "minAmountOrganisation": 50_000]
            var loose: [String: Any] = ["rules": [a1, floor[2]], "reviewDays": 5, "note": "按本地标准调整较大数额罚款的金额"]
            try await api.refused(.POST, "/api/v1/review-catalogue", as: "daj.zhoujun", loose, status: .badRequest, code: "input.invalid", rule: "REV-10")
            loose["rules"] = floor + [["code": "A1", "title": "二十万元以上", "source": "本机关规定", "categories": ["penalty"], "minAmountOrganisation": 200_000]]
            try await api.refused(.POST, "/api/v1/review-catalogue", as: "daj.zhoujun", loose, status: .badRequest, code: "input.invalid", rule: "REV-10")
            let version: [String: Any] = ["rules": floor + [a1], "reviewDays": 5, "note": "按本地标准调整较大数额罚款的金额"]
            try await api.refused(.POST, "/api/v1/review-catalogue", as: "daj.chenming", version, status: .forbidden, code: "role.missing", rule: nil)
            let adopted = try await api.ok(.POST, "/api/v1/review-catalogue", as: "daj.zhoujun", version, status: .created)

            // then: version 1 waits for the county justice bureau; its supervisor approves it; it applies from the next working day
            #expect(adopted["version"] as? Int == 1 && adopted["builtIn"] as? Bool == false && adopted["reviewDays"] as? Int == 5)
            #expect(adopted[string: "effectiveOn"] == "2026-11-23" && adopted[object: "approval"]?["status"] as? String == "pending")
            #expect(try await api.ok(.GET, "/api/v1/review-catalogue", as: "daj.fazhi")[object: "current"]?["version"] as? Int == 0)
            let desk = try await api.call(.GET, "/api/v1/review-catalogue/approvals", as: "jiandu", nil)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(desk.body.readableBytesView)) as? [[String: Any]])
            let item = try #require(items.first { $0["version"] as? Int == 1 && $0["organisation"] as? String == "元谋县档案局" })
            #expect(item["actions"] as? [String] == ["catalogue.approve", "catalogue.return"])
            let id = try #require(item["id"] as? String)
            try await api.refused(.POST, "/api/v1/review-catalogue/approvals/\(id)/approve", as: "daj.zhoujun", [:], status: .forbidden,
                                  code: "role.missing", rule: nil)
            let approved = try await api.ok(.POST, "/api/v1/review-catalogue/approvals/\(id)/approve", as: "jiandu", ["note": "同意"])
            #expect(approved["status"] as? String == "approved" && approved[string: "effectiveOn"] == "2026-11-24")
            try await api.refused(.POST, "/api/v1/review-catalogue/approvals/\(id)/return", as: "jiandu", ["reason": "再议"], status: .conflict,
                                  code: "catalogue.decided", rule: "REV-10")
            #expect(try await api.ok(.GET, "/api/v1/review-catalogue", as: "daj.fazhi")[object: "current"]?["version"] as? Int == 0, "not before tomorrow")
            server.clock.set(CivilDate(iso: "2026-11-24")!)
            let now = try await api.ok(.GET, "/api/v1/review-catalogue", as: "daj.fazhi")
            #expect(now[object: "current"]?["version"] as? Int == 1 && now[objects: "versions"].map { $0["version"] as? Int } == [1])
            #expect(now[object: "current"]?[object: "approval"]?["status"] as? String == "approved")
            let requirement = try #require(try await api.ok(.GET, major.review, as: "daj.chenming")[object: "requirement"])
            #expect(requirement["required"] as? Bool == true && requirement["catalogueVersion"] as? Int == 1, "the stricter of the two versions")
            let bounds = try await api.ok(.GET, "/api/v1/review-catalogue/bounds", as: "daj.chenming")
            #expect(bounds["personMax"] as? Int == 10_000 && bounds["organisationMax"] as? Int == 100_000 && bounds["standard"] as? Bool == true)
            #expect((bounds["actions"] as? [String])?.isEmpty == true)
            // a review once asked for still binds (REV-1)
            try await major.submitForSignature(api)
            try await api.refused(.POST, "\(major.document)/sign", as: "daj.zhoujun", code: "review.pending", rule: "REV-1")
            #expect(try await api.ok(.GET, "/api/v1/review-catalogue", as: "scj.wangfang")[object: "current"]?["version"] as? Int == 0, "the market bureau keeps the default")

            // invalid versions are refused
            var noCondition = version
            noCondition["rules"] = [["code": "B1", "title": "所有决定", "source": "本机关规定"]]
            try await api.refused(.POST, "/api/v1/review-catalogue", as: "daj.zhoujun", noCondition, status: .badRequest, code: "input.invalid", rule: "REV-2")
            var past = version
            past["effectiveOn"] = "2026-01-01"
            try await api.refused(.POST, "/api/v1/review-catalogue", as: "daj.zhoujun", past, status: .badRequest, code: "input.invalid", rule: "REV-2")
            var tooLong = version
            tooLong["reviewDays"] = 60
            try await api.refused(.POST, "/api/v1/review-catalogue", as: "daj.zhoujun", tooLong, status: .badRequest, code: "input.invalid", rule: "REV-5")
            #expect(try await api.ok(.GET, "/api/v1/review-catalogue", as: "daj.zhoujun")[objects: "versions"].count == 1)
        }
    }

    // MARK: Helpers
}
