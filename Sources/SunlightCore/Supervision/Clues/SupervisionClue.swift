import Foundation

/// 监督线索 — a problem found in the data for the supervisor to look at (SUP-4): overdue
/// decisions, stages without audio/video, decisions outside the discretion benchmark, reviews
/// skipped or ignored, publication late or missing, personal data left on the portal. Each
/// points at its evidence.
public struct SupervisionClue: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case overdue, missingAudioVideo = "missing_audio_video", outsideBenchmark = "outside_benchmark"
        case skippedReview = "skipped_review", ignoredOpinion = "ignored_opinion"
        case latePublication = "late_publication", missingPublication = "missing_publication", unredacted
        case referralOverdue = "referral_overdue", transferOverdue = "transfer_overdue", notTransferred = "not_transferred"
        case coordinationOverdue = "coordination_overdue"
        case leadOverdue = "lead_overdue"

        public var chineseName: String {
            switch self {
            case .overdue: "办案超期"
            case .missingAudioVideo: "未音像记录"
            case .outsideBenchmark: "超出裁量基准"
            case .skippedReview: "应审未审"
            case .ignoredOpinion: "不采纳审核意见"
            case .latePublication: "逾期公开"
            case .missingPublication: "应公开未公开"
            case .unredacted: "公开内容含个人信息"
            case .referralOverdue: "逾期未移送纪检监察"
            case .transferOverdue: "案件移送超期"
            case .notTransferred: "应移送未移送"
            case .coordinationOverdue: "协调事项超期"
            case .leadOverdue: "线索核查超期"
            }
        }
    }

    public let kind: Kind
    public let rule: RuleID
    public let organisationID: Organisation.ID
    public let organisationName: String
    /// 案号 or 文号.
    public let reference: String
    public let detail: String
    public let on: CivilDate
    /// The staff page with the evidence.
    public let link: RecordRef
}
