import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// The supervision records' JSON API reads what their staff pages read (issue 15 item 14).
@Suite("监督记录接口 SUP-2 SUP-3 SUP-4 SUP-8 SUP-10")
struct SupervisionRecordsApiTests {
    static let pairs = [("/staff/transfers", "/api/v1/transfers"), ("/staff/supervision/instruments", "/api/v1/supervision-instruments"),
                        ("/staff/coordination", "/api/v1/coordination-matters"), ("/staff/assessment", "/api/v1/assessments"),
                        ("/staff/guiding-cases", "/api/v1/guiding-cases")]

    @Test("SUP-2, SUP-3, SUP-4, SUP-8, SUP-10: every demo account gets from the API what it gets from the page — refused on both with the same status, or served on both")
    func sameAnswerAsThePage() async throws {
        try await TestServer.with { server in
            // given: a transfer and a supervision instrument of the market bureau
            _ = try await ActionDriftTests.prepare(server)
            for account in server.seeded.accounts {
                let browser = server.browser()
                try await browser.logIn(account.username)
                let token = try await server.token(for: account.username)
                for (page, api) in Self.pairs {
                    // when
                    let onPage = try await browser.get(page)
                    let onApi = try await server.api(.GET, api, token: token)
                    // then
                    #expect(onPage.status == onApi.status, "\(account.username) \(page) \(onPage.status.code), \(api) \(onApi.status.code)")
                }
            }
        }
    }

    @Test("SUP-2, SUP-4: the list is the caller's desk with its actions; another organisation's caller gets 404 on the record, as its page does not list it")
    func scopedRecords() async throws {
        try await TestServer.with { server in
            // given
            _ = try await ActionDriftTests.prepare(server)
            let sunlight = server.app.sunlight
            let head = try await sunlight.access.actor(for: try #require(try await sunlight.store.users.find(username: "scj.wangfang")),
                                                       channel: .api, address: nil)
            let transfer = try #require(try await sunlight.supervision.transferDesk(by: head).items.first)
            let supervisor = try await server.token(for: "jiandu")
            let instruments = try await server.api(.GET, "/api/v1/supervision-instruments", token: supervisor)
            let instrumentID = try #require((try server.json(instruments)["items"] as? [[String: Any]])?.first?["id"] as? String)
            // when: the bureau's head reads its transfer; a head of an organisation outside both reads each
            let own = try await server.api(.GET, "/api/v1/transfers/\(transfer.transfer.id)", token: try await server.token(for: "scj.wangfang"))
            let other = try await server.token(for: "zf.sunqiang")  // neither sender (market) nor receiver (archives)
            let otherTransfer = try await server.api(.GET, "/api/v1/transfers/\(transfer.transfer.id)", token: other)
            let otherInstrument = try await server.api(.GET, "/api/v1/supervision-instruments/\(instrumentID)", token: other)
            let marketInstrument = try await server.api(.GET, "/api/v1/supervision-instruments/\(instrumentID)", token: try await server.token(for: "scj.wangfang"))
            // then
            #expect(own.status == .ok)
            #expect(try server.json(own)["actions"] as? [String] == transfer.actions.map(\.rawValue).sorted())
            #expect(otherTransfer.status == .notFound && otherTransfer.apiError != nil)
            #expect(otherInstrument.status == .notFound)
            #expect(marketInstrument.status == .ok)
            #expect(try await server.api(.GET, "/api/v1/transfers/\(UUID().uuidString)", token: supervisor).status == .notFound)
        }
    }
}
