import Foundation

/// 联席会议与联合执法 — a joint meeting (执法协调监督联席会议, at least once a year; 审批与监管联席会议,
/// at least once a quarter), a consultation between a town and county departments, or a joint
/// enforcement action: who convened it, the members, the minutes, and each decided item with its
/// owner and feedback deadline (SUP-11; seed 001 (一)(十四)(十五)四).
public struct JointMeeting: OrganisationState, Equatable {
    public static let table = "joint_meetings"

    public enum Kind: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case coordinationConference = "coordination_conference"
        case approvalConference = "approval_conference"
        case consultation
        case jointEnforcement = "joint_enforcement"

        public var chineseName: String {
            switch self {
            case .coordinationConference: "行政执法协调监督联席会议"
            case .approvalConference: "行政审批与事中事后监管联席会议"
            case .consultation: "联合执法协商"
            case .jointEnforcement: "联合执法"
            }
        }
    }

    /// 议定事项 — the owner reports back by `dueOn` through its coordination matter.
    public struct Item: Codable, Sendable, Equatable {
        public let matterID: CoordinationMatter.ID
        public let text: String
        public let ownerID: Organisation.ID
        public let dueOn: CivilDate

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case matterID, text, ownerID, dueOn
        }
    }

    public let id: UUID
    public let kind: Kind
    /// The convener.
    public let organisationID: Organisation.ID
    public var counterpartID: Organisation.ID? { nil }
    public let title: String
    public let heldOn: CivilDate
    public let place: String
    public let members: [Organisation.ID]
    public let attendees: String
    public let minutes: String
    public let items: [Item]
    public let recordedBy: String
    public let createdAt: Date

    public var statusCode: String { "recorded" }

    /// Whether one of these organisations convened it or is a member.
    func involves(_ organisations: Set<Organisation.ID>) -> Bool {
        organisations.contains(organisationID) || members.contains(where: organisations.contains)
    }

    /// How often it must meet, if the rules say (seed 001 (一), (十四)一).
    public static func cadence(of kind: Kind) -> String? {
        switch kind {
        case .coordinationConference: "原则上每年至少召开一次"
        case .approvalConference: "原则上每季度至少召开一次"
        default: nil
        }
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, kind, organisationID, title, heldOn, place, members, attendees, minutes, items, recordedBy, createdAt
    }
}

/// One decided item as entered.
public struct DecidedItemDraft: Sendable {
    public let text: String
    public let ownerID: Organisation.ID
    public let dueOn: CivilDate

    public init(text: String, ownerID: Organisation.ID, dueOn: CivilDate) {
        self.text = text
        self.ownerID = ownerID
        self.dueOn = dueOn
    }
}

extension SupervisionUseCases {
    /// 记录会议 — the convener (the justice bureau's supervisor, or a head) records the meeting; each
    /// decided item becomes a matter the owner must report on by its date, in the same transaction (SUP-11).
    public func recordJointMeeting(kind: JointMeeting.Kind, title: String, heldOn: CivilDate, place: String, members: [Organisation.ID],
                                   attendees: String, minutes: String, items: [DecidedItemDraft], by actor: Actor) async throws -> JointMeeting {
        let home = try await coordinationDesk(actor, .decidedItem, roles: JointMeetingStart.roles)
        let title = title.trimmed, minutes = minutes.trimmed, attendees = attendees.trimmed
        guard (2...100).contains(title.count) else { throw SunlightError.invalid("title", "请填写会议名称（2–100 字）", rule: .sup11) }
        guard (5...8000).contains(minutes.count) else { throw SunlightError.invalid("minutes", "请填写会议纪要（5–8000 字）", rule: .sup11) }
        guard heldOn <= clock.today else { throw SunlightError.invalid("heldOn", "会议日期应为今天或以前", rule: .sup11) }
        let memberIDs = Array(Set(members + [home.id])).sorted { $0.uuidString < $1.uuidString }
        var organisations: [Organisation.ID: Organisation] = [:]
        for id in memberIDs { organisations[id] = try await requireOrganisation(id) }
        guard memberIDs.count >= 2 else { throw SunlightError.invalid("members", "联席会议、联合执法至少有两家成员单位", rule: .sup11) }
        let meetingID = UUID()
        var matters: [CoordinationMatter] = []
        var decided: [JointMeeting.Item] = []
        for item in items where !item.text.trimmed.isEmpty {
            guard let owner = organisations[item.ownerID] else { throw SunlightError.invalid("owner", "议定事项的责任单位应是成员单位", rule: .sup11) }
            guard item.dueOn > clock.today else { throw SunlightError.invalid("due", "议定事项的反馈期限应晚于今天", rule: .sup11) }
            let matter = try await draftMatter(.decidedItem, from: home, to: owner, coordinator: nil, subject: String(item.text.trimmed.prefix(40)),
                                               details: item.text, reference: title, link: StoredLink.jointMeeting(meetingID),
                                               dueOn: item.dueOn, by: actor)
            matters.append(matter)
            decided.append(JointMeeting.Item(matterID: matter.id, text: matter.details, ownerID: owner.id, dueOn: item.dueOn))
        }
        let meeting = JointMeeting(id: meetingID, kind: kind, organisationID: home.id, title: title, heldOn: heldOn, place: place.trimmed,
                                   members: memberIDs, attendees: attendees, minutes: minutes, items: decided, recordedBy: actor.displayName,
                                   createdAt: now)
        let raised = matters
        return try await save(meeting, new: true, "meeting.recorded", "记录\(kind.chineseName)：\(title)（议定事项 \(decided.count) 项）",
                              in: home, by: actor) { tx in
            for matter in raised { try await tx.records(CoordinationMatter.self).insert(matter) }
            return try raised.map { try $0.ledgerRecord("coordination.raised") }
        }
    }

    /// The meetings the actor's organisation convened or took part in; a supervisor's, all below.
    public func jointMeetings(by actor: Actor) async throws -> [JointMeeting] {
        let inView = try await meetingDesk(actor)
        return try await store.records(JointMeeting.self).list(organisations: nil, statuses: nil)
            .filter { $0.involves(inView) }
            .sorted { ($0.heldOn, $0.createdAt) > ($1.heldOn, $1.createdAt) }
    }

    /// One meeting the actor's organisation convened or took part in (a supervisor's: any below).
    public func jointMeeting(_ id: JointMeeting.ID, by actor: Actor) async throws -> JointMeeting {
        let inView = try await meetingDesk(actor)
        guard let meeting = try await store.records(JointMeeting.self).find(id), meeting.involves(inView) else { throw SunlightError.notFound("会议") }
        return meeting
    }

    /// The organisations whose meetings the actor may read, once the role is checked.
    private func meetingDesk(_ actor: Actor) async throws -> Set<Organisation.ID> {
        try await guarded(actor, JointMeeting.table, id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head, .publicityClerk, .officer) }
        return Set(try await organisationsInView(of: actor).map(\.id))
    }
}
