/// 待办事项 — something a person should do, with its deadline, shown on the staff home page.
public struct StaffTask: Sendable, Equatable {
    public let title: String
    public let detail: String
    public let due: CivilDate?
    /// `nil` when the state cannot be known (the calendar of today is not loaded).
    public let state: DeadlineState?
    /// Where in the staff UI to act on it.
    public let link: RecordRef?
    public let rule: RuleID?

    public init(title: String, detail: String, due: CivilDate?, state: DeadlineState?, link: RecordRef?, rule: RuleID?) {
        self.title = title
        self.detail = detail
        self.due = due
        self.state = state
        self.link = link
        self.rule = rule
    }

    /// Overdue first, then due soon, then on time; unknown last.
    public static func urgencyRank(_ state: DeadlineState?) -> Int {
        switch state { case .overdue: 0; case .dueSoon: 1; case .onTime: 2; case nil: 3 }
    }

    /// Overdue first, then due soon, then by due date; tasks without a date last.
    public static func urgencyOrder(_ a: StaffTask, _ b: StaffTask) -> Bool {
        func rank(_ t: StaffTask) -> Int { urgencyRank(t.state) }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        switch (a.due, b.due) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        default: return a.title < b.title
        }
    }
}
