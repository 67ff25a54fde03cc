import Foundation
import SunlightLedger

/// 上传凭据 — which session or API token put a file into the store. A file is recorded as
/// evidence only by the credential that uploaded it (or by an officer of a case it already
/// belongs to), so naming another organisation's SHA-256 takes nothing, and an unknown hash
/// and someone else's answer alike (issue 15 item 1; REC-4, REC-11).
public struct UploadClaim: Sendable, Equatable {
    public let sha256: LedgerHash
    /// `token:<id>` or `session:<id>` — see ``Actor/credential``.
    public let credential: String
    public let organisationID: Organisation.ID?
    public let claimedAt: Date

    public init(sha256: LedgerHash, credential: String, organisationID: Organisation.ID?, claimedAt: Date) {
        self.sha256 = sha256
        self.credential = credential
        self.organisationID = organisationID
        self.claimedAt = claimedAt
    }
}

/// 上传凭据存储 — not logged: the upload itself is in the access log; this only says who may use it.
public protocol UploadClaimRepository: Sendable {
    func insert(_ claim: UploadClaim) async throws
    /// Whether `credential` uploaded the file `sha256`.
    func holds(_ sha256: LedgerHash, credential: String) async throws -> Bool
}
