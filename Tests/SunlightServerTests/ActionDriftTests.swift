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
        /// 案件线索: the demo's, one waiting for an extension's approval, one for a 不予立案's (REC-18).
        var leads: [CaseLead.ID] = []
    }

    static func prepare(_ server: TestServer) async throws -> Fixture {
        let sunlight = server.app.sunlight
        func actor(_ username: String) async throws -> Actor {
            try await sunlight.access.actor(for: try await sunlight.store.users.find(username: username)!, channel: .staff, address: nil)
        }
        let market = server.seeded.organisation("元谋县市场监督管理局")
        let archives = server.seeded.organisation("元谋县档案局")
        let visitor = Actor.visitor(address: nil)
        func file(_ to: Organisation, _ subject: String) async throws -> Complaint {
            try await sunlight.supervision.fileComplaint(NewComplaint(organisationID: to.id, subject: subject, description: "超市货架上有过期的牛肉干，店员拒绝退货。",
                                                          anonymous: true), channel: .portal, by: visitor)
        }
        let registered = try await file(market, "超市销售过期食品")
        let handling = try await file(market, "餐馆无证经营")
        let zhangwei = try await sunlight.store.users.find(username: "scj.zhangwei")!
        _ = try await sunlight.supervision.assignComplaint(handling.id, handler: zhangwei.id, note: "请张伟核查", by: try await actor("scj.gongshi"))
        let answered = try await file(archives, "工程档案未移交")
        _ = try await sunlight.supervision.answerComplaint(answered.id, feedback: "已核查，责令限期移交。", by: try await actor("daj.zhoujun"))

        let head = try await actor("scj.wangfang")
        let open = try await sunlight.cases.cases(.running, by: head)
        if let theCase = open.first {
            _ = try await sunlight.supervision.decideOrganisationTransfer(case: theCase.enforcementCase.id, to: archives.id, reason: "不属于本机关管辖的事项", urgent: false, by: head)
        }
        let supervisor = try await actor("jiandu")
        let today = server.clock.today
        _ = try await sunlight.supervision.issueSupervisionInstrument(to: market.id, findings: "决定逾期未公开的问题", requirement: "立即公开并说明原因",
                                                          rectifyBy: today.adding(days: 20), by: supervisor)
        _ = try await sunlight.supervision.recordSupervisionInspection(.daily, of: market.id, title: "行政处罚案卷评查", from: today, to: today,
                                                           scope: "2026 年行政处罚案卷", findings: "部分案卷未附送达回证", problemsFound: true, by: supervisor)
        _ = try await sunlight.supervision.recordSupervisionInspection(.daily, of: archives.id, title: "档案执法检查", from: today, to: today,
                                                           scope: "2026 年档案执法", findings: "未发现问题，执法规范", problemsFound: false, by: supervisor)
        // A catalogue version waiting for the bureau's approval, and one approved (REV-10).
        _ = try await sunlight.reviews.adoptCatalogue(rules: MajorDecisionCatalogue.builtIn.rules, reviewDays: 5, effectiveOn: nil, note: "审核期限改为 5 个工作日",
                                                      by: try await actor("daj.zhoujun"))
        _ = try await sunlight.reviews.adoptCatalogue(rules: MajorDecisionCatalogue.builtIn.rules, reviewDays: 4, effectiveOn: nil, note: "审核期限改为 4 个工作日",
                                                      by: head)
        if let pending = try await sunlight.reviews.catalogueApprovals(by: head)[1] {
            _ = try await sunlight.reviews.approveCatalogue(pending.id, by: supervisor)
        }
        let officers = try await sunlight.standards.publicOfficers(of: market.id).map(\.user.id)
        var fixture = Fixture(complaints: [registered.id, handling.id, answered.id], officers: officers)
        let officer = try await actor("scj.zhangwei")
        let extending = try await sunlight.cases.registerLead(NewCaseLead(source: .monitoring, receivedOn: today, summary: "监测发现网店销售过期保健品。"), by: officer)
        _ = try await sunlight.cases.requestLeadExtension(extending.id, days: 10, reason: "等待平台调取交易数据。", by: officer)
        let declining = try await sunlight.cases.registerLead(NewCaseLead(source: .assignment, receivedOn: today, summary: "上级交办：核查某药店价格违法问题。"), by: officer)
        _ = try await sunlight.cases.declineLead(declining.id, ground: .noViolation, reason: "经核查，明码标价规范。", by: officer)
        fixture.leads = try await sunlight.cases.leads(.all, by: .console("test")).map(\.lead.id)
        return fixture
    }

    @Test("Every demo account sees a form exactly for the actions Core allows it, on every supervision and officer page (SUP-1, SUP-2, SUP-4, SUP-9, SUP-10, STD-2)")
    func pagesOfferWhatCoreAllows() async throws {
        try await TestServer.with { server in
            let fixture = try await Self.prepare(server)
            let sunlight = server.app.sunlight
            let checkedForms = try await DriftWalk.everyAccount(on: server) { walk in
                let actor = walk.actor
                for id in fixture.complaints {
                    try await walk.compare("/staff/complaints/\(DriftWalk.key(id))") {
                        let detail = try await sunlight.supervision.complaint(id, by: actor)
                        return DriftWalk.named(try await sunlight.supervision.complaintActions(id, by: actor), "page")
                            .union(DriftWalk.named(detail.leadStart, "page"))
                    }
                }
                try await walk.compare("/staff/leads") { DriftWalk.named(CaseLeadStart.allowed(for: actor), "page") }
                for id in fixture.leads {
                    try await walk.compare("/staff/leads/\(DriftWalk.key(id))") { DriftWalk.named(try await sunlight.cases.leadActions(id, by: actor), "page") }
                }
                try await walk.compare("/staff/transfers") {
                    let desk = try await sunlight.supervision.transferDesk(by: actor)
                    return desk.items.reduce(DriftWalk.named(desk.start, "page")) { $0.union(DriftWalk.named($1.actions, DriftWalk.key($1.transfer.id))) }
                }
                try await walk.compare("/staff/supervision/instruments") {
                    let desk = try await sunlight.supervision.instrumentDesk(by: actor)
                    let issue: Set<String> = desk.issuableTo.isEmpty ? [] : ["instrument-new.issue@page"]
                    return desk.items.reduce(issue) { $0.union(DriftWalk.named($1.actions, DriftWalk.key($1.instrument.id))) }
                }
                try await walk.compare("/staff/supervision/inspections") {
                    let desk = try await sunlight.supervision.inspectionDesk(by: actor)
                    let record: Set<String> = desk.inspectable.isEmpty ? [] : ["inspection-new.record@page"]
                    return desk.items.reduce(record) { $0.union(DriftWalk.named($1.actions, DriftWalk.key($1.inspection.id))) }
                }
                try await walk.compare("/staff/guiding-cases") {
                    let desk = try await sunlight.supervision.guidingCaseDesk(by: actor)
                    let nominate: Set<String> = desk.nominable.isEmpty ? [] : ["guiding-case-new.nominate@page"]
                    return desk.items.reduce(nominate) { $0.union(DriftWalk.named($1.actions, DriftWalk.key($1.nomination.id))) }
                }
                try await walk.compare("/staff/supervision/catalogues") {
                    try await sunlight.reviews.catalogueApprovalDesk(by: actor).reduce([]) { $0.union(DriftWalk.named($1.actions, DriftWalk.key($1.approval.id))) }
                }
                try await walk.compare("/staff/supervision/referrals") {
                    try await sunlight.supervision.referralDesk(by: actor).reduce([]) { $0.union(DriftWalk.named($1.actions, DriftWalk.key($1.obligation.enforcementCase.id))) }
                }
                for id in fixture.officers {
                    try await walk.compare("/staff/officers/\(DriftWalk.key(id))") {
                        let view = try await sunlight.standards.officerRecord(id, by: actor)
                        return view.certificateActions.reduce(DriftWalk.named(view.actions, "page")) { $0.union(DriftWalk.named($1.value, DriftWalk.key($1.key))) }
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
            for summary in try await sunlight.cases.cases(.all, by: console) {
                let id = summary.enforcementCase.id
                let detail = try await sunlight.cases.caseDetail(id, by: console)
                let active = detail.officers.filter(\.assignment.isActive).map(\.user.id)
                pages.append(("/staff/cases/\(DriftWalk.key(id))", { actor in
                    let allowed = try await sunlight.cases.caseActions(id, by: actor)
                    var names = DriftWalk.named(allowed.subtracting([.recuse]), "page")
                    if allowed.contains(.recuse) { for officer in active { names.insert("case.recuse@\(DriftWalk.key(officer))") } }
                    return names
                }))
                for document in detail.documents {
                    pages.append(("/staff/documents/\(DriftWalk.key(document.id))", { actor in
                        DriftWalk.named(try await sunlight.cases.documentActions(document.id, by: actor), "page")
                    }))
                }
                for round in try await sunlight.store.reviews.records(ofCase: id) where round.submission != nil {
                    pages.append(("/staff/reviews/\(DriftWalk.key(round.id))", { actor in
                        DriftWalk.named(try await sunlight.reviews.reviewRoundActions(round.id, by: actor), "page")
                    }))
                }
            }
            let walked = pages
            let checkedForms = try await DriftWalk.everyAccount(on: server) { walk in
                for (path, expected) in walked {
                    try await walk.compare(path) { try await expected(walk.actor) }
                }
            }
            #expect(pages.count > 5 && checkedForms > 20, "the walk saw pages (\(pages.count)) and forms (\(checkedForms)) to compare")
        }
    }

    @Test("The API's case and document details list exactly the actions Core allows the token's holder, as the pages do (REC-1, REC-6)")
    func apiListsWhatCoreAllows() async throws {
        try await TestServer.with { server in
            let sunlight = server.app.sunlight
            let console = Actor.console("test")
            let cases = try await sunlight.cases.cases(.all, by: console).map(\.enforcementCase.id)
            func listed(_ path: String, token: String) async throws -> Set<String>? {
                let response = try await server.api(.GET, path, token: token)
                guard response.status == .ok else { return nil }
                let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                return Set(try #require(body["actions"] as? [String], "\(path) lists its actions"))
            }
            var compared = 0
            for username in ["scj.zhangwei", "scj.lina", "scj.wangfang", "scj.fazhi", "jiandu", "daj.zhoujun"] {
                let token = try await server.token(for: username)
                let actor = try await sunlight.access.actor(for: try #require(try await sunlight.store.users.find(username: username)), channel: .api, address: nil)
                for id in cases {
                    let allowed = Set(((try? await sunlight.cases.caseActions(id, by: actor)) ?? []).map(\.qualifiedName))
                    let shown = try await listed("/api/v1/cases/\(DriftWalk.key(id))", token: token)
                    #expect(shown == nil ? allowed.isEmpty : shown == allowed, "\(username) on case \(id): API \(shown.map { $0.sorted() } ?? []) Core \(allowed.sorted())")
                    compared += allowed.count
                    for document in try await sunlight.cases.caseDetail(id, by: console).documents {
                        let allowed = Set(((try? await sunlight.cases.documentActions(document.id, by: actor)) ?? []).map(\.qualifiedName))
                        let shown = try await listed("/api/v1/documents/\(DriftWalk.key(document.id))", token: token)
                        #expect(shown == nil ? allowed.isEmpty : shown == allowed, "\(username) on document \(document.id)")
                        compared += allowed.count
                    }
                }
            }
            #expect(compared > 10, "the API listed actions to compare (\(compared))")
        }
    }

    @Test("A supervisor may assign, answer and close a complaint handled below the bureau, and the page offers it (SUP-1)")
    func supervisorWorksSubordinateComplaint() async throws {
        try await TestServer.with { server in
            let fixture = try await Self.prepare(server)
            let supervisor = server.browser()
            try await supervisor.logIn("jiandu")
            let page = try await supervisor.get("/staff/complaints/\(DriftWalk.key(fixture.complaints[0]))")
            let shown = DriftWalk.offered(page.body.string)
            #expect(shown == ["complaint.assign@page", "complaint.take@page", "complaint.answer@page"])
            let answered = try await supervisor.post("/staff/complaints/\(DriftWalk.key(fixture.complaints[0]))/answer", [("feedback", "已责令超市下架并退货。")])
            #expect(answered.status == .seeOther)
            let after = DriftWalk.offered(try await supervisor.get("/staff/complaints/\(DriftWalk.key(fixture.complaints[0]))").body.string)
            #expect(after == ["complaint.close@page"])
        }
    }
}
