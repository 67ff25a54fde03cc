import Foundation

/// 记录指引 — what a task, a clue or a finding points at: a record or a page, named by its kind
/// and ID, never by its web address. The server turns a reference into a URL in one place
/// (`SunlightServer.Links`), so Core holds no route.
public enum RecordRef: Sendable, Hashable {
    // MARK: staff pages about one record
    /// 案件 — an enforcement case.
    case `case`(UUID)
    /// 文书 — one case document.
    case document(UUID)
    /// 公开 — a decision's publication record (staff view).
    case publication(UUID)
    /// 双随机抽查 — a draw.
    case draw(UUID)
    /// 法制审核 — the review rounds of one submission record.
    case review(submission: UUID)
    /// 投诉举报.
    case complaint(UUID)
    /// 协调事项.
    case coordination(UUID)
    /// 联席会议 / 联合执法 — a recorded joint meeting.
    case jointMeeting(UUID)
    /// 案件线索.
    case lead(UUID)

    // MARK: staff pages
    /// 公示清单 of one kind (staff editing view).
    case list(ListKind)
    /// 工作日历 (administration).
    case calendar
    /// 用户管理 (administration).
    case users
    /// 年度报告 of `year`.
    case annualReport(year: Int)
    /// 指导性案例.
    case guidingCases
    /// 移送纪检监察.
    case referrals
    /// 监督文书.
    case instruments
    /// 考核评议.
    case assessment
    /// 目录审批 — the catalogue versions a justice bureau approves (REV-10).
    case catalogueApprovals

    // MARK: public portal
    /// An organisation's public page.
    case publicOrganisation(UUID)
    /// A published decision's public page.
    case publicDecision(UUID)
    /// One entry of a published list.
    case publicListEntry(organisation: UUID, kind: ListKind, entry: UUID)
    /// An enforcement certificate's public page (by its number).
    case publicCertificate(number: String)
}
