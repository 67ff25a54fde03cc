import Foundation

/// 检索文档 — what the portal's full-text search finds: a current list entry or an officer.
public struct SearchDocument: Sendable, Equatable {
    /// `entry:<uuid>` or `officer:<uuid>`.
    public let id: String
    public let organisationID: Organisation.ID
    /// 执法事项清单, 执法人员, …
    public let kind: String
    public let title: String
    public let body: String
    /// Where the portal shows it.
    public let link: String
    public let updatedAt: Date

    public static func entryID(_ entry: UUID) -> String { "entry:\(entry.uuidString.lowercased())" }
    public static func officerID(_ user: StaffUser.ID) -> String { "officer:\(user.uuidString.lowercased())" }

    /// Equal in everything the portal shows (not the time it was indexed).
    public func showsTheSame(as other: SearchDocument) -> Bool {
        (id, organisationID, kind, title, body, link) == (other.id, other.organisationID, other.kind, other.title, other.body, other.link)
    }

    /// What the search reads: the title line, then the body, folded (`SearchText`).
    public var searchText: String { SearchText.document(title: title, body: body) }

    public init(id: String, organisationID: Organisation.ID, kind: String, title: String, body: String, link: String, updatedAt: Date) {
        self.id = id
        self.organisationID = organisationID
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.updatedAt = updatedAt
    }
}

/// 全文检索 — one method over a character bigram index, the same tables and SQL on SQLite and
/// PostgreSQL (`SearchText`), so one-character, two-character and longer words are all found.
public protocol SearchRepository: Sendable {
    func upsert(_ document: SearchDocument) async throws
    func remove(id: String) async throws
    /// Documents containing every word of `query` (words split on white space, folded as
    /// `SearchText` says): those with more words in the title first, then newest first, then by ID.
    func search(_ query: String, organisations: [Organisation.ID]?, limit: Int) async throws -> [SearchDocument]
    /// Every document, by ID, a page at a time (for `sunlight verify`).
    func documents(offset: Int, limit: Int) async throws -> [SearchDocument]
    /// IDs of documents whose derived index (folded text, grams) is not what their title and
    /// body give (for `sunlight verify`): changed directly, a document may be hidden.
    func indexMismatches() async throws -> [String]
}
