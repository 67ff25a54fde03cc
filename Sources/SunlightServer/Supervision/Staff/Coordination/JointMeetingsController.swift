import Foundation
import SunlightCore
import Vapor

/// 联席会议与联合执法 — meetings and joint actions with members, minutes and decided items; each
/// item is a coordination matter with its owner's feedback deadline (SUP-11).
struct JointMeetingsController {
    struct ItemView: Encodable { let text, owner, due, status, link: String; let overdue: Bool }
    struct MeetingView: Encodable {
        let id, kind, title, heldOn, place, convener, members, attendees, minutes, recordedBy: String
        let items: [ItemView]
    }
    struct ListPage: Encodable {
        let page: PageContext
        let meetings: [MeetingView]
        let cadence: [String]
        let kinds, organisations: [Option]
        let rows: [Int]
        /// ``JointMeetingStart`` → allowed.
        let start: [String: Bool]
        let problem: String?
    }
    struct DetailPage: Encodable { let page: PageContext; let meeting: MeetingView }

    /// Decided items entered per meeting form (no JavaScript: a fixed number of rows).
    static let itemRows = 5

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "coordination", "meetings", use: list)
        routes.post("staff", "coordination", "meetings", use: record)
        routes.get("staff", "coordination", "meetings", ":meeting", use: show)
    }

    @Sendable func list(_ request: Request) async throws -> Response { try await render(request, problem: nil) }

    func render(_ request: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try request.requireStaff().actor
        let sunlight = request.sunlight
        let desk = try await sunlight.supervision.jointMeetingDesk(by: actor)
        let meetings = desk.meetings.map(\.meeting)
        let views = desk.meetings.map { view($0, today: sunlight.clock.today) }
        let today = sunlight.clock.today
        let quarterStart = CivilDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)!
        let cadence = [
            "本年度已召开行政执法协调监督联席会议 \(meetings.filter { $0.kind == .coordinationConference && $0.heldOn.year == today.year }.count) 次（原则上每年至少一次）",
            "本季度已召开行政审批与事中事后监管联席会议 \(meetings.filter { $0.kind == .approvalConference && $0.heldOn >= quarterStart }.count) 次（原则上每季度至少一次）",
        ]
        return try await Page.render("staff/coordination/meetings", ListPage(
            page: PageContext(request, title: "联席会议与联合执法"), meetings: views, cadence: cadence,
            kinds: CaseText.options(JointMeeting.Kind.self, \.chineseName),
            organisations: desk.organisations.map { Option($0) },
            rows: Array(1...Self.itemRows), start: Can.flags(desk.start), problem: problem), on: request, status: status)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let actor = try request.requireStaff().actor
        let id = try request.uuid("meeting", "会议")
        let meeting = try await request.sunlight.supervision.jointMeetingView(id, by: actor)
        return try await Page.render("staff/coordination/meeting", DetailPage(page: PageContext(request, title: meeting.meeting.title),
                                                                           meeting: view(meeting, today: request.sunlight.clock.today)), on: request)
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        try await Page.submit(request, to: "/staff/coordination/meetings", { actor in
            guard let kind = request.field("kind").flatMap(JointMeeting.Kind.init(rawValue:)) else { throw SunlightError.invalid("kind", "请选择会议类别", rule: .sup11) }
            let members = ((try? request.content.get([String].self, at: "members")) ?? []).compactMap(UUID.init(uuidString:))
            var items: [DecidedItemDraft] = []
            for row in 1...Self.itemRows {
                guard let text = request.field("item\(row)"), !text.isEmpty else { continue }
                guard let owner = request.field("owner\(row)").flatMap(UUID.init(uuidString:)) else { throw SunlightError.invalid("owner", "请选择第 \(row) 项的责任单位", rule: .sup11) }
                items.append(DecidedItemDraft(text: text, ownerID: owner, dueOn: try request.dateField("due\(row)", "第 \(row) 项的反馈期限", rule: .sup11)))
            }
            _ = try await request.sunlight.supervision.recordJointMeeting(kind: kind, title: request.field("title") ?? "", heldOn: try request.dateField("heldOn", "会议日期", rule: .sup11),
                                                             place: request.field("place") ?? "", members: members, attendees: request.field("attendees") ?? "",
                                                             minutes: request.field("minutes") ?? "", items: items, by: actor)
        }) { try await render(request, problem: $0, status: $1) }
    }

    func view(_ read: JointMeetingView, today: CivilDate) -> MeetingView {
        let meeting = read.meeting
        func name(_ id: Organisation.ID) -> String { read.names[id] ?? "" }
        let items = meeting.items.map { item in
            let matter = read.matters[item.matterID]
            return ItemView(text: item.text, owner: name(item.ownerID), due: item.dueOn.iso, status: matter?.status.chineseName ?? "",
                            link: "/staff/coordination/\(item.matterID.uuidString.lowercased())", overdue: matter?.isOverdue(today: today) ?? false)
        }
        let members = meeting.members.map(name)
        return MeetingView(id: meeting.id.uuidString.lowercased(), kind: meeting.kind.chineseName, title: meeting.title, heldOn: meeting.heldOn.iso,
                           place: meeting.place, convener: name(meeting.organisationID), members: members.joined(separator: "、"),
                           attendees: meeting.attendees, minutes: meeting.minutes, recordedBy: meeting.recordedBy, items: items)
    }
}
