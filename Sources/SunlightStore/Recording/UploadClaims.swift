import FluentKit
import Foundation
import SunlightCore
import SunlightLedger

/// `upload_claims` — which credential uploaded which file (M017; issue 15 item 1).
final class UploadClaimModel: Model, @unchecked Sendable {
    static let schema = "upload_claims"

    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @Field(key: "credential") var credential: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "claimed_at") var claimedAt: Date

    init() {}

    init(_ claim: UploadClaim, id: UUID) {
        self.id = id
        sha256 = claim.sha256.hex
        credential = claim.credential
        organisationID = claim.organisationID
        claimedAt = claim.claimedAt
    }
}

struct FluentUploadClaimRepository: UploadClaimRepository {
    let database: any Database

    func insert(_ claim: UploadClaim) async throws {
        guard try await !holds(claim.sha256, credential: claim.credential) else { return }
        try await UploadClaimModel(claim, id: UUID()).create(on: database)
    }

    func holds(_ sha256: LedgerHash, credential: String) async throws -> Bool {
        try await UploadClaimModel.query(on: database).filter(\.$sha256 == sha256.hex).filter(\.$credential == credential).first() != nil
    }
}
