import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// One decision per permission on the publicity, coordination and assessment pages: every form
/// (`data-action`) is shown exactly for the actions Core's permission functions allow the reader,
/// for every demo account — the functions the use cases call before they change anything.
@Suite struct PublicityCoordinationDriftTests {
    struct Fixture {
        let publications: [DecisionPublication.ID]
        let draws: [InspectionDraw.ID]
        let matters: [CoordinationMatter.ID]
    }

    static func prepare(_ server: TestServer) async throws -> Fixture {
        let sunlight = server.app.sunlight
        func actor(_ username: String) async throws -> Actor {
            try await sunlight.access.actor(for: try await sunlight.store.users.find(username: username)!, channel: .staff, address: nil)
        }
        let market = server.seeded.organisation("元谋县市场监督管理局")
        let archives = server.seeded.organisation("元谋县档案局")
        let town = try #require(try await sunlight.organisations.publicOrganisationTree().nodes.map(\.organisation).first { $0.level == .town })
        let today = server.clock.today
        // Lists: a draft by an officer and one by the clerk, who may check only the first (PUB-3).
        _ = try await sunlight.publicity.draftListEntry(.item, organisationID: market.id, fields: Self.itemFields, effectiveFrom: today, by: try await actor("scj.zhangwei"))
        _ = try await sunlight.publicity.draftListEntry(.item, organisationID: market.id, fields: Self.itemFields, effectiveFrom: today, by: try await actor("scj.gongshi"))
        // Coordination: a dispute, an assistance request, an accountability record, a meeting, a route.
        let head = try await actor("scj.wangfang")
        let dispute = try await sunlight.supervision.applyForDisputeCoordination(against: archives.id, subject: "档案执法职责争议", details: "企业档案检查的职责划分不清。",
                                                                     consultation: "两局已当面协商，未达成一致。", by: head)
        let assistance = try await sunlight.supervision.requestAssistance(from: market.id, kind: CoordinationFlow.assistanceKinds[0], subject: "食品抽检",
                                                              details: "请协助对镇上超市的食品进行抽检。", by: try await actor("ym.yangfan"))
        let supervisor = try await actor("jiandu")
        let accountability = try await sunlight.supervision.recordAccountability(of: market.id, person: "张某", fault: "逾期未公开行政处罚决定。", basis: "", by: supervisor)
        let meeting = try await sunlight.supervision.recordJointMeeting(kind: .coordinationConference, title: "2026 年执法协调监督联席会议", heldOn: today, place: "县司法局",
                                                            members: [market.id, archives.id, town.id], attendees: "各成员单位负责人",
                                                            minutes: "会议研究了执法协调事项。", items: [DecidedItemDraft(text: "市场监管局牵头开展食品安全联合检查", ownerID: market.id,
                                                                                                             dueOn: today.adding(days: 30))], by: supervisor)
        _ = try await sunlight.supervision.addApprovalRoute(from: market.id, to: archives.id, keyword: "", by: try await actor("admin"))
        let console = Actor.console("test")
        return Fixture(publications: try await sunlight.publicity.publications(by: console).map(\.id), draws: try await sunlight.publicity.draws(by: console).map(\.id),
                       matters: [dispute.id, assistance.id, accountability.id] + meeting.items.map(\.matterID))
    }

    static let itemFields = [
        "code": "5323280-CF-099", "name": "对经营超过保质期的食品的处罚", "powerCategory": "行政处罚", "enforcementCategory": "行政处罚",
        "law": "中华人民共和国食品安全法", "article": "第一百二十四条", "responsibleOrganisation": "元谋县市场监督管理局", "entrusted": "否",
        "timeLimit": "立案之日起 90 日",
    ]

    typealias Drift = DriftWalk

    @Test("Every demo account sees a form exactly for the actions Core allows it on the publicity, list, coordination and assessment pages (PUB-3, PUB-6..9, SUP-3, SUP-7, SUP-8, SUP-11..13)")
    func pagesOfferWhatCoreAllows() async throws {
        try await TestServer.with { server in
            let fixture = try await Self.prepare(server)
            let sunlight = server.app.sunlight
            let checkedForms = try await DriftWalk.everyAccount(on: server) { walk in
                let actor = walk.actor

                for id in fixture.publications {
                    try await walk.compare("/staff/publications/\(Drift.key(id))") { Drift.named(try await sunlight.publicity.publicationDetail(id, by: actor).actions, "page") }
                }
                try await walk.compare("/staff/draws") { Drift.named(try await sunlight.publicity.drawDesk(by: actor).start, "page") }
                // 年度报告: last year's may be published by a head of the organisation (PUB-12).
                try await walk.compare("/staff/annual-report?year=2025") {
                    guard let organisation = actor.organisation else { return [] }
                    return Drift.named(try await sunlight.publicity.annualReportActions(of: organisation.id, year: 2025, by: actor), "page")
                }
                for id in fixture.draws {
                    try await walk.compare("/staff/draws/\(Drift.key(id))") { Drift.named(try await sunlight.publicity.drawDetail(id, by: actor).actions, "page") }
                }
                try await walk.compare("/staff/lists/item") {
                    let desk = try await sunlight.publicity.listDesk(.item, by: actor)
                    let repeal = desk.actions.contains(.repeal) ? Set(desk.current.map { "list.repeal@\(Drift.key($0.version.entryID))" }) : []
                    return Drift.named(desk.actions.subtracting([.repeal]), "page").union(repeal)
                }
                try await walk.compare("/staff/lists/item/new") { Drift.named(sunlight.publicity.listActions(by: actor).intersection([.draft]), "page") }
                try await walk.compare("/staff/checks") {
                    try await sunlight.publicity.listCheckQueue(by: actor).reduce([]) { $0.union(Drift.named($1.actions, Drift.key($1.draft.id))) }
                }
                try await walk.compare("/staff/coordination") { Drift.named(try await sunlight.supervision.coordinationDesk(by: actor).start, "page") }
                for id in fixture.matters {
                    try await walk.compare("/staff/coordination/\(Drift.key(id))") { Drift.named(try await sunlight.supervision.coordinationMatterDetail(id, by: actor).actions, "page") }
                }
                try await walk.compare("/staff/coordination/meetings") { Drift.named(try await sunlight.supervision.jointMeetingDesk(by: actor).start, "page") }
                try await walk.compare("/staff/coordination/routes") {
                    let desk = try await sunlight.supervision.approvalRouteDesk(by: actor)
                    return desk.items.reduce(Drift.named(desk.start, "page")) { $0.union(Drift.named($1.actions, Drift.key($1.route.id))) }
                }
                try await walk.compare("/staff/assessment") {
                    let desk = try await sunlight.supervision.assessmentDesk(year: server.clock.today.year, by: actor)
                    return desk.ratings.reduce(Drift.named(desk.start, "page")) { $0.union(Drift.named($1.actions, Drift.key($1.rating.organisationID))) }
                }
            }
            #expect(checkedForms > 50, "the walk saw forms to compare (\(checkedForms))")
        }
    }

    @Test("An officer of the organisation may report that a published decision was changed, and the page offers it; only the clerk or head withdraws (PUB-7)")
    func officerReportsChange() async throws {
        try await TestServer.with { server in
            let console = Actor.console("test")
            let published = try #require(try await server.app.sunlight.publicity.publications(statuses: [.published], by: console).first)
            let officer = server.browser()
            try await officer.logIn("scj.zhangwei")
            let path = "/staff/publications/\(Drift.key(published.id))"
            #expect(Drift.offered(try await officer.get(path).body.string) == ["publication.change@page"])
            let reported = try await officer.post("\(path)/change", [("kind", DecisionPublication.ChangeKind.allCases[0].rawValue), ("changedOn", server.clock.today.iso)])
            #expect(reported.status == .seeOther)
            #expect(Drift.offered(try await officer.get(path).body.string).isEmpty)
        }
    }

    @Test("The publicity clerk is not offered the check of their own draft, which Core refuses (PUB-3)")
    func clerkNotOfferedOwnDraft() async throws {
        try await TestServer.with { server in
            let sunlight = server.app.sunlight
            let market = server.seeded.organisation("元谋县市场监督管理局")
            let clerkActor = try await sunlight.access.actor(for: try await sunlight.store.users.find(username: "scj.gongshi")!, channel: .staff, address: nil)
            let own = try await sunlight.publicity.draftListEntry(.item, organisationID: market.id, fields: Self.itemFields, effectiveFrom: server.clock.today, by: clerkActor)
            let clerk = server.browser()
            try await clerk.logIn("scj.gongshi")
            let page = try await clerk.get("/staff/checks").body.string
            #expect(page.contains(own.title) && !Drift.offered(page).contains("list-check.check@\(Drift.key(own.id))"))
            await #expect { try await sunlight.publicity.checkListEntry(own.id, approve: true, note: nil, by: clerkActor) } throws: { error in
                (error as? SunlightError)?.code == "list.self_check"
            }
        }
    }

    @Test("A retired approval route cannot be retired again, and the page offers no retire form for it (SUP-12)")
    func retiredRouteNotRetiredAgain() async throws {
        try await TestServer.with { server in
            // given an active route
            let sunlight = server.app.sunlight
            let admin = try await sunlight.access.actor(for: try await sunlight.store.users.find(username: "admin")!, channel: .staff, address: nil)
            let route = try await sunlight.supervision.addApprovalRoute(from: server.seeded.organisation("元谋县市场监督管理局").id,
                                                           to: server.seeded.organisation("元谋县档案局").id, keyword: "", by: admin)
            let browser = server.browser()
            try await browser.logIn("admin")
            #expect(Drift.offered(try await browser.get("/staff/coordination/routes").body.string).contains("route.retire@\(Drift.key(route.id))"))
            // when it is retired
            _ = try await sunlight.supervision.retireApprovalRoute(route.id, by: admin)
            // then Core refuses a second retirement and the page offers none
            await #expect { try await sunlight.supervision.retireApprovalRoute(route.id, by: admin) } throws: { error in
                (error as? SunlightError)?.code == "approval_route.retired"
            }
            #expect(!Drift.offered(try await browser.get("/staff/coordination/routes").body.string).contains("route.retire@\(Drift.key(route.id))"))
        }
    }
}
