import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

@Suite("查封、扣押接口 REC-16 REC-17")
struct SeizureApiTests {
    @Test("A seizure case through the JSON API: a 60-day term refused, termination refused while seized, one extension approved by another head, release with reason, then the case moves on (REC-16, REC-17; 行政强制法第二十五条、第二十八条)")
    func seizureCase() async throws {
        try await TestServer.with { server in
            let api = try await CaseApiClient.make(server, also: ["zf.zhoutao", "zf.sunqiang"])
            let officer = "zf.zhoutao", head = "zf.sunqiang"
            let opened = try await api.ok(.POST, "/api/v1/cases", as: officer, [
                "title": "扣押占道经营的流动摊点设施", "category": "coercion", "source": "inspection", "violationOn": server.clock.today.iso,
                "parties": [["kind": "person", "name": "王小明"]], "officers": [try await api.user(head)]], status: .created)
            let id = try #require(opened[string: "id"])
            func issue(_ type: DocumentType, _ fields: [String: String] = [:]) async throws -> String {
                let document = try await api.submitted(id, type, fields, drafter: officer)
                try await api.ok(.POST, "/api/v1/documents/\(document)/sign", as: head)
                try await api.ok(.POST, "/api/v1/documents/\(document)/issue", as: officer)
                return document
            }
            func exempted() async throws {
                try await api.ok(.POST, "/api/v1/cases/\(id)/audio-video-exemptions", as: officer, ["reason": "执法记录仪故障，已制作书面笔录并经当事人签字"])
                try await api.ok(.POST, "/api/v1/cases/\(id)/audio-video-exemptions/approve", as: head)
            }
            _ = try await issue(.openingApproval)
            try await api.complete(id, as: officer)
            _ = try await issue(.inspectionRecord)
            try await exempted()
            try await api.complete(id, as: officer)

            try await api.refused(.POST, "/api/v1/cases/\(id)/documents", as: officer,
                                  ["type": "seizure_decision", "fields": DocumentType.seizureDecision.sampleFields(["term": "60"])],
                                  status: .badRequest, code: "input.invalid", rule: "REC-16")
            let decision = try await issue(.seizureDecision, ["term": "30", "items": "三轮车 1 辆", "place": "元马镇龙川街 12 号门前"])
            try await exempted()
            #expect(try await api.complete(id, as: officer)[string: "stage"] == "handling")
            var clocks = try await api.detail(id, as: head)[objects: "clocks"].filter { $0[string: "kind"] == "seizure" }
            #expect(clocks.map { $0[string: "due"] } == ["2026-12-23"] && clocks.first?[string: "rule"] == "REC-16")
            try await api.refused(.POST, "/api/v1/cases/\(id)/status", as: head, ["action": "terminate", "reason": "当事人已自行整改"],
                                  code: "case.seizure_active", rule: "REC-16")

            try await api.ok(.POST, "/api/v1/cases/\(id)/extensions", as: officer, ["days": 30, "reason": "需检测财物来源，情况复杂"])
            let request = try #require(try await api.detail(id, as: head)[objects: "events"].last { $0[string: "kind"] == "extension_requested" }?[string: "id"])
            try await api.ok(.POST, "/api/v1/cases/\(id)/extensions/\(request)/approve", as: head, [:])
            try await api.complete(id, as: officer)
            try await api.refused(.POST, "/api/v1/cases/\(id)/stage/complete", as: officer, code: "case.seizure_active", rule: "REC-16")

            try await api.refused(.POST, "/api/v1/cases/\(id)/seizures/\(decision)/release", as: officer, ["reason": "当事人已自行拆除"],
                                  status: .forbidden, code: "role.missing", rule: nil)
            try await api.ok(.POST, "/api/v1/cases/\(id)/seizures/\(decision)/release", as: head, ["reason": "当事人已自行拆除并承诺不再占道"])
            clocks = try await api.detail(id, as: head)[objects: "clocks"].filter { $0[string: "kind"] == "seizure" }
            #expect(clocks.isEmpty)
            #expect(try await api.complete(id, as: officer)[string: "stage"] == "archiving")
        }
    }
}
