import Foundation
import SunlightCore
import SunlightTestSupport

/// What the conformance suites build their rows from: a fixed instant, organisations, a user, a case.
enum Conformance {
    static let t0 = ChinaTime.startOfDay(CivilDate(iso: "2026-11-23")!)
    static let day = CivilDate(iso: "2026-11-23")!

    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    static func organisation(_ name: String, under parent: Organisation? = nil, kind: OrganisationKind = .government,
                             level: AdministrativeLevel = .county) -> Organisation {
        let id = UUID()
        return Organisation(id: id, parentID: parent?.id, name: name, shortName: "简", kind: kind, level: level,
                            path: Organisation.path(for: id, under: parent), createdAt: t0)
    }

    static func user(_ username: String, in organisation: Organisation) -> StaffUser {
        StaffUser(organisationID: organisation.id, username: username, displayName: "甲", roles: [.officer], passwordHash: "h", createdAt: t0)
    }

    static func enforcementCase(_ number: String, title: String = "销售过期食品案", in organisation: Organisation, openedAt seconds: Double = 0,
                                category: EnforcementCategory = .penalty, status: EnforcementCase.Status = .open, simple: Bool = false) -> EnforcementCase {
        EnforcementCase(organisationID: organisation.id, number: number, title: title, category: category, simple: simple, itemEntryID: nil,
                        source: .inspection, violationOn: nil, endangersSafety: false, openedOn: ChinaTime.date(of: at(seconds)), openedAt: at(seconds),
                        openedBy: nil, decisionDays: 90, classification: .normal, stage: "investigation", status: status)
    }

    /// A publication of a decision in a stored case and document (the databases check both).
    static func publication(_ store: any Store, _ number: String, _ organisation: Organisation, decided: String, status: DecisionPublication.Status,
                            text: String = "", note: String? = nil, category: EnforcementCategory = .penalty) async throws -> DecisionPublication {
        let theCase = enforcementCase("案-\(number)", in: organisation)
        try await store.cases.insert(theCase)
        let document = CaseDocument(caseID: theCase.id, type: .penaltyDecision, stage: "decision", fields: [:], draftedBy: nil, draftedAt: t0)
        try await store.caseRecords.insert(document)
        let publication = DecisionPublication(organisationID: organisation.id, caseID: theCase.id, documentID: document.id, category: category,
                                              decisionType: .penaltyDecision, number: number, title: "某某公司销售过期食品案",
                                              decidedOn: CivilDate(iso: decided)!, dueOn: nil, status: status, note: note,
                                              content: [PublishedField(key: "facts", label: "违法事实", text: text)],
                                              publishedOn: status == .due ? nil : CivilDate(iso: decided))
        try await store.publications.insert(publication)
        return publication
    }

    /// Two counties, the first with a department: the organisations most filters need.
    struct World {
        let county: Organisation
        let market: Organisation
        let other: Organisation
    }

    static func world(_ store: any Store) async throws -> World {
        let county = organisation("元谋县人民政府")
        let world = World(county: county, market: organisation("元谋县市场监督管理局", under: county, kind: .department),
                          other: organisation("武定县人民政府"))
        for o in [world.county, world.market, world.other] { try await store.organisations.insert(o) }
        return world
    }
}
