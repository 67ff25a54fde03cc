import Foundation
import SunlightArchive
import SunlightCore
import SunlightRendering
import Vapor

/// 案卷下载 — the case file as a zip (REC-10), for staff in the UI and for API clients. The
/// zip is written to a temporary file in the data directory's `exports/` (evidence streamed in, never
/// held in memory), streamed out, and removed once sent. Every export is logged.
struct CaseFileController {
    func register(staff: any RoutesBuilder, api: any RoutesBuilder) {
        // Each path uses the parameter name its siblings use (the router requires it).
        staff.get("staff", "cases", ":case", "case-file.zip") { request in
            try await Self.download(request, case: try request.uuid("case", "案件"), by: try request.requireStaff().actor)
        }
        api.get("cases", ":id", "file") { request in
            try await Self.download(request, case: try request.uuid("id", "案件"), by: try request.requireApiActor())
        }
    }

    @Sendable static func download(_ request: Request, case id: EnforcementCase.ID, by actor: Actor) async throws -> Response {
        let package = try await request.sunlight.cases.caseFile(id, layout: CaseFilePages(), by: actor)
        let blobs = request.application.blobStore
        let folder = blobs.root.deletingLastPathComponent().appendingPathComponent("exports", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("case-file-\(UUID().uuidString).zip")
        do {
            try await request.application.threadPool.runIfActive {
                try CaseFileZip.write(package, to: url, blobFile: blobs.path(of:))
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        let response = try await request.fileio.asyncStreamFile(at: url.path, mediaType: HTTPMediaType(type: "application", subType: "zip")) { _ in
            try? FileManager.default.removeItem(at: url)
        }
        let encoded = package.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "case-file.zip"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"case-file.zip\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
