/// 办理流程 — for each kind of coordination matter, which step may follow which, who takes it,
/// what it must say and the clock it starts. Pure data, tested in milliseconds.
public enum CoordinationFlow {
    public enum Clock: Sendable, Equatable {
        /// The next step has no deadline.
        case none
        /// The next step is due this many working days after today.
        case workingDays(Int)
    }

    public struct Transition: Sendable {
        public let action: CoordinationMatter.Action
        public let from: CoordinationMatter.Status
        public let to: CoordinationMatter.Status
        public let party: CoordinationMatter.Party
        public let roles: [Role]
        public let clock: Clock
        /// The length the step's text must have.
        public let text: ClosedRange<Int>
        /// What the text is, for the form.
        public let prompt: String
        /// A choice the step must make, if any.
        public let options: [String]

        init(_ action: CoordinationMatter.Action, _ from: CoordinationMatter.Status, _ to: CoordinationMatter.Status, by party: CoordinationMatter.Party,
             _ roles: [Role], _ clock: Clock = .none, text: ClosedRange<Int> = 5...4000, prompt: String, options: [String] = []) {
            self.action = action
            self.from = from
            self.to = to
            self.party = party
            self.roles = roles
            self.clock = clock
            self.text = text
            self.prompt = prompt
            self.options = options
        }
    }

    /// Days the first step has after a matter is raised (a decided item's date is the meeting's).
    public static func openingClock(of kind: CoordinationMatter.Kind) -> Clock {
        switch kind {
        case .dispute: .workingDays(5)
        case .assistance: .workingDays(5)
        case .approvalLink: .workingDays(3)
        case .decidedItem: .none
        case .accountability: .workingDays(30)
        }
    }

    public static func openingStatus(of kind: CoordinationMatter.Kind) -> CoordinationMatter.Status {
        switch kind {
        case .dispute: .applied
        case .assistance: .requested
        case .approvalLink: .routed
        case .decidedItem: .assigned
        case .accountability: .found
        }
    }

    /// 执法协助的事项 (seed 001 (十五)五).
    public static let assistanceKinds = ["提供技术支撑（检验、检测、鉴定、认定）", "查阅、复制档案资料", "协助调查取证"]
    /// 责任追究的处理方式 (seed 001 (八)).
    public static let accountabilityHandlings = ["批评教育", "责令书面检查", "通报批评", "暂扣执法证件", "调离执法岗位", "取消执法资格",
                                                  "移送任免机关或者监察机关", "移送司法机关", "经查不予追究"]

    static let desk: [Role] = [.head, .publicityClerk]
    static let everyone: [Role] = [.head, .officer, .publicityClerk]

    public static func transitions(of kind: CoordinationMatter.Kind) -> [Transition] {
        switch kind {
        case .dispute: [
            Transition(.accept, .applied, .accepted, by: .coordinator, [.supervisor], .workingDays(30), text: 0...2000, prompt: "受理意见（可不填）"),
            Transition(.decline, .applied, .declined, by: .coordinator, [.supervisor], prompt: "不予受理的理由"),
            Transition(.agree, .accepted, .closed, by: .coordinator, [.supervisor], prompt: "协调一致的意见"),
            Transition(.issueOpinion, .accepted, .opinionIssued, by: .coordinator, [.supervisor], .workingDays(5), text: 10...4000, prompt: "书面协调建议"),
            Transition(.refer, .opinionIssued, .referred, by: .coordinator, [.supervisor], text: 0...1000, prompt: "报请裁决的说明（可不填）"),
            Transition(.recordRuling, .referred, .closed, by: .coordinator, [.supervisor], prompt: "政府裁决结果"),
        ]
        case .assistance: [
            Transition(.answer, .requested, .closed, by: .counterpart, everyone, prompt: "协助情况"),
            Transition(.decline, .requested, .declined, by: .counterpart, [.head], prompt: "不能协助的理由"),
        ]
        case .approvalLink: [
            Transition(.acknowledge, .routed, .acknowledged, by: .counterpart, everyone, .workingDays(20), text: 0...1000, prompt: "接收说明（可不填）"),
            Transition(.feedback, .acknowledged, .closed, by: .counterpart, everyone, prompt: "事中事后监管情况"),
        ]
        case .decidedItem: [
            Transition(.report, .assigned, .reported, by: .counterpart, desk, prompt: "落实情况"),
            Transition(.close, .reported, .closed, by: .raiser, [.supervisor, .head], text: 0...1000, prompt: "办结意见（可不填）"),
            Transition(.sendBack, .reported, .assigned, by: .raiser, [.supervisor, .head], .workingDays(10), prompt: "退回理由"),
        ]
        case .accountability: [
            Transition(.handle, .found, .closed, by: .counterpart, [.head], prompt: "处理决定", options: accountabilityHandlings),
        ]
        }
    }

    /// 说明情况 — any party may add a statement while the matter is open; it changes nothing else.
    static func note(from status: CoordinationMatter.Status, by party: CoordinationMatter.Party) -> Transition {
        Transition(.note, status, status, by: party, everyone + [.supervisor], prompt: "情况说明")
    }
}
