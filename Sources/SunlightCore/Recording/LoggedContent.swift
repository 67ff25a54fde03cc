import Foundation

/// 留痕内容版本表 — every kind of record whose content the log hashes, and the content version
/// written now (REC-5). What each hashes is pinned by golden vectors
/// (`Tests/SunlightCoreTests/Resources/ledger-vectors.json`) and by the committed upgrade
/// database (`Tests/Fixtures/ledger-v1`). Never change what a version hashes: add a version
/// (docs/ledger.md, "How the format may evolve").
///
/// Hand-written canonical content (`ledgerContent` beside each type, `Snapshots.swift`):
extension Organisation: LoggedContent { public static let contentVersion = 1 }
extension StaffUser: LoggedContent { public static let contentVersion = 1 }
extension EnforcementCertificate: LoggedContent { public static let contentVersion = 1 }
extension ApiToken: LoggedContent { public static let contentVersion = 1 }
extension LoadedHolidayNotice: LoggedContent { public static let contentVersion = 1 }
extension AccessLogEntry: LoggedContent { public static let contentVersion = 1 }
extension ListEntryVersion: LoggedContent { public static let contentVersion = 1 }
extension CertificateReview: LoggedContent { public static let contentVersion = 1 }
extension TrainingRecord: LoggedContent { public static let contentVersion = 1 }
extension EvidenceFile: LoggedContent { public static let contentVersion = 1 }
/// Version 2: the title (案由) sealed; version 1 had it in the clear (issue 15 item 8).
extension EnforcementCase: LoggedContent { public static let contentVersion = 2 }
extension CaseParty: LoggedContent { public static let contentVersion = 1 }
extension CaseEvent: LoggedContent { public static let contentVersion = 1 }
extension CaseOfficer: LoggedContent { public static let contentVersion = 1 }
/// Version 3: free prose (案情, 询问内容…) sealed too; version 2: personal fields (被询问人, 受送达人…)
/// sealed; version 1 had both in the clear (issue 15 item 8).
extension CaseDocument: LoggedContent { public static let contentVersion = 3 }
/// Version 2: `confirmedBy` sealed; version 1 had it in the clear (issue 15 item 8).
extension CaseEvidence: LoggedContent { public static let contentVersion = 2 }
extension InterferenceRecord: LoggedContent { public static let contentVersion = 1 }
extension DiscretionBenchmark: LoggedContent { public static let contentVersion = 1 }
extension AudioVideoListEntry: LoggedContent { public static let contentVersion = 1 }
extension PublicationPolicy: LoggedContent { public static let contentVersion = 1 }
/// Hand-written envelopes around Codable bodies (explicit `CodingKeys` on every body type):
extension MajorDecisionCatalogue: LoggedContent { public static let contentVersion = 1 }
extension ReviewRecord: LoggedContent { public static let contentVersion = 1 }
extension PublicationEvent: LoggedContent { public static let contentVersion = 1 }
extension ComplaintEvent: LoggedContent { public static let contentVersion = 1 }
/// Whole states (``StoredState``: sorted-key JSON of the type's `CodingKeys`):
extension DecisionPublication { public static let contentVersion = 1 }
extension InspectionDraw { public static let contentVersion = 1 }
extension CaseTransfer { public static let contentVersion = 1 }
extension DisciplineReferral { public static let contentVersion = 1 }
extension SupervisionInstrument { public static let contentVersion = 1 }
extension Complaint { public static let contentVersion = 1 }
extension CoordinationMatter { public static let contentVersion = 1 }
extension ApprovalRoute { public static let contentVersion = 1 }
extension JointMeeting { public static let contentVersion = 1 }
extension SupervisionInspection { public static let contentVersion = 1 }
extension GuidingCase { public static let contentVersion = 1 }
extension AssessmentScheme { public static let contentVersion = 1 }
extension OrganisationAssessment { public static let contentVersion = 1 }
extension AssessmentFiling { public static let contentVersion = 1 }
extension CatalogueApproval { public static let contentVersion = 1 }
extension CatalogueBounds { public static let contentVersion = 1 }
/// Version 2: the summary (线索内容) sealed; version 1 had it in the clear (issue 15 item 8).
extension CaseLead { public static let contentVersion = 2 }
extension PublishedAnnualReport { public static let contentVersion = 1 }
