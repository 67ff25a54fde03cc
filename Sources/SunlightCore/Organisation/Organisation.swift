import Foundation

/// 行政层级 — the level of government an organisation belongs to.
public enum AdministrativeLevel: String, Codable, Sendable, CaseIterable, Comparable, ClosedChoice {
    case province, city, county, town

    public var chineseName: String {
        switch self {
        case .province: "省级"
        case .city: "市级"
        case .county: "县级"
        case .town: "乡镇（街道）级"
        }
    }

    var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// 机构类型 — what kind of body an organisation is.
public enum OrganisationKind: String, Codable, Sendable, CaseIterable, ClosedChoice {
    /// 人民政府 — a government at some level; departments and lower governments hang below it.
    case government
    /// 行政执法部门 — an enforcement department of a government (市场监督管理局, 档案局, …).
    case department
    /// 司法行政机关 — the justice bureau that supervises its government's departments and those below.
    case justiceBureau = "justice_bureau"

    public var chineseName: String {
        switch self {
        case .government: "人民政府"
        case .department: "行政执法部门"
        case .justiceBureau: "司法行政机关"
        }
    }
}

/// 机构 — an organisation in the tree: province → city → county → town, with departments and a
/// justice bureau under each government. Every record belongs to exactly one organisation.
public struct Organisation: Identifiable, Hashable, Sendable, Codable {
    public typealias ID = UUID

    public let id: ID
    public var parentID: ID?
    public var name: String
    /// 简称 — used in document numbers, e.g. `元市监` in `元市监罚〔2026〕3号`.
    public var shortName: String
    public var kind: OrganisationKind
    public var level: AdministrativeLevel
    /// Materialised path of IDs from the root, `/root/…/self/`; a subtree is a prefix.
    public var path: String
    public var createdAt: Date

    public init(id: ID = UUID(), parentID: ID?, name: String, shortName: String,
                kind: OrganisationKind, level: AdministrativeLevel, path: String, createdAt: Date) {
        self.id = id
        self.parentID = parentID
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.level = level
        self.path = path
        self.createdAt = createdAt
    }

    /// Whether `other` is this organisation or lies below it.
    public func contains(_ other: Organisation) -> Bool { other.path.hasPrefix(path) }

    /// The path of a child of `parent` with the given ID (or of a root).
    public static func path(for id: ID, under parent: Organisation?) -> String {
        (parent?.path ?? "/") + id.uuidString.lowercased() + "/"
    }

    /// How deep in the tree (a root is 0).
    public var depth: Int { path.split(separator: "/").count - 1 }
}
