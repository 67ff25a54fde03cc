import Foundation
import SunlightLedger

/// 投诉举报 as filed: what the complainant writes (SUP-1).
public struct NewComplaint: Sendable {
    public var organisationID: Organisation.ID
    public var subject: String
    public var description: String
    public var location: String?
    public var latitude: Double?
    public var longitude: Double?
    public var anonymous: Bool
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(organisationID: Organisation.ID, subject: String, description: String, location: String? = nil, latitude: Double? = nil,
                longitude: Double? = nil, anonymous: Bool = false, name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.organisationID = organisationID
        self.subject = subject
        self.description = description
        self.location = location
        self.latitude = latitude
        self.longitude = longitude
        self.anonymous = anonymous
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// 投诉进度 — what the holder of a tracking code sees: no personal data, who handles it, by
/// when, and the answer (SUP-1).
public struct ComplaintProgress: Sendable, Codable, Equatable {
    public struct Step: Sendable, Codable, Equatable {
        public let on: CivilDate
        public let what: String
    }
    public let trackingCode: String
    public let subject: String
    public let status: String
    public let statusName: String
    public let receivedOn: CivilDate
    public let dueOn: CivilDate?
    public let receivedBy: String
    /// The receiving organisation's ID (Open311's service code).
    public let serviceCode: String
    public let handledBy: String
    public let feedback: String?
    public let answeredOn: CivilDate?
    public let steps: [Step]
    /// 线索核查结果 in plain words, once the complaint became a case lead (REC-18): 立案调查,
    /// 不予立案 and why in general terms, or 已移送 — never the party, the case or the written reason.
    public var leadOutcome: String?
}

/// 投诉举报详情 — one complaint as its page shows it: its history with who took each step, the
/// complainant's contact for staff who may read it, and what the reader may do now (SUP-1).
public struct ComplaintDetail: Sendable {
    public struct Step: Sendable {
        public let event: ComplaintEvent
        /// Who took the step, if a member of staff.
        public let by: String?
    }

    public let complaint: Complaint
    public let events: [Step]
    public let receivedBy: Organisation
    public let handledBy: Organisation
    /// name, phone, email — unsealed (the read is logged).
    public let contact: [String: String]
    /// What the reader may do now (``ComplaintPermissions``).
    public let actions: Set<ComplaintAction>
    /// Whom it may be assigned to: the handling organisation's active staff (when it may be assigned).
    public let handlers: [PersonName]
    /// 案件线索 the complaint became or joined (REC-18).
    public var leads: [CaseLead] = []
    /// Whether the reader may make it a lead now (``CaseLeadStart``), and the open leads it may join.
    public var leadStart: Set<CaseLeadStart> = []
    public var openLeads: [CaseLead] = []
}

/// A row of the complaints ledger, with the organisations named.
public struct ComplaintListItem: Sendable {
    public let complaint: Complaint
    public let receivedBy: String
    public let handledBy: String
}

extension SupervisionUseCases {
    /// 提交投诉举报 — from the portal or an Open311 client; registered at once with its tracking
    /// code and deadline. Contact details are sealed as personal data.
    public func fileComplaint(_ input: NewComplaint, channel: Complaint.Channel, by actor: Actor) async throws -> Complaint {
        let subject = input.subject.trimmed, description = input.description.trimmed
        guard (2...100).contains(subject.count) else { throw SunlightError.invalid("subject", "请填写投诉事项（2–100 字）", rule: .sup1) }
        guard (10...4000).contains(description.count) else { throw SunlightError.invalid("description", "请具体描述投诉举报的内容（10–4000 字）", rule: .sup1) }
        let name = input.name?.trimmed.nilIfEmpty, phone = input.phone?.trimmed.nilIfEmpty, email = input.email?.trimmed.nilIfEmpty
        if !input.anonymous {
            guard name != nil else { throw SunlightError.invalid("name", "实名投诉请填写姓名，或选择匿名举报", rule: .sup1) }
            guard phone != nil || email != nil else { throw SunlightError.invalid("phone", "请留下电话或电子邮箱，以便告知办理结果", rule: .sup1) }
        }
        if let phone, phone.count > 30 { throw SunlightError.invalid("phone", "电话号码过长", rule: .sup1) }
        if let email, email.count > 100 || !email.contains("@") { throw SunlightError.invalid("email", "电子邮箱格式错误", rule: .sup1) }
        if let latitude = input.latitude, !(latitude.isFinite && (-90...90).contains(latitude)) { throw SunlightError.invalid("lat", "纬度应在 -90 到 90 之间", rule: .sup1) }
        if let longitude = input.longitude, !(longitude.isFinite && (-180...180).contains(longitude)) { throw SunlightError.invalid("long", "经度应在 -180 到 180 之间", rule: .sup1) }
        if let location = input.location, location.count > 200 { throw SunlightError.invalid("location", "地点不超过 200 字", rule: .sup1) }
        guard let organisation = try await store.organisations.find(input.organisationID) else {
            throw SunlightError.invalid("organisation", "请选择受理投诉的机构", rule: .sup1)
        }
        let today = clock.today
        let due = try await calendars.current().due(from: today, .workingDays(settings.complaintWorkingDays)).date
        var code = Complaint.trackingCode(year: today.year, bytes: secrets.randomBytes(8))
        while try await store.complaints.find(trackingCode: code) != nil { code = Complaint.trackingCode(year: today.year, bytes: secrets.randomBytes(8)) }
        let complaint = Complaint(trackingCode: code, receivedBy: organisation.id, channel: channel, subject: subject, description: description,
                                  location: input.location?.trimmed.nilIfEmpty, latitude: input.latitude.map { String($0) },
                                  longitude: input.longitude.map { String($0) },
                                  anonymous: input.anonymous, receivedAt: now, receivedOn: today, dueOn: due)
        let id = complaint.id.uuidString.lowercased()
        let sealed = input.anonymous ? [] : [("name", name), ("phone", phone), ("email", email)].compactMap { field, value in
            value.map { PersonalValue.seal($0, table: "complaints", recordID: id, field: field, secrets: secrets) }
        }
        return try await commit(actor, .create, "complaint", id: id, in: organisation, "收到投诉举报 \(code)（\(channel.chineseName)）") { tx, at in
            try await tx.complaints.insert(complaint)
            if !sealed.isEmpty { try await tx.personalData.insert(sealed) }
            let event = ComplaintEvent(kind: .registered, at: at, by: nil, note: channel.chineseName, state: complaint)
            try await tx.complaints.append(event)
            return (complaint, [try complaint.ledgerRecord("complaint.registered"), try event.ledgerRecord(contact: sealed)])
        }
    }

    /// 查询办理进度 — by tracking code, for anyone who holds it.
    public func complaintProgress(trackingCode: String) async throws -> ComplaintProgress {
        let code = trackingCode.trimmed.uppercased()
        guard code.count <= 20, let complaint = try await store.complaints.find(trackingCode: code) else {
            throw SunlightError.notFound("查询码为 \(code.prefix(20)) 的投诉举报")
        }
        let received = try await requireOrganisation(complaint.receivedBy)
        let handling = try await requireOrganisation(complaint.handlingOrganisation)
        let events = try await store.complaints.events(of: complaint.id)
        var steps: [ComplaintProgress.Step] = []
        for event in events {
            var what = event.kind.chineseName
            if event.kind == .transferred || event.kind == .taken { what += "：\(try await requireOrganisation(event.state.handlingOrganisation).name)" }
            steps.append(.init(on: ChinaTime.date(of: event.at), what: what))
        }
        return ComplaintProgress(trackingCode: complaint.trackingCode, subject: complaint.subject, status: complaint.status.rawValue,
                                 statusName: complaint.status.chineseName, receivedOn: complaint.receivedOn, dueOn: complaint.dueOn,
                                 receivedBy: received.name, serviceCode: received.id.uuidString.lowercased(), handledBy: handling.name, feedback: complaint.feedback,
                                 answeredOn: complaint.answeredOn, steps: steps, leadOutcome: try await cases.leads(ofComplaint: complaint).first?.publicOutcome)
    }

    /// 投诉举报台账 — complaints handled by or sent to the actor's organisation; supervisors see
    /// every organisation below them (SUP-1).
    public func complaints(by actor: Actor) async throws -> [Complaint] {
        try await guarded(actor, "complaint", id: nil, in: actor.organisation) {
            try actor.require(anyOf: .head, .publicityClerk, .officer, .supervisor)
        }
        let organisations = try await organisationsInView(of: actor).map(\.id)
        return try await store.complaints.list(organisations: organisations)
    }

    /// The ledger as a page shows it: each complaint with the names of the organisations that
    /// received and handle it, read in one query (SUP-1).
    public func complaintList(by actor: Actor) async throws -> [ComplaintListItem] {
        let complaints = try await complaints(by: actor)
        let names = try await organisationNames(complaints.flatMap { [$0.receivedBy, $0.handlingOrganisation] })
        return complaints.map { ComplaintListItem(complaint: $0, receivedBy: names[$0.receivedBy] ?? "", handledBy: names[$0.handlingOrganisation] ?? "") }
    }

    /// One complaint with its history and the complainant's contact; the read is logged (REC-11).
    public func complaint(_ id: Complaint.ID, by actor: Actor) async throws -> ComplaintDetail {
        let (complaint, handling) = try await readableComplaint(id, by: actor)
        let sealed = try await store.personalData.values(table: "complaints", recordIDs: [id.uuidString.lowercased()])
        try await log(actor, .read, "complaint", id: id.uuidString, in: handling, "查看投诉举报 \(complaint.trackingCode)")
        let events = try await store.complaints.events(of: id)
        let permissions = ComplaintPermissions(actor: actor, complaint: complaint, handling: handling)
        let allowed = permissions.allowed
        let people = try await userNames(events.compactMap(\.by))
        let handlers = allowed.contains(.assign)
            ? try await store.users.list(in: [handling.id]).filter(\.isActive).map { PersonName(id: $0.id, name: $0.displayName) } : []
        var detail = ComplaintDetail(complaint: complaint, events: events.map { ComplaintDetail.Step(event: $0, by: $0.by.flatMap { people[$0] }) },
                                     receivedBy: try await requireOrganisation(complaint.receivedBy), handledBy: handling,
                                     contact: Dictionary(sealed.map { ($0.field, $0.value ?? "（已依法删除）") }, uniquingKeysWith: { $1 }),
                                     actions: allowed, handlers: handlers)
        detail.leads = try await cases.leads(ofComplaint: complaint)
        detail.leadStart = CaseLeadStart.allowed(for: actor, complaint: complaint, alreadyLead: !detail.leads.isEmpty)
        if !detail.leadStart.isEmpty {
            detail.openLeads = try await store.records(CaseLead.self).list(organisations: [handling.id], statuses: CaseLead.Status.openCodes)
                .filter { $0.organisationID == handling.id }
        }
        return detail
    }

    /// What the actor may do to this complaint now — the same decision its use cases make (SUP-1).
    public func complaintActions(_ id: Complaint.ID, by actor: Actor) async throws -> Set<ComplaintAction> {
        guard let complaint = try await store.complaints.find(id) else { throw SunlightError.notFound("投诉举报") }
        return ComplaintPermissions(actor: actor, complaint: complaint, handling: try await requireOrganisation(complaint.handlingOrganisation)).allowed
    }

    /// 分派 / 转办 — the handling organisation's head or clerk names a handler of its own, or
    /// hands the complaint to another organisation (the complainant sees who handles it).
    public func assignComplaint(_ id: Complaint.ID, to organisationID: Organisation.ID? = nil, handler: StaffUser.ID? = nil, note: String,
                                by actor: Actor) async throws -> Complaint {
        let (found, handling) = try await workableComplaint(id, .assign, by: actor)
        let note = note.trimmed
        guard (2...500).contains(note.count) else { throw SunlightError.invalid("note", "请写明分派或转办说明（2–500 字）", rule: .sup1) }
        var complaint = found
        var kind = ComplaintEvent.Kind.assigned
        if let organisationID, organisationID != found.handlingOrganisation {
            guard try await store.organisations.find(organisationID) != nil else { throw SunlightError.invalid("organisation", "机构不存在", rule: .sup1) }
            complaint.handlingOrganisation = organisationID
            complaint.handler = nil
            kind = .transferred
        } else if let handler {
            guard let user = try await store.users.find(handler), user.organisationID == handling.id, user.isActive else {
                throw SunlightError.invalid("handler", "承办人应为本机构在职工作人员", rule: .sup1)
            }
            complaint.handler = handler
        } else {
            throw SunlightError.invalid("handler", "请选择承办人或转办机构", rule: .sup1)
        }
        complaint.status = .handling
        return try await recordComplaint(kind, complaint, note: note, in: handling, by: actor)
    }

    /// 直接办理 — a supervisor of the justice bureau takes any complaint below it (SUP-1).
    public func takeComplaint(_ id: Complaint.ID, note: String, by actor: Actor) async throws -> Complaint {
        let (found, _) = try await workableComplaint(id, .take, by: actor)
        guard let bureau = actor.organisation else { throw SunlightError.missingRole([.supervisor]) }
        var complaint = found
        complaint.handlingOrganisation = bureau.id
        complaint.handler = actor.user?.id
        complaint.takenBySupervisor = true
        complaint.status = .handling
        return try await recordComplaint(.taken, complaint, note: note.trimmed.nilIfEmpty ?? "司法局直接办理", in: bureau, by: actor)
    }

    /// 答复 — the feedback to the complainant, shown with the tracking code.
    public func answerComplaint(_ id: Complaint.ID, feedback: String, by actor: Actor) async throws -> Complaint {
        let (found, handling) = try await workableComplaint(id, .answer, by: actor)
        let feedback = feedback.trimmed
        guard (5...4000).contains(feedback.count) else { throw SunlightError.invalid("feedback", "请填写答复内容（5–4000 字）", rule: .sup1) }
        var complaint = found
        complaint.feedback = feedback
        complaint.answeredOn = clock.today
        complaint.status = .answered
        return try await recordComplaint(.answered, complaint, note: nil, in: handling, by: actor)
    }

    /// 办结 — after the answer, the head (or the supervisor) closes it.
    public func closeComplaint(_ id: Complaint.ID, by actor: Actor) async throws -> Complaint {
        let (found, handling) = try await workableComplaint(id, .close, by: actor)
        var complaint = found
        complaint.status = .closed
        complaint.closedOn = clock.today
        return try await recordComplaint(.closed, complaint, note: nil, in: handling, by: actor)
    }

    // MARK: - Helpers

    private func recordComplaint(_ kind: ComplaintEvent.Kind, _ complaint: Complaint, note: String?, in organisation: Organisation,
                                 by actor: Actor) async throws -> Complaint {
        try await commit(actor, .update, "complaint", id: complaint.id.uuidString, in: organisation,
                         "\(kind.chineseName)：投诉举报 \(complaint.trackingCode)" + (note.map { "（\($0)）" } ?? "")) { tx, at in
            try await tx.complaints.update(complaint)
            let event = ComplaintEvent(kind: kind, at: at, by: actor.user?.id, note: note, state: complaint)
            try await tx.complaints.append(event)
            return (complaint, [try complaint.ledgerRecord("complaint.\(kind.rawValue)"), try event.ledgerRecord()])
        }
    }

    /// Staff of the handling or receiving organisation, or a supervisor above it.
    private func readableComplaint(_ id: Complaint.ID, by actor: Actor) async throws -> (Complaint, Organisation) {
        guard let complaint = try await store.complaints.find(id) else { throw SunlightError.notFound("投诉举报") }
        let handling = try await requireOrganisation(complaint.handlingOrganisation)
        let received = try await requireOrganisation(complaint.receivedBy)
        try await guarded(actor, "complaint", id: id.uuidString, in: handling) {
            try actor.require(anyOf: .head, .publicityClerk, .officer, .supervisor)
            let own = actor.organisation?.id == handling.id || actor.organisation?.id == received.id
            guard own || (actor.has(.supervisor) && actor.scope.canRead(handling)) else { throw SunlightError.outsideScope }
        }
        return (complaint, handling)
    }

    /// A complaint the actor may take `action` on now, by ``ComplaintPermissions``; a refusal for
    /// lack of role or scope is logged.
    private func workableComplaint(_ id: Complaint.ID, _ action: ComplaintAction, by actor: Actor) async throws -> (Complaint, Organisation) {
        guard let complaint = try await store.complaints.find(id) else { throw SunlightError.notFound("投诉举报") }
        let handling = try await requireOrganisation(complaint.handlingOrganisation)
        try await guarded(actor, "complaint", id: id.uuidString, in: handling) {
            try ComplaintPermissions(actor: actor, complaint: complaint, handling: handling).check(action)
        }
        return (complaint, handling)
    }
}
