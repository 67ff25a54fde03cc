/// 公示清单维护操作 — what staff may do to their organisation's lists (PUB-1..3).
public enum ListAction: String, CaseIterable, Sendable, NamedAction {
    /// 起草 — a new entry or a new version of one (the form, and the link to it).
    case draft
    /// 废止 — draft the repeal of an entry in force.
    case repeal
    /// 从 CSV 导入 — drafts in one transaction.
    case importCSV = "import"

    public static let area = "list"
}

/// Who may draft changes to an organisation's lists: its officers, head and publicity clerk;
/// nothing is public until the clerk checks it (PUB-3).
public struct ListPermissions: Permissions {
    public let actor: Actor
    public let organisation: Organisation

    public init(actor: Actor, organisation: Organisation) {
        self.actor = actor
        self.organisation = organisation
    }

    public func check(_ action: ListAction) throws {
        try actor.require(anyOf: .officer, .head, .publicityClerk)
        guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
    }
}

/// 公示审核操作 — the publicity clerk's step on one draft (PUB-3).
public enum ListCheckAction: String, CaseIterable, Sendable, NamedAction {
    /// 审核通过并公示，或退回.
    case check

    public static let area = "list-check"
}

/// Who may check one draft now: the publicity clerk of its organisation, a draft not yet
/// checked, and never the clerk's own draft (PUB-3: four eyes).
public struct ListCheckPermissions: Permissions {
    public let actor: Actor
    public let draft: ListEntryVersion
    public let organisation: Organisation

    public init(actor: Actor, draft: ListEntryVersion, organisation: Organisation) {
        self.actor = actor
        self.draft = draft
        self.organisation = organisation
    }

    public func check(_ action: ListCheckAction) throws {
        try actor.require(anyOf: .publicityClerk)
        guard actor.scope.canChange(organisation) else { throw SunlightError.outsideScope }
        guard draft.status == .draft else {
            throw SunlightError(.conflict, code: "list.checked", "该版本已经审核过（\(draft.status.chineseName)）", rule: draft.kind.rule)
        }
        guard draft.draftedBy != actor.user?.id else {
            throw SunlightError(.forbidden, code: "list.self_check", "公示管理员不能审核自己起草的内容，请由其他人员起草", rule: draft.kind.rule)
        }
    }
}

/// One list of the reader's organisation as its staff page shows it: what is in force, every
/// version drafted, and what the reader may do (PUB-1..3).
public struct ListDesk: Sendable {
    public let organisation: Organisation
    public let current: [PublishedEntry]
    /// Newest first.
    public let versions: [ListEntryVersion]
    public let actions: Set<ListAction>
}

/// The lists overview: per kind, the entries in force and the drafts waiting; and the clerk's
/// queue length (nil for anyone who checks nothing) (PUB-1..3).
public struct ListOverview: Sendable {
    public struct Kind: Sendable {
        public let kind: ListKind
        public let current: Int
        public let drafts: Int
    }
    public let organisation: Organisation
    public let kinds: [Kind]
    public let pendingChecks: Int?
}
