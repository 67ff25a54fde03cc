import Foundation
import SunlightArchive
@testable import SunlightCore
import Testing
import Vapor
import VaporTesting

@Suite("案卷下载 REC-10")
struct CaseFileDownloadTests {
    @Test("REC-10: a head downloads the case file from the staff UI and it verifies offline; another bureau is refused and logged")
    func download() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let simple = try await server.app.sunlight.store.cases.list(organisations: [market.id], filter: .all, limit: 10).first { $0.simple }!
            let browser = server.browser()
            try await browser.logIn("scj.wangfang")
            let response = try await browser.get("/staff/cases/\(simple.id.uuidString.lowercased())/case-file.zip")
            #expect(response.status == .ok)
            #expect(response.headers.contentType == HTTPMediaType(type: "application", subType: "zip"))
            #expect(response.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString).zip")
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(response.body.readableBytesView).write(to: url)
            let report = CaseFileVerifier.verify(try ZipCaseFile(url: url), verifier: server.app.sunlight.ledger.verifier)
            #expect(report.isValid, "\(report.problems)")
            #expect(report.caseNumber == simple.number && report.leavesChecked > 10)

            let outsider = server.browser()
            try await outsider.logIn("daj.chenming")
            #expect(try await outsider.get("/staff/cases/\(simple.id.uuidString.lowercased())/case-file.zip").status == .forbidden)
            #expect(try await server.accessLog().contains { $0.action == .denied && $0.actorName.contains("陈明") && $0.resourceType == "case" })
        }
    }

    @Test("REC-10: API clients download the case file with a token; an unknown case is 404")
    func apiDownload() async throws {
        try await TestServer.with { server in
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let found = try await server.app.sunlight.store.cases.list(organisations: [market.id], filter: .all, limit: 10).first!
            let token = try await server.token(for: "scj.zhangwei")
            let response = try await server.api(.GET, "/api/v1/cases/\(found.id.uuidString.lowercased())/file", token: token)
            #expect(response.status == .ok && Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "a zip starts with PK")
            #expect(try await server.api(.GET, "/api/v1/cases/\(UUID().uuidString.lowercased())/file", token: token).status == .notFound)
        }
    }
}
