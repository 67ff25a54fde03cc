import Foundation

/// 记录会议 — what the meetings desk offers (SUP-11).
public enum JointMeetingStart: String, CaseIterable, Sendable, NamedAction {
    /// Record a meeting or joint action with its decided items — a supervisor or a head, as convener.
    case record

    public static let area = "meeting-new"

    public static let roles: [Role] = [.supervisor, .head]

    /// Throws unless the actor may convene and record a meeting for their organisation.
    public static func check(_ actor: Actor) throws {
        guard roles.contains(where: actor.has) else { throw SunlightError.missingRole(roles) }
        guard actor.organisation != nil, actor.user != nil else { throw SunlightError.outsideScope }
    }

    public static func allowed(for actor: Actor) -> Set<JointMeetingStart> { passes { try check(actor) } ? [.record] : [] }
}

/// One meeting as the desk shows it: its organisations named, and the state of each decided item.
public struct JointMeetingView: Sendable {
    public let meeting: JointMeeting
    public let names: [Organisation.ID: String]
    /// The matter each decided item became, by its ID.
    public let matters: [CoordinationMatter.ID: CoordinationMatter]
}

/// The meetings desk: the meetings in view (newest first), what the reader may record, and the
/// organisations a meeting may have as members (SUP-11).
public struct JointMeetingDesk: Sendable {
    public let meetings: [JointMeetingView]
    public let start: Set<JointMeetingStart>
    public let organisations: [Organisation]
}

extension SupervisionUseCases {
    /// The meetings desk, with every name and decided item read in one query each (SUP-11).
    public func jointMeetingDesk(by actor: Actor) async throws -> JointMeetingDesk {
        let meetings = try await jointMeetings(by: actor)
        let start = JointMeetingStart.allowed(for: actor)
        let organisations = start.isEmpty ? [] : try await organisations.publicOrganisationTree().nodes.map(\.organisation).filter { $0.kind != .government || $0.level == .town }
        return JointMeetingDesk(meetings: try await views(of: meetings), start: start, organisations: organisations)
    }

    /// One meeting as its page shows it (SUP-11).
    public func jointMeetingView(_ id: JointMeeting.ID, by actor: Actor) async throws -> JointMeetingView {
        try await views(of: [try await jointMeeting(id, by: actor)])[0]
    }

    private func views(of meetings: [JointMeeting]) async throws -> [JointMeetingView] {
        let names = try await organisationNames(meetings.flatMap { [$0.organisationID] + $0.members + $0.items.map(\.ownerID) })
        let matters = try await itemMatters(of: meetings)
        return meetings.map { JointMeetingView(meeting: $0, names: names, matters: matters) }
    }
}
