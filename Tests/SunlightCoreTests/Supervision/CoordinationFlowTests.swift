import Foundation
import Testing
@testable import SunlightCore

/// The flow tables and the scoring rules, in milliseconds (SUP-3, SUP-7, SUP-8, SUP-11, SUP-12, SUP-13).
@Suite struct CoordinationFlowTests {
    @Test("Every kind of matter can reach 已办结 from where it opens, and no step leaves a closed matter (SUP-3, SUP-7, SUP-11, SUP-12, SUP-13)")
    func everyFlowCloses() {
        for kind in CoordinationMatter.Kind.allCases {
            let transitions = CoordinationFlow.transitions(of: kind)
            var reached: Set<CoordinationMatter.Status> = [CoordinationFlow.openingStatus(of: kind)]
            var grew = true
            while grew {
                let next = reached.union(transitions.filter { reached.contains($0.from) }.map(\.to))
                grew = next.count > reached.count
                reached = next
            }
            #expect(reached.contains(.closed), "\(kind.chineseName) never closes")
            #expect(!transitions.contains { !$0.from.isOpen }, "\(kind.chineseName) moves a closed matter")
            #expect(transitions.allSatisfy { !$0.roles.isEmpty && $0.text.lowerBound >= 0 })
        }
    }

    @Test("A dispute is decided by the coordinating bureau at every step; its opinion goes to the government within 5 working days (SUP-3)")
    func disputeIsTheBureaus() {
        let dispute = CoordinationFlow.transitions(of: .dispute)
        #expect(dispute.allSatisfy { $0.party == .coordinator && $0.roles == [.supervisor] })
        #expect(dispute.first { $0.action == .issueOpinion }?.clock == .workingDays(5))
        #expect(CoordinationFlow.openingClock(of: .dispute) == .workingDays(5))
        #expect(CoordinationFlow.transitions(of: .accountability).first?.options == CoordinationFlow.accountabilityHandlings)
    }

    @Test("Only the party whose turn it is may take a step; anyone in the matter may add a statement (SUP-3)")
    func turns() {
        let raiser = UUID(), respondent = UUID(), bureau = UUID()
        let matter = CoordinationMatter(kind: .dispute, organisationID: raiser, counterpartID: respondent, coordinatorID: bureau, subject: "职责争议",
                                        details: "双方均认为不属于本部门职责", createdAt: Date(timeIntervalSince1970: 0),
                                        createdOn: CivilDate(iso: "2026-09-29")!, status: .applied, dueOn: CivilDate(iso: "2026-10-12"))
        #expect(matter.awaitedOrganisation == bureau)
        #expect(matter.parties(of: respondent) == [.counterpart] && matter.parties(of: UUID()).isEmpty)
        let steps = SupervisionUseCases.transitions(of: matter)
        #expect(Set(steps.filter { $0.action != .note }.map(\.action)) == [.accept, .decline])
        #expect(Set(steps.filter { $0.action == .note }.map(\.party)) == [.raiser, .counterpart, .coordinator])
        #expect(matter.isOverdue(today: CivilDate(iso: "2026-10-13")!) && !matter.isOverdue(today: CivilDate(iso: "2026-10-12")!))
    }

    @Test("Scores are tenths of a point, rounded half up; nothing to measure earns full points; grades at the scheme's lines (SUP-8)")
    func scoring() throws {
        #expect(AssessmentScheme.tenths(points: 10, done: 2, of: 3) == 67)
        #expect(AssessmentScheme.tenths(points: 15, done: 1, of: 8) == 19)
        #expect(AssessmentScheme.tenths(points: 15, done: 0, of: 0) == 150)
        let scheme = AssessmentScheme.standard(year: 2026, bureau: UUID(), at: Date(timeIntervalSince1970: 0))
        try scheme.check()
        #expect(scheme.indicators.reduce(0) { $0 + $1.points } == 100)
        #expect([900, 899, 800, 799, 600, 599].map { scheme.grade(tenths: $0) } == [.excellent, .good, .good, .pass, .pass, .fail])
        #expect(OrganisationAssessment.pointsText(875) == "87.5")
        #expect(AssessmentFiling.lastHalf(before: CivilDate(iso: "2026-11-23")!) == ("2026H1", CivilDate(iso: "2026-07-31")!))
        #expect(AssessmentFiling.lastHalf(before: CivilDate(iso: "2027-03-01")!) == ("2026H2", CivilDate(iso: "2027-01-31")!))
        #expect(GuidingCase.nominationDue(forYear: 2026) == CivilDate(iso: "2027-01-31"))
    }
}
