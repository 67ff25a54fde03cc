import Foundation
import SunlightCore
import SunlightLedger
import Vapor

/// 见证接口 — this installation as a C2SP tlog-witness for the logs it is configured to
/// witness (REC-19). The submission and monitoring prefix is `/api/v1/witness`:
/// `POST /api/v1/witness/add-checkpoint` and `GET /api/v1/witness/{originHash}/checkpoint`. Plain text, as
/// the specification has it; no login (the log's signature on the checkpoint is the credential).
struct WitnessController {
    static let plainText = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
    /// The 409 answer's content type, `text/x.tlog.size`.
    static let tlogSize = HTTPMediaType(type: "text", subType: "x.tlog.size")

    func register(_ app: any RoutesBuilder) {
        let witness = app.grouped("witness")
        witness.on(.POST, "add-checkpoint", body: .collect(maxSize: "64kb"), use: addCheckpoint)
        witness.get(":originHash", "checkpoint", use: checkpoint)
    }

    @Sendable func addCheckpoint(_ request: Request) async throws -> Response {
        let body = request.body.data.map { String(buffer: $0) } ?? ""
        let reply = try await request.sunlight.witness.addCheckpoint(body)
        switch reply {
        case .cosigned(let lines):
            return Self.text(.ok, lines)
        case .refused(.conflict(let size)):
            request.logger.info("见证：拒绝副署（409），已副署的大小为 \(size)")
            return Self.text(.conflict, "\(size)\n", type: Self.tlogSize)
        case .refused(let refusal):
            request.logger.warning("见证：拒绝副署：\(refusal)")
            return Self.text(Self.status(of: refusal), refusal.description + "\n")
        }
    }

    @Sendable func checkpoint(_ request: Request) async throws -> Response {
        let hash = request.parameters.get("originHash") ?? ""
        guard let note = try await request.sunlight.witness.witnessedCheckpoint(originHash: hash) else {
            return Self.text(.notFound, "本见证方没有副署过该日志的检查点\n")
        }
        let response = Self.text(.ok, note)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    /// The tlog-witness status of each refusal.
    static func status(of refusal: AddCheckpointRefusal) -> HTTPResponseStatus {
        switch refusal {
        case .malformed: .badRequest
        case .unknownOrigin: .notFound
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .inconsistent: .unprocessableEntity
        }
    }

    static func text(_ status: HTTPResponseStatus, _ body: String, type: HTTPMediaType = plainText) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = type
        return response
    }
}
