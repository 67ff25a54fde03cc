import Foundation
import SunlightCore
import SunlightLedger
import Vapor

/// Files and their records through the API (REC-4): upload a file as the raw body, then
/// record it with its metadata; list, read and download records (each read logged, REC-11).
struct EvidenceApiController {
    struct BlobOut: Content {
        let sha256: String
        let size: UInt64
        let new: Bool
    }

    struct EvidenceIn: Content {
        let sha256: String
        let kind: EvidenceFile.Kind
        let title: String
        let filename: String
        let mediaType: String?
        let recordedAt: Date
        let place: String
        let recordedBy: UUID
        let device: String
        let parties: String?
        let corrects: UUID?
        let correctionReason: String?
    }

    struct EvidenceOut: Content {
        let id: UUID
        let organisationID: UUID
        let kind: EvidenceFile.Kind
        let title: String
        let filename: String
        let mediaType: String
        let sha256: String
        let size: UInt64
        let recordedAt: Date
        let place: String
        let recordedBy: UUID
        let device: String
        let parties: String?
        let uploadedBy: UUID?
        let uploadedAt: Date
        let corrects: UUID?
        let correctionReason: String?

        init(_ f: EvidenceFile) {
            id = f.id
            organisationID = f.organisationID
            kind = f.kind
            title = f.title
            filename = f.filename
            mediaType = f.mediaType
            sha256 = f.sha256.hex
            size = f.size
            recordedAt = f.recordedAt
            place = f.place
            recordedBy = f.recordedBy
            device = f.device
            parties = f.parties
            uploadedBy = f.uploadedBy
            uploadedAt = f.uploadedAt
            corrects = f.corrects
            correctionReason = f.correctionReason
        }
    }

    /// `uploads` takes a raw body of any type (the file itself); the rest read JSON.
    func register(_ authenticated: any RoutesBuilder, uploads: any RoutesBuilder) {
        uploads.on(.POST, "blobs", body: .stream, use: uploadBlob)
        authenticated.post("evidence", use: record)
        authenticated.get("evidence", use: list)
        authenticated.get("evidence", ":id", use: show)
        authenticated.get("evidence", ":id", "content", use: download)
    }

    @Sendable func uploadBlob(_ request: Request) async throws -> Response {
        let actor = try request.requireApiActor()
        try await request.sunlight.cases.authoriseUpload(by: actor)
        let receipt = try await StreamingUpload.receiveRawBody(request)
        try await request.sunlight.cases.logUpload(receipt, filename: request.headers.first(name: "X-Filename"), by: actor)
        return try await BlobOut(sha256: receipt.sha256.hex, size: receipt.size, new: receipt.isNew)
            .encodeResponse(status: receipt.isNew ? .created : .ok, for: request)
    }

    @Sendable func record(_ request: Request) async throws -> Response {
        let input = try request.content.decode(EvidenceIn.self)
        guard let hash = LedgerHash(hex: input.sha256.lowercased()) else {
            throw SunlightError.invalid("sha256", "sha256 应为 64 位十六进制", rule: .rec4)
        }
        let store = request.application.blobStore
        let receipt = BlobReceipt.named(hash, size: store.size(of: hash) ?? 0)
        let file = try await request.sunlight.cases.recordEvidence(NewEvidence(
            kind: input.kind, title: input.title, filename: input.filename, mediaType: input.mediaType ?? "application/octet-stream",
            recordedAt: input.recordedAt, place: input.place, recordedBy: input.recordedBy, device: input.device,
            parties: input.parties, corrects: input.corrects, correctionReason: input.correctionReason),
            blob: receipt, by: try request.requireApiActor())
        return try await EvidenceOut(file).encodeResponse(status: .created, for: request)
    }

    @Sendable func list(_ request: Request) async throws -> API.ListOut<EvidenceOut> {
        API.ListOut(items: try await request.sunlight.cases.evidenceFiles(by: try request.requireApiActor()).map(EvidenceOut.init))
    }

    @Sendable func show(_ request: Request) async throws -> EvidenceOut {
        EvidenceOut(try await request.sunlight.cases.evidenceFile(try request.uuid("id", "文件记录"), by: try request.requireApiActor()))
    }

    @Sendable func download(_ request: Request) async throws -> Response {
        let file = try await request.sunlight.cases.evidenceFile(try request.uuid("id", "文件记录"), by: try request.requireApiActor(), download: true)
        return try await EvidenceDownload.response(for: file, to: request)
    }
}

/// Streams a stored file to the client, never reading it whole.
enum EvidenceDownload {
    static func response(for file: EvidenceFile, to request: Request) async throws -> Response {
        let path = request.application.blobStore.path(of: file.sha256).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw SunlightError(.notFound, code: "blob.missing", "文件仓库中缺少此文件，请运行 sunlight verify 检查", rule: .rec5)
        }
        let response = try await request.fileio.asyncStreamFile(at: path)
        response.headers.contentType = HTTPMediaType.fileExtension(URL(fileURLWithPath: file.filename).pathExtension)
            ?? HTTPMediaType(type: "application", subType: "octet-stream")
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"download\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Repr-Digest", value: "sha-256=:" + Data(file.sha256.bytes).base64EncodedString() + ":")
        return response
    }
}
