import Foundation
import SunlightCore
import Vapor

/// 线索登记 through the API (REC-18): register and list leads, read one with the steps the
/// caller may take, ask for and approve the one extension, propose or decide 不予立案, transfer,
/// and make a complaint a lead. 立案 from a lead is `POST /api/v1/cases` with `leadID`.
struct LeadsApiController {
    struct NewLeadIn: Content {
        let source: CaseLead.Source
        let receivedOn: CivilDate
        let summary: String
        let partyKind: CaseParty.Kind?
        let partyName: String?
        let transferID: UUID?
    }

    struct ExtensionIn: Content {
        let days: Int
        let reason: String
    }

    struct DecisionIn: Content {
        let approve: Bool
        let note: String?
    }

    struct DeclineIn: Content {
        let ground: CaseLead.DeclineGround
        let reason: String
    }

    struct TransferIn: Content {
        let organisationID: UUID?
        let recipient: String?
        let reason: String
    }

    struct FromComplaintIn: Content {
        let complaintID: UUID
        /// An open lead of the same violation to join; absent registers a new lead.
        let leadID: UUID?
    }

    /// One lead as the API shows it; the party's name only in the detail (its read is logged).
    struct LeadOut: Content {
        struct StepOut: Content {
            let action: String
            let at: Date
            let on: CivilDate
            let by: UUID?
            let text: String
        }
        struct ExtensionOut: Content {
            let days: Int
            let reason: String
            let status: String
            let requestedBy: UUID?
            let decidedBy: UUID?
        }
        let id: UUID
        let number: String
        let organisationID: UUID
        let source: String
        let receivedOn: CivilDate
        let summary: String
        let partyKind: String?
        let dueOn: CivilDate?
        let status: String
        let statusName: String
        let overdue: Bool
        let complaintIDs: [UUID]
        let transferID: UUID?
        let fromLeadID: UUID?
        let caseID: UUID?
        let extension_: ExtensionOut?
        let declineGround: String?
        let declineReason: String?
        let transferredTo: UUID?
        let transferredToName: String?
        let concludedOn: CivilDate?
        let steps: [StepOut]

        enum CodingKeys: String, CodingKey {
            case id, number, organisationID, source, receivedOn, summary, partyKind, dueOn, status, statusName, overdue, complaintIDs, transferID
            case fromLeadID, caseID, extension_ = "extension", declineGround, declineReason, transferredTo, transferredToName, concludedOn, steps
        }

        init(_ lead: CaseLead, today: CivilDate) {
            id = lead.id
            number = lead.number
            organisationID = lead.organisationID
            source = lead.source.rawValue
            receivedOn = lead.receivedOn
            summary = lead.summary
            partyKind = lead.partyKind?.rawValue
            dueOn = lead.dueOn
            status = lead.status.rawValue
            statusName = lead.status.chineseName
            overdue = lead.isOverdue(today: today)
            complaintIDs = lead.complaintIDs
            transferID = lead.transferID
            fromLeadID = lead.fromLeadID
            caseID = lead.caseID
            extension_ = lead.checkExtension.map {
                ExtensionOut(days: $0.days, reason: $0.reason, status: $0.status.rawValue, requestedBy: $0.requestedBy, decidedBy: $0.decidedBy)
            }
            declineGround = lead.decline?.ground.rawValue
            declineReason = lead.decline?.reason
            transferredTo = lead.transferredTo
            transferredToName = lead.transferredToName
            concludedOn = lead.concludedOn
            steps = lead.steps.map { StepOut(action: $0.action.rawValue, at: $0.at, on: $0.on, by: $0.by, text: $0.text) }
        }
    }

    struct LeadDetailOut: Content {
        let lead: LeadOut
        let party: String?
        let caseNumber: String?
        /// What the caller may do now (`lead.extend`, …), as Core decides it.
        let actions: [String]
    }

    func register(_ authenticated: any RoutesBuilder) {
        let leads = authenticated.grouped("leads")
        leads.get(use: list)
        leads.post(use: create)
        leads.post("from-complaint", use: fromComplaint)
        leads.get(":id", use: detail)
        leads.post(":id", "extension", use: requestExtension)
        leads.post(":id", "extension", "decision", use: decideExtension)
        leads.post(":id", "decline", use: decline)
        leads.post(":id", "decline", "decision", use: decideDecline)
        leads.post(":id", "transfer", use: transfer)
    }

    @Sendable func list(_ request: Request) async throws -> API.ListOut<LeadOut> {
        let text = request.query[String.self, at: "filter"] ?? "all"
        guard let filter = CaseLeadFilter(rawValue: text) else { throw SunlightError.invalid("filter", "filter 应为 all、open 或 overdue", rule: .rec18) }
        let today = request.sunlight.clock.today
        return API.ListOut(items: try await request.sunlight.cases.leads(filter, by: try request.requireApiActor()).map { LeadOut($0.lead, today: today) })
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        let input = try request.content.decode(NewLeadIn.self)
        let lead = try await request.sunlight.cases.registerLead(NewCaseLead(
            source: input.source, receivedOn: input.receivedOn, summary: input.summary, partyKind: input.partyKind, partyName: input.partyName,
            transferID: input.transferID), by: try request.requireApiActor())
        return try await LeadOut(lead, today: request.sunlight.clock.today).encodeResponse(status: .created, for: request)
    }

    @Sendable func fromComplaint(_ request: Request) async throws -> Response {
        let input = try request.content.decode(FromComplaintIn.self)
        let lead = try await request.sunlight.cases.leadFromComplaint(input.complaintID, joining: input.leadID, by: try request.requireApiActor())
        return try await LeadOut(lead, today: request.sunlight.clock.today).encodeResponse(status: input.leadID == nil ? .created : .ok, for: request)
    }

    @Sendable func detail(_ request: Request) async throws -> LeadDetailOut {
        let detail = try await request.sunlight.cases.lead(try request.uuid("id", "案件线索"), by: try request.requireApiActor())
        return LeadDetailOut(lead: LeadOut(detail.lead, today: request.sunlight.clock.today), party: detail.party, caseNumber: detail.caseNumber,
                             actions: detail.actions.map(\.qualifiedName).sorted())
    }

    @Sendable func requestExtension(_ request: Request) async throws -> LeadOut {
        let input = try request.content.decode(ExtensionIn.self)
        return try await answer(request) { try await request.sunlight.cases.requestLeadExtension($0, days: input.days, reason: input.reason, by: $1) }
    }

    @Sendable func decideExtension(_ request: Request) async throws -> LeadOut {
        let input = try request.content.decode(DecisionIn.self)
        return try await answer(request) { try await request.sunlight.cases.decideLeadExtension($0, approve: input.approve, note: input.note ?? "", by: $1) }
    }

    @Sendable func decline(_ request: Request) async throws -> LeadOut {
        let input = try request.content.decode(DeclineIn.self)
        return try await answer(request) { try await request.sunlight.cases.declineLead($0, ground: input.ground, reason: input.reason, by: $1) }
    }

    @Sendable func decideDecline(_ request: Request) async throws -> LeadOut {
        let input = try request.content.decode(DecisionIn.self)
        return try await answer(request) { try await request.sunlight.cases.decideLeadDecline($0, approve: input.approve, note: input.note ?? "", by: $1) }
    }

    @Sendable func transfer(_ request: Request) async throws -> LeadOut {
        let input = try request.content.decode(TransferIn.self)
        return try await answer(request) {
            try await request.sunlight.cases.transferLead($0, to: input.organisationID, recipient: input.recipient, reason: input.reason, by: $1)
        }
    }

    private func answer(_ request: Request, _ work: (UUID, Actor) async throws -> CaseLead) async throws -> LeadOut {
        let lead = try await work(try request.uuid("id", "案件线索"), try request.requireApiActor())
        return LeadOut(lead, today: request.sunlight.clock.today)
    }
}
