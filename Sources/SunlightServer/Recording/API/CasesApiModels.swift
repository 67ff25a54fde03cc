import Foundation
import SunlightCore
import Vapor

/// JSON shapes of the case API (案件办理, REC-1..13, STD-3, STD-4), described in `openapi.json`.
/// Civil dates are `YYYY-MM-DD`, instants RFC 3339, enums their raw values, each with its
/// Chinese name beside it where people read it.
extension API {
    /// 案件 — a case as it stands.
    struct CaseOut: Content {
        let id: UUID
        let organisationID: UUID
        let number: String
        let title: String
        let category: EnforcementCategory
        let categoryName: String
        let simple: Bool
        let itemEntryID: UUID?
        let source: EnforcementCase.Source
        let violationOn: CivilDate?
        let endangersSafety: Bool
        let openedOn: CivilDate
        let openedAt: Date
        let openedBy: UUID?
        let decisionDays: Int
        let classification: EnforcementCase.Classification
        /// The current stage's code, or `done` once the last stage is completed.
        let stage: String
        let stageName: String
        let status: EnforcementCase.Status
        let statusName: String
        /// 案件线索 the case was opened from (REC-18), if any.
        let leadID: UUID?

        init(_ c: EnforcementCase) {
            id = c.id
            leadID = c.leadID
            organisationID = c.organisationID
            number = c.number
            title = c.title
            category = c.category
            categoryName = c.category.chineseName
            simple = c.simple
            itemEntryID = c.itemEntryID
            source = c.source
            violationOn = c.violationOn
            endangersSafety = c.endangersSafety
            openedOn = c.openedOn
            openedAt = c.openedAt
            openedBy = c.openedBy
            decisionDays = c.decisionDays
            classification = c.classification
            stage = c.stage
            stageName = c.currentStage?.name ?? "已办结"
            status = c.status
            statusName = c.status.chineseName
        }
    }

    /// 法定期限 — one running clock of a case (REC-13).
    struct ClockOut: Content {
        let kind: String
        let title: String
        /// Provisional (the earliest it can be) when it runs through a year whose holiday notice is not loaded; `provisional` and `problem` say so (CAL-4).
        let due: CivilDate?
        let provisional: Bool
        let state: DeadlineState?
        let stateName: String
        let rule: String
        let basis: String
        let problem: String?

        init(_ c: CaseClock) {
            kind = c.kind
            title = c.title
            due = c.due
            provisional = c.provisional
            state = c.state
            stateName = c.state?.chineseName ?? "无法计算"
            rule = c.rule.rawValue
            basis = c.basis
            problem = c.problem
        }
    }

    /// One line of the case list; the title of a classified case the reader may not open is withheld (REC-11).
    struct CaseSummaryOut: Content {
        let id: UUID
        let number: String
        let title: String
        let readable: Bool
        let category: EnforcementCategory
        let simple: Bool
        let stage: String
        let stageName: String
        let status: EnforcementCase.Status
        let classification: EnforcementCase.Classification
        let openedOn: CivilDate
        let organisation: OrganisationOut
        /// The most urgent running clock.
        let clock: ClockOut?

        init(_ s: CaseSummary) {
            let c = s.enforcementCase
            id = c.id
            number = c.number
            title = s.title
            readable = s.readable
            category = c.category
            simple = c.simple
            stage = c.stage
            stageName = c.currentStage?.name ?? "已办结"
            status = c.status
            classification = c.classification
            openedOn = c.openedOn
            organisation = OrganisationOut(s.organisation)
            clock = s.clock.map(ClockOut.init)
        }
    }

    /// 当事人, as the reader sees them (personal data unsealed for those who may read the case).
    struct PartyOut: Content {
        let id: UUID
        let kind: CaseParty.Kind
        let name: String
        let idNumber: String?
        let address: String?
        let phone: String?
        let representative: String?
        let partyMemberOrOfficial: Bool

        init(_ p: CaseParty) {
            id = p.id
            kind = p.kind
            name = p.name
            idNumber = p.idNumber
            address = p.address
            phone = p.phone
            representative = p.representative
            partyMemberOrOfficial = p.partyMemberOrOfficial
        }
    }

    /// An officer on the case with the certificate that counts today (REC-7).
    struct CaseOfficerOut: Content {
        let userID: UUID
        let username: String
        let displayName: String
        let active: Bool
        let assignedAt: Date
        let removedAt: Date?
        let removalReason: String?
        let certificate: CertificateOut?
        /// May do on-site work in this case's category today.
        let eligible: Bool
        let ineligibleReason: String?

        init(_ o: CaseOfficerView, category: EnforcementCategory, today: CivilDate) {
            userID = o.user.id
            username = o.user.username
            displayName = o.user.displayName
            active = o.assignment.isActive
            assignedAt = o.assignment.assignedAt
            removedAt = o.assignment.removedAt
            removalReason = o.assignment.removalReason
            certificate = o.qualification?.mainCertificate(on: today).map { CertificateOut($0, today: today) }
            var reason: String? = "没有执法证件记录"
            if let qualification = o.qualification {
                do { try qualification.checkAssignable(to: category, on: today); reason = nil } catch let error as SunlightError {
                    reason = error.message
                } catch { reason = "\(error)" }
            }
            eligible = reason == nil
            ineligibleReason = reason
        }
    }

    /// 案件事件 — one electronic-data record of the case's timeline (REC-2).
    struct EventOut: Content {
        let id: UUID
        let kind: CaseEvent.Kind
        let kindName: String
        let stage: String?
        let at: Date
        let on: CivilDate
        let by: UUID?
        let byName: String?
        let note: String?
        let data: [String: String]

        init(_ e: CaseEvent, names: [StaffUser.ID: String]) {
            id = e.id
            kind = e.kind
            kindName = e.kind.chineseName
            stage = e.stage
            at = e.at
            on = e.on
            by = e.by
            byName = e.by.flatMap { names[$0] }
            note = e.note
            data = e.data
        }
    }

    /// 证据 with its confirmation (REC-8) and, if any, the recorded file (REC-4).
    struct CaseEvidenceOut: Content {
        let id: UUID
        let stage: String
        let kind: CaseEvidence.Kind
        let kindName: String
        let description: String
        let source: String
        let original: Bool
        let copyVerified: Bool
        let confirmedBy: String?
        let confirmedOn: CivilDate?
        let fileID: UUID?
        let file: EvidenceApiController.EvidenceOut?
        let recordedBy: UUID?
        let recordedAt: Date

        init(_ e: CaseEvidence, file: EvidenceFile? = nil) {
            id = e.id
            stage = e.stage
            kind = e.kind
            kindName = e.kind.chineseName
            description = e.description
            source = e.source
            original = e.original
            copyVerified = e.copyVerified
            confirmedBy = e.confirmedBy
            confirmedOn = e.confirmedOn
            fileID = e.fileID
            self.file = file.map(EvidenceApiController.EvidenceOut.init)
            recordedBy = e.recordedBy
            recordedAt = e.recordedAt
        }
    }

    /// 干预记录 (REC-9).
    struct InterferenceOut: Content {
        let id: UUID
        let caseID: UUID
        let occurredOn: CivilDate
        let source: String
        let means: String
        let content: String
        let recordedBy: UUID?
        let recordedAt: Date

        init(_ r: InterferenceRecord) {
            id = r.id
            caseID = r.caseID
            occurredOn = r.occurredOn
            source = r.source
            means = r.means
            content = r.content
            recordedBy = r.recordedBy
            recordedAt = r.recordedAt
        }
    }

    /// A stage of the procedure and where the case stands in it (REC-1).
    struct StageOut: Content {
        let code: String
        let name: String
        let optional: Bool
        let note: String?
        /// On the organisation's 音像记录事项清单 (REC-3).
        let audioVideo: Bool
        let onSite: Bool
        let documents: [DocumentType]
        /// `done`, `current`, `skipped` or `pending`; absent for the next stage.
        let state: String?

        init(_ s: ProcedureStage, audioVideo: Set<String>, state: String? = nil) {
            code = s.code
            name = s.name
            optional = s.optional
            note = s.note
            self.audioVideo = audioVideo.contains(s.code)
            onSite = s.onSite
            documents = s.documents
            self.state = state
        }
    }

    /// Why the current stage cannot be completed today (REC-1, REC-2, REC-3, REC-7, REC-13).
    struct BlockerOut: Content {
        let code: String
        let message: String
        let rule: String?
        let field: String?

        init(_ e: SunlightError) {
            code = e.code
            message = e.message
            rule = e.rule?.rawValue
            field = e.field
        }
    }

    /// 案件详情 — everything recorded about a case, as the reader may see it.
    struct CaseDetailOut: Content {
        let `case`: CaseOut
        let organisation: OrganisationOut
        let stages: [StageOut]
        let parties: [PartyOut]
        let officers: [CaseOfficerOut]
        let events: [EventOut]
        let documents: [DocumentOut]
        let evidence: [CaseEvidenceOut]
        let interference: [InterferenceOut]
        let clocks: [ClockOut]
        let blocker: BlockerOut?
        let nextStage: StageOut?
        let benchmarks: [BenchmarkOut]
        let draftableTypes: [DocumentTypeOut]
        /// What the reader may do to the case now (`case.recordOutcome`, …): the set the use
        /// cases check, the same that the staff page shows as forms.
        let actions: [String]

        init(_ d: CaseDetail, today: CivilDate) {
            let theCase = d.enforcementCase
            let audioVideo = d.snapshot.audioVideoStages
            self.case = CaseOut(theCase)
            organisation = OrganisationOut(d.organisation)
            stages = d.stageStates.map { StageOut($0.stage, audioVideo: audioVideo, state: $0.state) }
            parties = d.parties.map(PartyOut.init)
            officers = d.officers.map { CaseOfficerOut($0, category: theCase.category, today: today) }
            events = d.events.map { EventOut($0, names: d.names) }
            documents = d.documents.sorted { $0.draftedAt < $1.draftedAt }.map(DocumentOut.init)
            evidence = d.evidence.map { CaseEvidenceOut($0, file: $0.fileID.flatMap { d.files[$0] }) }
            interference = d.interference.map(InterferenceOut.init)
            clocks = d.clocks.map(ClockOut.init)
            blocker = d.blocker.map(BlockerOut.init)
            nextStage = d.nextStage.map { StageOut($0, audioVideo: audioVideo) }
            benchmarks = d.benchmarks.map(BenchmarkOut.init)
            draftableTypes = theCase.status == .open ? CaseUseCases.draftableTypes(of: theCase).map(DocumentTypeOut.init) : []
            actions = d.actions.map(\.qualifiedName).sorted()
        }
    }
}
