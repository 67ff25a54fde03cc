import Foundation
import SunlightCore
import SunlightRendering
import Vapor

/// Enforcement cases through the API (案件办理, REC-1..13, STD-3, STD-4): open, list and read
/// cases, move them through their stages, and record everything that happens on the way. Each
/// handler decodes, calls one use case and maps the answer; the use cases apply every rule.
/// Documents, benchmarks and the audio/video list are in ``CaseRecordsApiController``.
struct CasesApiController {
    struct NewCaseIn: Content {
        struct PartyIn: Content {
            let kind: CaseParty.Kind
            let name: String
            let idNumber: String?
            let address: String?
            let phone: String?
            let representative: String?
            let partyMemberOrOfficial: Bool?
        }

        let title: String
        let category: EnforcementCategory
        let simple: Bool?
        let itemEntryID: UUID?
        let source: EnforcementCase.Source
        let violationOn: CivilDate?
        let endangersSafety: Bool?
        let decisionDays: Int?
        let classification: EnforcementCase.Classification?
        let parties: [PartyIn]
        /// Officers besides the caller.
        let officers: [UUID]?
        /// 案件线索 the case is opened from (REC-18).
        let leadID: UUID?
    }

    struct NoteIn: Content {
        let note: String?
    }

    struct StatusIn: Content {
        enum Action: String, Codable {
            case suspend, resume, terminate
        }

        let action: Action
        let reason: String
    }

    struct ExtensionIn: Content {
        let days: Int
        let reason: String
    }

    /// 批准延长: the heads' collective discussion, required to extend a penalty case again (REC-17).
    struct ExtensionApprovalIn: Content {
        let participants: [String]?
        let minutes: String?
    }

    /// 解除查封、扣押 (REC-16).
    struct ReleaseIn: Content {
        let reason: String
    }

    struct DeductionIn: Content {
        let reason: String
        let from: CivilDate
        let to: CivilDate
        /// The case's document or evidence that supports the period (REC-17).
        let record: UUID
        let note: String?
    }

    struct PreservationIn: Content {
        let items: String
        /// The preservation event this one deals with, if it records how preserved evidence was handled.
        let handles: UUID?
    }

    struct ResponseIn: Content {
        let kind: String
        let on: CivilDate
        let note: String?
    }

    struct PaymentIn: Content {
        let amount: Int
        let paidOn: CivilDate
        let method: String
        let receipt: String?
    }

    struct ReasonIn: Content {
        let reason: String
    }

    struct OfficerIn: Content {
        let userID: UUID
    }

    struct CaseEvidenceIn: Content {
        let kind: CaseEvidence.Kind
        let description: String
        let source: String
        let original: Bool
        let copyVerified: Bool?
        let confirmedBy: String
        let confirmedOn: CivilDate
        /// An evidence file already recorded with `POST /api/v1/evidence`.
        let fileID: UUID?
    }

    struct InterferenceIn: Content {
        let occurredOn: CivilDate
        let source: String
        let means: String
        let content: String
    }

    struct ClassificationIn: Content {
        let classification: EnforcementCase.Classification
        let reason: String
    }

    func register(_ authenticated: any RoutesBuilder) {
        let cases = authenticated.grouped("cases")
        cases.get(use: list)
        cases.post(use: open)
        // Constant segments win over `:id` in Vapor's router, so `statistics` is never taken for a case.
        cases.get("statistics", use: statistics)
        cases.get("statistics.csv", use: statisticsCSV)
        cases.get(":id", use: detail)
        cases.get(":id", "party-history", use: partyHistory)
        cases.post(":id", "stage", "complete", use: completeStage)
        cases.post(":id", "status", use: changeStatus)
        cases.post(":id", "extensions", use: extend)
        cases.post(":id", "extensions", ":request", "approve", use: approveExtension)
        cases.post(":id", "deductions", use: deduct)
        cases.post(":id", "deductions", ":request", "approve", use: approveDeduction)
        cases.post(":id", "seizures", ":decision", "release", use: releaseSeizure)
        cases.post(":id", "preservations", use: preserve)
        cases.post(":id", "responses", use: respond)
        cases.post(":id", "payments", use: pay)
        cases.post(":id", "audio-video-exemptions", use: requestExemption)
        cases.post(":id", "audio-video-exemptions", "approve", use: approveExemption)
        cases.post(":id", "officers", use: assignOfficer)
        cases.post(":id", "officers", ":officer", "recusal", use: recuse)
        cases.post(":id", "evidence", use: recordEvidence)
        cases.post(":id", "interference", use: recordInterference)
        cases.post(":id", "classification", use: classify)
        cases.post(":id", "classified-reason", use: classifiedReason)
        CaseRecordsApiController().register(authenticated)
    }

    // MARK: Cases

    @Sendable func list(_ request: Request) async throws -> API.ListOut<API.CaseSummaryOut> {
        var filter = CaseFilter()
        if let text = request.query[String.self, at: "status"], !text.isEmpty {
            filter.statuses = Set(try text.split(separator: ",").map { try Self.choice(String($0), "status", among: Self.statuses) })
        }
        if let text = request.query[String.self, at: "category"], !text.isEmpty {
            filter.category = try Self.choice(text, "category", among: EnforcementCategory.enforcement)
        }
        filter.openedFrom = try request.civilDate(query: "from")
        filter.openedTo = try request.civilDate(query: "to")
        filter.text = request.query[String.self, at: "q"]?.trimmed.nilIfEmpty
        let limit = try request.limit(default: 500, maximum: 2000)
        let found = try await request.sunlight.cases.cases(filter, by: try request.requireApiActor(), limit: limit, offset: try request.offset())
        return API.ListOut(items: found.map(API.CaseSummaryOut.init))
    }

    @Sendable func open(_ request: Request) async throws -> Response {
        let input = try request.content.decode(NewCaseIn.self)
        let created = try await request.sunlight.cases.openCase(NewCase(
            title: input.title, category: input.category, simple: input.simple ?? false, itemEntryID: input.itemEntryID, source: input.source,
            violationOn: input.violationOn, endangersSafety: input.endangersSafety ?? false, decisionDays: input.decisionDays,
            classification: input.classification ?? .normal,
            parties: input.parties.map {
                NewCase.Party(kind: $0.kind, name: $0.name, idNumber: $0.idNumber, address: $0.address, phone: $0.phone,
                              representative: $0.representative, partyMemberOrOfficial: $0.partyMemberOrOfficial)
            },
            officers: input.officers ?? [], leadID: input.leadID), by: try request.requireApiActor())
        return try await API.CaseOut(created).encodeResponse(status: .created, for: request)
    }

    @Sendable func detail(_ request: Request) async throws -> API.CaseDetailOut {
        let detail = try await request.sunlight.cases.caseDetail(try request.uuid("id", "案件"), by: try request.requireApiActor())
        return API.CaseDetailOut(detail, today: request.sunlight.clock.today)
    }

    @Sendable func statistics(_ request: Request) async throws -> API.CaseStatisticsOut {
        let (from, to) = try Self.period(request)
        return API.CaseStatisticsOut(try await request.sunlight.cases.caseStatistics(from: from, to: to, by: try request.requireApiActor()))
    }

    @Sendable func statisticsCSV(_ request: Request) async throws -> Response {
        let (from, to) = try Self.period(request)
        let statistics = try await request.sunlight.cases.caseStatistics(from: from, to: to, by: try request.requireApiActor())
        return request.csvResponse(CSV.document(statistics.table), filename: "案件统计-\(from.iso)-\(to.iso).csv")
    }

    // MARK: Stages and status

    @Sendable func completeStage(_ request: Request) async throws -> API.CaseOut {
        let input = try request.optionalJSON(NoteIn.self) ?? NoteIn(note: nil)
        return API.CaseOut(try await request.sunlight.cases.completeStage(case: try request.uuid("id", "案件"), note: input.note,
                                                                    by: try request.requireApiActor()))
    }

    @Sendable func changeStatus(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(StatusIn.self)
        let kind: CaseEvent.Kind = switch input.action {
        case .suspend: .suspended
        case .resume: .resumed
        case .terminate: .terminated
        }
        return API.CaseOut(try await request.sunlight.cases.changeCaseStatus(case: try request.uuid("id", "案件"), to: kind, reason: input.reason,
                                                                       by: try request.requireApiActor()))
    }

    @Sendable func extend(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(ExtensionIn.self)
        return API.CaseOut(try await request.sunlight.cases.requestExtension(case: try request.uuid("id", "案件"), days: input.days, reason: input.reason,
                                                                       by: try request.requireApiActor()))
    }

    @Sendable func approveExtension(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(ExtensionApprovalIn.self)
        let discussion = input.participants.map {
            CollectiveDiscussion(participants: $0, minutes: input.minutes ?? "", outcome: .agree, heldOn: request.sunlight.clock.today)
        }
        return API.CaseOut(try await request.sunlight.cases.approveExtension(case: try request.uuid("id", "案件"), request: try request.uuid("request", "延长申请"),
                                                                       discussion: discussion, by: try request.requireApiActor()))
    }

    @Sendable func deduct(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(DeductionIn.self)
        let reason = try Self.choice(input.reason, "reason", among: CaseUseCases.DeductionReason.allCases, rule: .rec17)
        return API.CaseOut(try await request.sunlight.cases.requestDeduction(case: try request.uuid("id", "案件"), reason: reason, from: input.from,
                                                                       to: input.to, record: input.record, note: input.note,
                                                                       by: try request.requireApiActor()))
    }

    @Sendable func approveDeduction(_ request: Request) async throws -> API.CaseOut {
        API.CaseOut(try await request.sunlight.cases.approveDeduction(case: try request.uuid("id", "案件"), request: try request.uuid("request", "扣除申请"),
                                                                by: try request.requireApiActor()))
    }

    @Sendable func releaseSeizure(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(ReleaseIn.self)
        return API.CaseOut(try await request.sunlight.cases.releaseSeizure(case: try request.uuid("id", "案件"), decision: try request.uuid("decision", "查封（扣押）决定书"),
                                                                     reason: input.reason, by: try request.requireApiActor()))
    }

    @Sendable func preserve(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(PreservationIn.self)
        return API.CaseOut(try await request.sunlight.cases.recordPreservation(case: try request.uuid("id", "案件"), items: input.items,
                                                                         handles: input.handles, by: try request.requireApiActor()))
    }

    // MARK: The party

    static let responseKinds: [CaseEvent.Kind] = [.hearingRequested, .hearingWaived, .statementReceived]

    @Sendable func respond(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(ResponseIn.self)
        let kind = try Self.choice(input.kind, "kind", among: Self.responseKinds, rule: .rec13)
        return API.CaseOut(try await request.sunlight.cases.recordPartyResponse(case: try request.uuid("id", "案件"), kind: kind, on: input.on,
                                                                          note: input.note, by: try request.requireApiActor()))
    }

    @Sendable func pay(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(PaymentIn.self)
        let method = try Self.choice(input.method, "method", among: CaseUseCases.PaymentMethod.allCases, rule: .rec13)
        return API.CaseOut(try await request.sunlight.cases.recordPayment(case: try request.uuid("id", "案件"), amount: input.amount, paidOn: input.paidOn,
                                                                    method: method, receipt: input.receipt, by: try request.requireApiActor()))
    }

    // MARK: Audio/video, officers, evidence, interference, classification

    @Sendable func requestExemption(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(ReasonIn.self)
        return API.CaseOut(try await request.sunlight.cases.requestAudioVideoExemption(case: try request.uuid("id", "案件"), reason: input.reason,
                                                                                 by: try request.requireApiActor()))
    }

    @Sendable func approveExemption(_ request: Request) async throws -> API.CaseOut {
        API.CaseOut(try await request.sunlight.cases.approveAudioVideoExemption(case: try request.uuid("id", "案件"), by: try request.requireApiActor()))
    }

    @Sendable func assignOfficer(_ request: Request) async throws -> HTTPStatus {
        let input = try request.content.decode(OfficerIn.self)
        try await request.sunlight.cases.assignOfficer(case: try request.uuid("id", "案件"), officer: input.userID, by: try request.requireApiActor())
        return .noContent
    }

    @Sendable func recuse(_ request: Request) async throws -> HTTPStatus {
        let input = try request.content.decode(ReasonIn.self)
        try await request.sunlight.cases.recuseOfficer(case: try request.uuid("id", "案件"), officer: try request.uuid("officer", "执法人员"),
                                                 reason: input.reason, by: try request.requireApiActor())
        return .noContent
    }

    @Sendable func recordEvidence(_ request: Request) async throws -> Response {
        let input = try request.content.decode(CaseEvidenceIn.self)
        let evidence = try await request.sunlight.cases.recordCaseEvidence(case: try request.uuid("id", "案件"), NewCaseEvidence(
            kind: input.kind, description: input.description, source: input.source, original: input.original,
            copyVerified: input.copyVerified ?? false, confirmedBy: input.confirmedBy, confirmedOn: input.confirmedOn, fileID: input.fileID),
            by: try request.requireApiActor())
        return try await API.CaseEvidenceOut(evidence).encodeResponse(status: .created, for: request)
    }

    @Sendable func recordInterference(_ request: Request) async throws -> Response {
        let input = try request.content.decode(InterferenceIn.self)
        let record = try await request.sunlight.cases.recordInterference(case: try request.uuid("id", "案件"), occurredOn: input.occurredOn,
                                                                   source: input.source, means: input.means, content: input.content,
                                                                   by: try request.requireApiActor())
        return try await API.InterferenceOut(record).encodeResponse(status: .created, for: request)
    }

    /// 说明查阅理由 — a supervisor's reason to read a classified case, logged (REC-11).
    @Sendable func classifiedReason(_ request: Request) async throws -> HTTPStatus {
        let input = try request.content.decode(ReasonIn.self)
        try await request.sunlight.cases.giveClassifiedReadReason(case: try request.uuid("id", "案件"), reason: input.reason,
                                                                 by: try request.requireApiActor())
        return .noContent
    }

    @Sendable func classify(_ request: Request) async throws -> API.CaseOut {
        let input = try request.content.decode(ClassificationIn.self)
        return API.CaseOut(try await request.sunlight.cases.classifyCase(case: try request.uuid("id", "案件"), as: input.classification,
                                                                   reason: input.reason, by: try request.requireApiActor()))
    }

    // MARK: Input helpers

    static let statuses: [EnforcementCase.Status] = [.open, .suspended, .terminated, .closed, .archived]

    /// One of the codes allowed, or 400 naming them (for enums the domain does not decode itself).
    static func choice<T: RawRepresentable>(_ code: String, _ field: String, among options: [T], rule: RuleID? = nil) throws -> T
        where T.RawValue == String {
        guard let value = options.first(where: { $0.rawValue == code }) else {
            throw SunlightError.invalid(field, "\(field) 的值“\(code)”无效，应为以下之一：" + options.map(\.rawValue).joined(separator: "、"), rule: rule)
        }
        return value
    }

    /// The statistics period: `from` and `to` (`YYYY-MM-DD`), by default this year up to today.
    static func period(_ request: Request) throws -> (CivilDate, CivilDate) {
        let today = request.sunlight.clock.today
        let from = try request.civilDate(query: "from") ?? CivilDate(year: today.year, month: 1, day: 1)!
        return (from, try request.civilDate(query: "to") ?? today)
    }
}

extension Request {
    /// The JSON body, or `nil` when the request has none (for actions whose body is optional).
    func optionalJSON<T: Decodable>(_ type: T.Type) throws -> T? {
        guard let body = body.data, body.readableBytes > 0 else { return nil }
        return try content.decode(type)
    }
}
