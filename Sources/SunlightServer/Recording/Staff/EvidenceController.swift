import Foundation
import SunlightCore
import SunlightLedger
import Vapor

/// 音像及电子文件 — upload, list, view and download evidence files in the staff UI (REC-4).
/// The upload form streams: the file goes to disk as it arrives, hashed on the way.
struct EvidenceController {
    struct Row: Encodable {
        let id, kind, title, recordedAt, place, size, sha256, corrects: String
    }

    struct RecorderOption: Encodable {
        let id, label: String
    }

    struct ListPage: Encodable {
        let page: PageContext
        let files: [Row]
        let kinds: [Option]
        let recorders: [RecorderOption]
        let canUpload: Bool
        let now: String
        let maxUpload: String
        let corrects: String
        let error: String?
    }

    struct Detail: Encodable {
        let id, kind, title, filename, mediaType, size, sha256, recordedAt, place, recorder, device, parties, uploadedAt, uploader: String
        let corrects: String?
        let correctionReason: String?
    }

    struct DetailPage: Encodable {
        let page: PageContext
        let file: Detail
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("staff", "evidence", use: list)
        routes.on(.POST, "staff", "evidence", body: .stream, use: upload)
        routes.get("staff", "evidence", ":id", use: show)
        routes.get("staff", "evidence", ":id", "file", use: download)
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, error: nil)
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        try await request.sunlight.cases.authoriseUpload(by: staff.actor)
        let form: (fields: [String: String], file: BlobReceipt?, filename: String?, mediaType: String?)
        do {
            form = try await StreamingUpload.receiveForm(request)
        } catch let error as ErrorPresentation where error.status == 413 {
            return try await render(request, error: error.message, status: .payloadTooLarge)
        }
        let fields = form.fields
        do {
            guard let receipt = form.file else { throw SunlightError.invalid("file", "请选择要上传的文件", rule: .rec4) }
            try await request.sunlight.cases.logUpload(receipt, filename: form.filename, by: staff.actor)
            guard let kind = fields["kind"].flatMap(EvidenceFile.Kind.init(rawValue:)) else {
                throw SunlightError.invalid("kind", "请选择记录形式", rule: .rec4)
            }
            guard let recordedAt = fields["recordedAt"].flatMap(Self.beijingMinute) else {
                throw SunlightError.invalid("recordedAt", "请填写记录时间", rule: .rec4)
            }
            guard let recorder = fields["recordedBy"].flatMap(UUID.init(uuidString:)) else {
                throw SunlightError.invalid("recordedBy", "请选择记录人", rule: .rec4)
            }
            let file = try await request.sunlight.cases.recordEvidence(NewEvidence(
                kind: kind, title: fields["title"] ?? "", filename: form.filename ?? "file", mediaType: form.mediaType ?? "",
                recordedAt: recordedAt, place: fields["place"] ?? "", recordedBy: recorder, device: fields["device"] ?? "",
                parties: fields["parties"], corrects: fields["corrects"].flatMap(UUID.init(uuidString:)),
                correctionReason: fields["correctionReason"]), blob: receipt, by: staff.actor)
            return Page.redirect("/staff/evidence/\(file.id.uuidString)", notice: "evidence_recorded")
        } catch let error as SunlightError where error.kind == .invalidInput || error.kind == .notFound {
            if let receipt = form.file, receipt.isNew { try? request.application.blobStore.remove(receipt.sha256) }
            return try await render(request, error: error.description, status: .badRequest)
        }
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let view = try await request.sunlight.cases.evidenceFileView(try request.uuid("id", "文件记录"), by: staff.actor)
        let file = view.file
        let detail = Detail(
            id: file.id.uuidString, kind: file.kind.chineseName, title: file.title, filename: file.filename, mediaType: file.mediaType,
            size: ByteCounts.text(file.size), sha256: file.sha256.hex, recordedAt: ChinaTime.minuteText(file.recordedAt),
            place: file.place, recorder: view.recorder ?? "—", device: file.device, parties: file.parties ?? "—",
            uploadedAt: ChinaTime.secondText(file.uploadedAt), uploader: view.uploader ?? "—",
            corrects: file.corrects?.uuidString, correctionReason: file.correctionReason)
        return try await Page.render("staff/evidence-file", DetailPage(page: PageContext(request, title: file.title), file: detail), on: request)
    }

    @Sendable func download(_ request: Request) async throws -> Response {
        let staff = try request.requireStaff()
        let file = try await request.sunlight.cases.evidenceFile(try request.uuid("id", "文件记录"), by: staff.actor, download: true)
        return try await EvidenceDownload.response(for: file, to: request)
    }

    private func render(_ request: Request, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let staff = try request.requireStaff()
        let files = try await request.sunlight.cases.evidenceFiles(by: staff.actor).map { file in
            Row(id: file.id.uuidString, kind: file.kind.chineseName, title: file.title, recordedAt: ChinaTime.minuteText(file.recordedAt),
                place: file.place, size: ByteCounts.text(file.size), sha256: String(file.sha256.hex.prefix(16)) + "…",
                corrects: file.corrects.map { "更正 " + $0.uuidString.prefix(8) } ?? "")
        }
        let recorders = try await request.sunlight.cases.recorders(for: staff.actor).map {
            RecorderOption(id: $0.id.uuidString, label: "\($0.displayName)（\($0.username)）")
        }
        let canUpload = DeskPermissions(actor: staff.actor).allows(.recordEvidence)
        let now = ChinaTime.minuteText(request.sunlight.clock.now).replacingOccurrences(of: " ", with: "T")
        return try await Page.render("staff/evidence", ListPage(
            page: PageContext(request, title: "音像及电子文件"), files: files,
            kinds: EvidenceFile.Kind.allCases.map { Option(value: $0.rawValue, label: $0.chineseName) },
            recorders: recorders, canUpload: canUpload, now: now,
            maxUpload: ByteCounts.text(request.application.blobStore.maxBytes),
            corrects: request.query[String.self, at: "corrects"] ?? "", error: error), on: request, status: status)
    }

    /// `2026-11-23T10:30` (an HTML datetime-local, Beijing time) as an instant.
    static func beijingMinute(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CivilDate(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count >= 2, let h = Int(clock[0]), let m = Int(clock[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return ChinaTime.startOfDay(day).addingTimeInterval(Double(h * 3600 + m * 60))
    }
}
