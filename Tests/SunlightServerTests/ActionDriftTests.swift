import Foundation
@testable import SunlightCore
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// One decision per permission: every page that offers actions shows a form (`data-action`)
/// exactly for the actions Core's permission functions allow that reader on that record — the
/// same functions the use cases call before they change anything. Walked for every demo account.
@Suite struct ActionDriftTests {
    /// Records in several states, so every page has something to offer someone.
    struct Fixture {
        let complaints: [Complaint.ID]
        let officers: [StaffUser.ID]
    }

    static func prepare(_ server: TestServer) async throws -> Fixture {
        let sunlight = server.app.sunlight
        func actor(_ username: String) async throws -> Actor {
            try await sunlight.actor(for: try await sunlight.store.users.find(username: username)!, channel: .staff, address: nil)
        }
        let market = server.seeded.organisation("元谋县市场监督管理局")
        let archives = server.seeded.organisation("元谋县档案局")
        let visitor = Actor.visitor(address: nil)
        func file(_ to: Organisation, _ subject: String) async throws -> Complaint {
            try await sunlight.fileComplaint(NewComplaint(organisationID: to.id, subject: subject, description: "超市货架上有过期的牛肉干，店员拒绝退货。",
                                                          anonymous: true), channel: .portal, by: visitor)
        }
        let registered = try await file(market, "超市销售过期食品")
        let handling = try await file(market, "餐馆无证经营")
        let zhangwei = try await sunlight.store.users.find(username: "scj.zhangwei")!
        _ = try await sunlight.assignComplaint(handling.id, handler: zhangwei.id, note: "请张伟核查", by: try await actor("scj.gongshi"))
        let answered = try await file(archives, "工程档案未移交")
        _ = try await sunlight.answerComplaint(answered.id, feedback: "已核查，责令限期移交。", by: try await actor("daj.zhoujun"))

        let head = try await actor("scj.wangfang")
        let open = try await sunlight.cases(.running, by: head)
        if let theCase = open.first {
            _ = try await sunlight.decideOrganisationTransfer(case: theCase.enforcementCase.id, to: archives.id, reason: "不属于本机关管辖的事项", urgent: false, by: head)
        }
        let supervisor = try await actor("jiandu")
        let today = server.clock.today
        _ = try await sunlight.issueSupervisionInstrument(to: market.id, findings: "决定逾期未公开的问题", requirement: "立即公开并说明原因",
                                                          rectifyBy: today.adding(days: 20), by: supervisor)
        _ = try await sunlight.recordSupervisionInspection(.daily, of: market.id, title: "行政处罚案卷评查", from: today, to: today,
                                                           scope: "2026 年行政处罚案卷", findings: "部分案卷未附送达回证", problemsFound: true, by: supervisor)
        _ = try await sunlight.recordSupervisionInspection(.daily, of: archives.id, title: "档案执法检查", from: today, to: today,
                                                           scope: "2026 年档案执法", findings: "未发现问题，执法规范", problemsFound: false, by: supervisor)
        let officers = try await sunlight.publicOfficers(of: market.id).map(\.user.id)
        return Fixture(complaints: [registered.id, handling.id, answered.id], officers: officers)
    }

    /// The `data-action` forms of a page, as `action@record` (`@page` when the form names no record).
    static func offered(_ html: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"data-action="([^"]+)"(?: data-record="([^"]+)")?"#)
        let range = NSRange(html.startIndex..., in: html)
        return Set(pattern.matches(in: html, range: range).map { match in
            let action = String(html[Range(match.range(at: 1), in: html)!])
            let record = Range(match.range(at: 2), in: html).map { String(html[$0]) } ?? "page"
            return "\(action)@\(record)"
        })
    }

    static func named<A: NamedAction & RawRepresentable & Hashable>(_ actions: Set<A>, _ record: String) -> Set<String> where A.RawValue == String {
        Set(actions.map { "\($0.qualifiedName)@\(record)" })
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    @Test("Every demo account sees a form exactly for the actions Core allows it, on every supervision and officer page (SUP-1, SUP-2, SUP-4, SUP-9, SUP-10, STD-2)")
    func pagesOfferWhatCoreAllows() async throws {
        try await TestServer.with { server in
            let fixture = try await Self.prepare(server)
            let sunlight = server.app.sunlight
            var checkedForms = 0
            for account in server.seeded.accounts {
                let user = try await sunlight.store.users.find(username: account.username)!
                let actor = try await sunlight.actor(for: user, channel: .staff, address: nil)
                let browser = server.browser()
                try await browser.logIn(account.username)

                /// Compares a page with what Core allows; a page the reader may not open must offer nothing.
                func compare(_ path: String, _ expected: () async throws -> Set<String>) async throws {
                    let page = try await browser.get(path)
                    let allowed = (try? await expected()) ?? []
                    if page.status == .ok {
                        let shown = Self.offered(page.body.string)
                        #expect(shown == allowed, "\(account.username) on \(path): shown \(shown.subtracting(allowed).sorted()) not allowed; allowed \(allowed.subtracting(shown).sorted()) not shown")
                        checkedForms += shown.count
                    } else {
                        #expect(allowed.isEmpty, "\(account.username) cannot open \(path) (\(page.status.code)) but Core allows \(allowed.sorted())")
                    }
                }

                for id in fixture.complaints {
                    try await compare("/staff/complaints/\(Self.key(id))") {
                        Self.named(try await sunlight.complaintActions(id, by: actor), "page")
                    }
                }
                try await compare("/staff/transfers") {
                    let desk = try await sunlight.transferDesk(by: actor)
                    return desk.items.reduce(Self.named(desk.start, "page")) { $0.union(Self.named($1.actions, Self.key($1.transfer.id))) }
                }
                try await compare("/staff/supervision/instruments") {
                    let desk = try await sunlight.instrumentDesk(by: actor)
                    let issue: Set<String> = desk.issuableTo.isEmpty ? [] : ["instrument-new.issue@page"]
                    return desk.items.reduce(issue) { $0.union(Self.named($1.actions, Self.key($1.instrument.id))) }
                }
                try await compare("/staff/supervision/inspections") {
                    let desk = try await sunlight.inspectionDesk(by: actor)
                    let record: Set<String> = desk.inspectable.isEmpty ? [] : ["inspection-new.record@page"]
                    return desk.items.reduce(record) { $0.union(Self.named($1.actions, Self.key($1.inspection.id))) }
                }
                try await compare("/staff/guiding-cases") {
                    let desk = try await sunlight.guidingCaseDesk(by: actor)
                    let nominate: Set<String> = desk.nominable.isEmpty ? [] : ["guiding-case-new.nominate@page"]
                    return desk.items.reduce(nominate) { $0.union(Self.named($1.actions, Self.key($1.nomination.id))) }
                }
                try await compare("/staff/supervision/referrals") {
                    try await sunlight.referralDesk(by: actor).reduce([]) { $0.union(Self.named($1.actions, Self.key($1.obligation.enforcementCase.id))) }
                }
                for id in fixture.officers {
                    try await compare("/staff/officers/\(Self.key(id))") {
                        let view = try await sunlight.officerRecord(id, by: actor)
                        return view.certificateActions.reduce(Self.named(view.actions, "page")) { $0.union(Self.named($1.value, Self.key($1.key))) }
                    }
                }
            }
            #expect(checkedForms > 50, "the walk saw forms to compare (\(checkedForms))")
        }
    }

    @Test("Every demo account sees a form exactly for the steps Core allows it on every case, document and review-round page (REC-1, REC-3, REC-6, REC-7, REC-13, REV-3, REV-5..8)")
    func casePagesOfferWhatCoreAllows() async throws {
        try await TestServer.with { server in
            let sunlight = server.app.sunlight
            let console = Actor.console("test")
            var pages: [(path: String, expected: @Sendable (Actor) async throws -> Set<String>)] = []
            for summary in try await sunlight.cases(.all, by: console) {
                let id = summary.enforcementCase.id
                let detail = try await sunlight.caseDetail(id, by: console)
                let active = detail.officers.filter(\.assignment.isActive).map(\.user.id)
                pages.append(("/staff/cases/\(Self.key(id))", { actor in
                    let allowed = try await sunlight.caseActions(id, by: actor)
                    var names = Self.named(allowed.subtracting([.recuse]), "page")
                    if allowed.contains(.recuse) { for officer in active { names.insert("case.recuse@\(Self.key(officer))") } }
                    return names
                }))
                for document in detail.documents {
                    pages.append(("/staff/documents/\(Self.key(document.id))", { actor in
                        Self.named(try await sunlight.documentActions(document.id, by: actor), "page")
                    }))
                }
                for round in try await sunlight.store.reviews.records(ofCase: id) where round.submission != nil {
                    pages.append(("/staff/reviews/\(Self.key(round.id))", { actor in
                        Self.named(try await sunlight.reviewRoundActions(round.id, by: actor), "page")
                    }))
                }
            }
            var checkedForms = 0
            for account in server.seeded.accounts {
                let user = try await sunlight.store.users.find(username: account.username)!
                let actor = try await sunlight.actor(for: user, channel: .staff, address: nil)
                let browser = server.browser()
                try await browser.logIn(account.username)
                for (path, expected) in pages {
                    let page = try await browser.get(path)
                    let allowed = (try? await expected(actor)) ?? []
                    if page.status == .ok {
                        let shown = Self.offered(page.body.string)
                        #expect(shown == allowed, "\(account.username) on \(path): shown \(shown.subtracting(allowed).sorted()) not allowed; allowed \(allowed.subtracting(shown).sorted()) not shown")
                        checkedForms += shown.count
                    } else {
                        #expect(allowed.isEmpty, "\(account.username) cannot open \(path) (\(page.status.code)) but Core allows \(allowed.sorted())")
                    }
                }
            }
            #expect(pages.count > 5 && checkedForms > 20, "the walk saw pages (\(pages.count)) and forms (\(checkedForms)) to compare")
        }
    }

    @Test("A supervisor may assign, answer and close a complaint handled below the bureau, and the page offers it (SUP-1)")
    func supervisorWorksSubordinateComplaint() async throws {
        try await TestServer.with { server in
            let fixture = try await Self.prepare(server)
            let supervisor = server.browser()
            try await supervisor.logIn("jiandu")
            let page = try await supervisor.get("/staff/complaints/\(Self.key(fixture.complaints[0]))")
            let shown = Self.offered(page.body.string)
            #expect(shown == ["complaint.assign@page", "complaint.take@page", "complaint.answer@page"])
            let answered = try await supervisor.post("/staff/complaints/\(Self.key(fixture.complaints[0]))/answer", [("feedback", "已责令超市下架并退货。")])
            #expect(answered.status == .seeOther)
            let after = Self.offered(try await supervisor.get("/staff/complaints/\(Self.key(fixture.complaints[0]))").body.string)
            #expect(after == ["complaint.close@page"])
        }
    }
}
