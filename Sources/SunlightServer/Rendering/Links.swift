import Foundation
import SunlightCore

/// 链接 — the one place that turns a ``RecordRef`` into a path of this server. Pages, CSV
/// exports and API responses get their links here; Core names records, never routes.
public enum Links {
    /// The path (with query, if any) of the page that shows `ref`.
    public static func url(for ref: RecordRef) -> String {
        func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
        switch ref {
        case .case(let uuid): return "/staff/cases/\(id(uuid))"
        case .document(let uuid): return "/staff/documents/\(id(uuid))"
        case .publication(let uuid): return "/staff/publications/\(id(uuid))"
        case .draw(let uuid): return "/staff/draws/\(id(uuid))"
        case .review(let submission): return "/staff/reviews/\(id(submission))"
        case .complaint(let uuid): return "/staff/complaints/\(id(uuid))"
        case .coordination(let uuid): return "/staff/coordination/\(id(uuid))"
        case .jointMeeting(let uuid): return "/staff/coordination/meetings/\(id(uuid))"
        case .lead(let uuid): return "/staff/leads/\(id(uuid))"
        case .list(let kind): return "/staff/lists/\(kind.rawValue)"
        case .calendar: return "/staff/admin/calendar"
        case .users: return "/staff/admin/users"
        case .annualReport(let year): return "/staff/annual-report?year=\(year)"
        case .guidingCases: return "/staff/guiding-cases"
        case .referrals: return "/staff/supervision/referrals"
        case .instruments: return "/staff/supervision/instruments"
        case .assessment: return "/staff/assessment"
        case .catalogueApprovals: return "/staff/supervision/catalogues"
        case .publicOrganisation(let uuid): return "/o/\(id(uuid))"
        case .publicDecision(let uuid): return "/d/\(id(uuid))"
        case .publicListEntry(let organisation, let kind, let entry): return "/o/\(id(organisation))/\(kind.rawValue)/\(id(entry))"
        case .publicCertificate(let number): return "/c/\(number)"
        }
    }
}
