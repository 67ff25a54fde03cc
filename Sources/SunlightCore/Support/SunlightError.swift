/// 规则编号 — the ID of a rule in DOMAIN.md (`CAL-1`, `REV-1`, …), cited by every refusal.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let cal1 = RuleID(rawValue: "CAL-1")
    public static let cal2 = RuleID(rawValue: "CAL-2")
    public static let cal3 = RuleID(rawValue: "CAL-3")
    public static let cal4 = RuleID(rawValue: "CAL-4")
    public static let pub1 = RuleID(rawValue: "PUB-1")
    public static let pub2 = RuleID(rawValue: "PUB-2")
    public static let pub3 = RuleID(rawValue: "PUB-3")
    public static let pub4 = RuleID(rawValue: "PUB-4")
    public static let pub5 = RuleID(rawValue: "PUB-5")
    public static let pub6 = RuleID(rawValue: "PUB-6")
    public static let pub7 = RuleID(rawValue: "PUB-7")
    public static let pub8 = RuleID(rawValue: "PUB-8")
    public static let pub9 = RuleID(rawValue: "PUB-9")
    public static let pub10 = RuleID(rawValue: "PUB-10")
    public static let pub12 = RuleID(rawValue: "PUB-12")
    public static let sup1 = RuleID(rawValue: "SUP-1")
    public static let sup2 = RuleID(rawValue: "SUP-2")
    public static let sup3 = RuleID(rawValue: "SUP-3")
    public static let sup4 = RuleID(rawValue: "SUP-4")
    public static let sup5 = RuleID(rawValue: "SUP-5")
    public static let sup6 = RuleID(rawValue: "SUP-6")
    public static let sup7 = RuleID(rawValue: "SUP-7")
    public static let sup8 = RuleID(rawValue: "SUP-8")
    public static let sup9 = RuleID(rawValue: "SUP-9")
    public static let sup10 = RuleID(rawValue: "SUP-10")
    public static let sup11 = RuleID(rawValue: "SUP-11")
    public static let sup12 = RuleID(rawValue: "SUP-12")
    public static let sup13 = RuleID(rawValue: "SUP-13")
    public static let pub13 = RuleID(rawValue: "PUB-13")
    public static let pub11 = RuleID(rawValue: "PUB-11")
    public static let rec4 = RuleID(rawValue: "REC-4")
    public static let rec1 = RuleID(rawValue: "REC-1")
    public static let rec2 = RuleID(rawValue: "REC-2")
    public static let rec3 = RuleID(rawValue: "REC-3")
    public static let rec6 = RuleID(rawValue: "REC-6")
    public static let rec7 = RuleID(rawValue: "REC-7")
    public static let rec8 = RuleID(rawValue: "REC-8")
    public static let rec9 = RuleID(rawValue: "REC-9")
    public static let rec10 = RuleID(rawValue: "REC-10")
    public static let rec12 = RuleID(rawValue: "REC-12")
    public static let rec13 = RuleID(rawValue: "REC-13")
    public static let rec14 = RuleID(rawValue: "REC-14")
    public static let rec15 = RuleID(rawValue: "REC-15")
    public static let rec16 = RuleID(rawValue: "REC-16")
    public static let rec17 = RuleID(rawValue: "REC-17")
    public static let rec18 = RuleID(rawValue: "REC-18")
    public static let std3 = RuleID(rawValue: "STD-3")
    public static let std4 = RuleID(rawValue: "STD-4")
    public static let std1 = RuleID(rawValue: "STD-1")
    public static let rec5 = RuleID(rawValue: "REC-5")
    public static let rec11 = RuleID(rawValue: "REC-11")
    public static let std2 = RuleID(rawValue: "STD-2")
    public static let rev1 = RuleID(rawValue: "REV-1")
    public static let rev2 = RuleID(rawValue: "REV-2")
    public static let rev3 = RuleID(rawValue: "REV-3")
    public static let rev4 = RuleID(rawValue: "REV-4")
    public static let rev5 = RuleID(rawValue: "REV-5")
    public static let rev6 = RuleID(rawValue: "REV-6")
    public static let rev7 = RuleID(rawValue: "REV-7")
    public static let rev8 = RuleID(rawValue: "REV-8")
    public static let rev9 = RuleID(rawValue: "REV-9")
    public static let rev10 = RuleID(rawValue: "REV-10")
}

/// The error every use case throws: what went wrong, in Chinese, with the rule it protects.
///
/// One mapping at the HTTP edge turns ``Kind`` into a status code; the message is shown to
/// the user as it is, so it must make sense on its own.
public struct SunlightError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input is malformed or incomplete (400).
        case invalidInput
        /// The caller is not logged in, or the session or token is no longer valid (401).
        case unauthenticated
        /// The caller is logged in but may not do this (403).
        case forbidden
        /// The named thing does not exist (404).
        case notFound
        /// The change conflicts with what is stored (409).
        case conflict
        /// A domain rule refuses the action (422).
        case ruleViolation
        /// Too many attempts; try again after the given number of seconds (429).
        case tooManyAttempts(retryAfterSeconds: Int)
    }

    public let kind: Kind
    /// A stable machine-readable code, e.g. `calendar.outside`.
    public let code: String
    /// What the user reads, in simplified Chinese.
    public let message: String
    /// The DOMAIN.md rule this refusal protects, if any.
    public let rule: RuleID?
    /// The input field at fault, if any.
    public let field: String?

    public init(_ kind: Kind, code: String, _ message: String, rule: RuleID? = nil, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.rule = rule
        self.field = field
    }

    /// The message as people read it, citing the rule's legal basis —
    /// `…（依据《中华人民共和国行政处罚法》第五十八条）`. A message that already names its
    /// statute, or a rule with no national basis, stands as it is; the rule ID stays in `rule`
    /// (API error codes and the log), never in the text.
    public var description: String {
        guard let basis = rule?.legalBasis, !message.contains("《"), !message.contains("法第") else { return message }
        return "\(message)（依据\(basis)）"
    }

    public static func invalid(_ field: String, _ message: String, rule: RuleID? = nil) -> SunlightError {
        SunlightError(.invalidInput, code: "input.invalid", message, rule: rule, field: field)
    }

    public static func notFound(_ what: String) -> SunlightError {
        SunlightError(.notFound, code: "not_found", "未找到\(what)，可能已被删除或编号有误")
    }

    public static let outsideScope = SunlightError(
        .forbidden, code: "scope.outside", "无权访问其他机构的数据：您只能查看和办理本机构（监督人员含所监督机构）的数据")

    public static func missingRole(_ roles: [Role]) -> SunlightError {
        SunlightError(.forbidden, code: "role.missing",
                      "您没有执行此操作的权限，需要以下角色之一：" + roles.map(\.chineseName).joined(separator: "、"))
    }
}
