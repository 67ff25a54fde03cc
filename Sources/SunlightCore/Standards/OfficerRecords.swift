import Foundation
import SunlightLedger

/// 年度审验 — the annual review of an enforcement certificate (STD-2).
public struct CertificateReview: Identifiable, Sendable, Equatable {
    public let id: UUID
    public let certificateID: EnforcementCertificate.ID
    public let year: Int
    public let passed: Bool
    public let reviewedOn: CivilDate
    public let note: String?

    public init(id: UUID = UUID(), certificateID: EnforcementCertificate.ID, year: Int, passed: Bool, reviewedOn: CivilDate, note: String?) {
        self.id = id
        self.certificateID = certificateID
        self.year = year
        self.passed = passed
        self.reviewedOn = reviewedOn
        self.note = note
    }

    func ledgerRecord(organisationID: UUID) -> LedgerRecord {
        Self.logged(type: "certificate.reviewed", table: "certificate_reviews", id: id.uuidString.lowercased(), organisationID: organisationID,
                    content: .object(["id": Snapshot.uuid(id), "certificate": Snapshot.uuid(certificateID), "year": .int(Int64(year)),
                                       "passed": .bool(passed), "reviewedOn": .string(reviewedOn.iso), "note": Snapshot.text(note)]))
    }
}

/// 培训记录 — an officer's training (STD-2).
public struct TrainingRecord: Identifiable, Sendable, Equatable {
    public let id: UUID
    public let userID: StaffUser.ID
    public let date: CivilDate
    public let hours: Int
    public let topic: String
    public let provider: String

    public init(id: UUID = UUID(), userID: StaffUser.ID, date: CivilDate, hours: Int, topic: String, provider: String) {
        self.id = id
        self.userID = userID
        self.date = date
        self.hours = hours
        self.topic = topic
        self.provider = provider
    }

    func ledgerRecord(organisationID: UUID) -> LedgerRecord {
        Self.logged(type: "training.recorded", table: "trainings", id: id.uuidString.lowercased(), organisationID: organisationID,
                    content: .object(["id": Snapshot.uuid(id), "user": Snapshot.uuid(userID), "date": .string(date.iso),
                                       "hours": .int(Int64(hours)), "topic": .string(topic), "provider": .string(provider)]))
    }
}

/// 证件审验与培训存储.
public protocol OfficerRecordRepository: Sendable {
    func insert(review: CertificateReview) async throws
    func insert(training: TrainingRecord) async throws
    func reviews(certificates: [EnforcementCertificate.ID]) async throws -> [CertificateReview]
    func trainings(users: [StaffUser.ID]) async throws -> [TrainingRecord]
}

/// 执法人员资格 — an officer with everything PUB-2 publishes and REC-7 checks.
public struct OfficerQualification: Sendable {
    public let user: StaffUser
    public let organisation: Organisation
    public let certificates: [EnforcementCertificate]
    public let reviews: [CertificateReview]
    public let trainings: [TrainingRecord]

    /// The certificate that counts: the valid one that runs longest, else the newest.
    public func mainCertificate(on date: CivilDate) -> EnforcementCertificate? {
        certificates.filter { $0.status(on: date) == .valid }.max { $0.validUntil < $1.validUntil }
            ?? certificates.max { $0.validFrom < $1.validFrom }
    }

    /// The latest annual review of a certificate.
    public func latestReview(of certificate: EnforcementCertificate) -> CertificateReview? {
        reviews.filter { $0.certificateID == certificate.id }.max { $0.year < $1.year }
    }

    /// 年度审验 as people read it: 2025 年度合格 / 不合格 / 未审验.
    public func reviewText(of certificate: EnforcementCertificate) -> String {
        latestReview(of: certificate).map { "\($0.year) 年度\($0.passed ? "审验合格" : "审验不合格")" } ?? "尚无审验记录"
    }

    /// Training hours in the twelve months before `date`.
    public func trainingHours(before date: CivilDate) -> Int {
        trainings.filter { $0.date <= date && $0.date.days(until: date) < 366 }.reduce(0) { $0 + $1.hours }
    }

    /// Whether the officer may be assigned to enforcement of `category` on `date` (REC-7, STD-2);
    /// throws the reason, in Chinese, citing REC-7.
    public func checkAssignable(to category: EnforcementCategory?, on date: CivilDate) throws {
        if let problem = assignmentProblem(to: category, on: date) {
            throw SunlightError(.ruleViolation, code: "officer.not_assignable", "\(user.displayName)不能被指派执法：\(problem)", rule: .rec7)
        }
    }

    /// Whether the officer may be assigned to enforcement of `category` on `date` (REC-7, STD-2).
    public func isAssignable(to category: EnforcementCategory?, on date: CivilDate) -> Bool {
        assignmentProblem(to: category, on: date) == nil
    }

    /// Why the officer may not be assigned, in Chinese; `nil` when they may.
    func assignmentProblem(to category: EnforcementCategory?, on date: CivilDate) -> String? {
        guard user.isActive else { return "账号已停用" }
        guard user.has(.officer) else { return "不是执法人员" }
        guard !certificates.isEmpty else { return "没有行政执法证件（无证不得从事执法活动）" }
        let valid = certificates.filter { $0.status(on: date) == .valid }
        if valid.isEmpty, let best = certificates.max(by: { $0.validUntil < $1.validUntil }) {
            switch best.status(on: date) {
            case .revoked: return "执法证 \(best.number) 已于 \(best.revokedOn?.iso ?? "") 注销"
            case .expired: return "执法证 \(best.number) 已于 \(best.validUntil.iso) 过期"
            default: return "执法证 \(best.number) 自 \(best.validFrom.iso) 起才生效"
            }
        }
        let reviewed = valid.filter { latestReview(of: $0)?.passed != false }
        guard !reviewed.isEmpty else { return "执法证年度审验不合格" }
        if let category, !reviewed.contains(where: { $0.categories.contains(category) }) {
            return "执法证的执法类别不含“\(category.chineseName)”"
        }
        return nil
    }
}

/// 持证率 — the share of an organisation's officers holding a valid certificate (STD-2, seed 003: ≥ 85%).
public struct CertificateRate: Sendable, Equatable {
    public static let target = 0.85
    public let officers: Int
    public let certified: Int

    public var rate: Double { officers == 0 ? 1 : Double(certified) / Double(officers) }
    public var meetsTarget: Bool { rate >= Self.target }
    /// `85.7%`.
    public var percentText: String { String(format: "%.1f%%", rate * 100) }

    public init(officers: Int, certified: Int) {
        self.officers = officers
        self.certified = certified
    }

    public init(_ qualifications: [OfficerQualification], on date: CivilDate) {
        let officers = qualifications.filter { $0.user.isActive && $0.user.has(.officer) }
        self.init(officers: officers.count,
                  certified: officers.filter { (try? $0.checkAssignable(to: nil, on: date)) != nil }.count)
    }
}
