import Foundation

/// 存档链接 — link text that is already persisted or logged, so it keeps the format it was
/// written with whatever the routes become. Three places hold such text: the portal link of a
/// public decision (the open-data record, the bulk export and the messages pushed upward,
/// PUB-10), the portal link of a search document (the search index), and the meeting link of a
/// decided-item coordination matter (a logged record, REC-5). Nothing else in Core writes a web
/// address: everything else is a ``RecordRef`` the server turns into a URL. The server's
/// `Links.url(for:)` gives the same text for the same reference; a test checks they agree.
public enum StoredLink {
    /// ``RecordRef/publicDecision(_:)`` as stored.
    public static func publicDecision(_ id: UUID) -> String { "/d/\(id.uuidString.lowercased())" }

    /// ``RecordRef/publicListEntry(organisation:kind:entry:)`` as stored.
    public static func publicListEntry(organisation: UUID, kind: ListKind, entry: UUID) -> String {
        "/o/\(organisation.uuidString.lowercased())/\(kind.rawValue)/\(entry.uuidString.lowercased())"
    }

    /// ``RecordRef/publicCertificate(number:)`` as stored.
    public static func publicCertificate(number: String) -> String { "/c/\(number)" }

    /// ``RecordRef/jointMeeting(_:)`` as stored in a decided item's coordination matter.
    public static func jointMeeting(_ id: UUID) -> String { "/staff/coordination/meetings/\(id.uuidString.lowercased())" }
}
