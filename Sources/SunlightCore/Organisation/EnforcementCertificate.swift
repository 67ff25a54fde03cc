import Foundation

/// 行政执法证件 — an officer's enforcement certificate (PUB-2, STD-2): no certificate, no enforcement.
public struct EnforcementCertificate: Identifiable, Hashable, Sendable, Codable {
    public typealias ID = UUID

    /// Where a certificate stands on a given day.
    public enum Status: String, Codable, Sendable {
        case valid, notYetValid = "not_yet_valid", expired, revoked

        public var chineseName: String {
            switch self {
            case .valid: "有效"
            case .notYetValid: "尚未生效"
            case .expired: "已过期"
            case .revoked: "已注销"
            }
        }
    }

    public let id: ID
    public var holderID: StaffUser.ID
    /// 证件编号, e.g. `53230100001`.
    public var number: String
    /// 执法类别 the holder may enforce.
    public var categories: Set<EnforcementCategory>
    /// 执法区域, e.g. `元谋县`.
    public var region: String
    public var validFrom: CivilDate
    public var validUntil: CivilDate
    public var revokedOn: CivilDate?
    /// 注销原因.
    public var revocationReason: String?

    public init(id: ID = UUID(), holderID: StaffUser.ID, number: String, categories: Set<EnforcementCategory>,
                region: String, validFrom: CivilDate, validUntil: CivilDate, revokedOn: CivilDate? = nil,
                revocationReason: String? = nil) {
        self.revocationReason = revocationReason
        self.id = id
        self.holderID = holderID
        self.number = number
        self.categories = categories
        self.region = region
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.revokedOn = revokedOn
    }

    public func status(on date: CivilDate) -> Status {
        if let revokedOn, revokedOn <= date { return .revoked }
        if date < validFrom { return .notYetValid }
        if date > validUntil { return .expired }
        return .valid
    }
}
