import Foundation
import SunlightCore
import Vapor

/// JSON shapes of the supervision records (SUP-2, SUP-3, SUP-4, SUP-8, SUP-10), each as its
/// staff page lists it, with the actions Core allows the caller now; described in `openapi.json`.
extension API {
    /// 案件移送 (SUP-2).
    struct TransferOut: Content {
        let id, caseID: UUID
        let caseNumber: String
        let fromOrganisationID: UUID
        let toOrganisationID: UUID?
        let kind, kindName, recipient, reason, status, statusName: String
        let urgent: Bool
        let createdOn: CivilDate
        let decideBy, sendByDate, sentOn, policeDecideBy, outcomeOn, objectBy: CivilDate?
        let sendByTime: Date?
        let refusalReason, outcome: String?
        let actions: [String]

        init(_ item: TransferListItem) {
            let t = item.transfer
            id = t.id; caseID = t.caseID; caseNumber = item.caseNumber
            fromOrganisationID = t.fromOrganisation; toOrganisationID = t.toOrganisation
            kind = t.kind.rawValue; kindName = t.kind.chineseName; recipient = t.recipient; reason = t.reason
            status = t.status.rawValue; statusName = t.status.chineseName; urgent = t.urgent; createdOn = t.createdOn
            decideBy = t.decideBy; sendByDate = t.sendByDate; sentOn = t.sentOn; policeDecideBy = t.policeDecideBy
            outcomeOn = t.outcomeOn; objectBy = t.objectBy; sendByTime = t.sendByTime
            refusalReason = t.refusalReason; outcome = t.outcome
            actions = item.actions.map(\.rawValue).sorted()
        }
    }

    /// 监督文书 (SUP-4).
    struct InstrumentOut: Content {
        let id, organisationID, issuedBy: UUID
        let kind, kindName, number, organisation, findings, requirement, status, statusName: String
        let issuedOn, rectifyBy: CivilDate
        let report, checkNote: String?
        let reportedOn, closedOn: CivilDate?
        let actions: [String]

        init(_ item: InstrumentListItem) {
            let i = item.instrument
            id = i.id; organisationID = i.organisationID; issuedBy = i.issuedBy
            kind = i.kind.rawValue; kindName = i.kind.chineseName; number = i.number; organisation = item.organisationName
            findings = i.findings; requirement = i.requirement; status = i.status.rawValue; statusName = i.status.chineseName
            issuedOn = i.issuedOn; rectifyBy = i.rectifyBy; report = i.report; checkNote = i.checkNote
            reportedOn = i.reportedOn; closedOn = i.closedOn
            actions = item.actions.map(\.rawValue).sorted()
        }
    }

    /// 协调事项 (SUP-3, SUP-7, SUP-11..13); the detail adds its steps and the caller's next steps.
    struct CoordinationMatterOut: Content {
        struct StepOut: Content {
            let action, byName, text: String
            let on: CivilDate
            let organisationID: UUID
            let option: String?
        }
        let id, organisationID: UUID
        let counterpartID, coordinatorID: UUID?
        let kind, kindName, subject, details, status, statusName: String
        let raiser, counterpart: String?
        let createdOn: CivilDate
        let dueOn: CivilDate?
        let steps: [StepOut]?
        let actions: [String]?

        init(_ m: CoordinationMatter, raiser: String?, counterpart: String?, actions: [String]?, withSteps: Bool) {
            id = m.id; organisationID = m.organisationID; counterpartID = m.counterpartID; coordinatorID = m.coordinatorID
            kind = m.kind.rawValue; kindName = m.kind.chineseName; subject = m.subject; details = m.details
            status = m.status.rawValue; statusName = m.status.chineseName
            self.raiser = raiser; self.counterpart = counterpart; createdOn = m.createdOn; dueOn = m.dueOn
            steps = withSteps ? m.steps.map { StepOut(action: $0.action.rawValue, byName: $0.byName, text: $0.text, on: $0.on,
                                                      organisationID: $0.organisationID, option: $0.option) } : nil
            self.actions = actions
        }
    }

    /// 年度考核评分 (SUP-8).
    struct AssessmentOut: Content {
        let id, organisationID: UUID
        let organisation, grade, gradeName, status: String
        let year, totalTenths: Int
        let saved: Bool
        let publishedOn: CivilDate?
        let actions: [String]

        init(_ item: AssessmentRatingItem) {
            let r = item.rating
            id = r.id; organisationID = r.organisationID; organisation = item.organisationName
            grade = r.grade.rawValue; gradeName = r.grade.chineseName; status = r.status.rawValue
            year = r.year; totalTenths = r.totalTenths; saved = item.saved; publishedOn = r.publishedOn
            actions = item.actions.map(\.rawValue).sorted()
        }
    }

    /// 指导案例 (SUP-10).
    struct GuidingCaseOut: Content {
        let id, organisationID, caseID: UUID
        let organisation, caseNumber, category, title, summary, status, statusName: String
        let year: Int
        let reviewOpinion: String?
        let publishedOn: CivilDate?
        let actions: [String]

        init(_ item: GuidingCaseListItem) {
            let g = item.nomination
            id = g.id; organisationID = g.organisationID; caseID = g.caseID; organisation = item.organisationName
            caseNumber = g.caseNumber; category = g.category.rawValue; title = g.title; summary = g.summary
            status = g.status.rawValue; statusName = g.status.chineseName; year = g.year
            reviewOpinion = g.reviewOpinion; publishedOn = g.publishedOn
            actions = item.actions.map(\.rawValue).sorted()
        }
    }
}
