import Foundation
import SunlightCore
import SunlightLedger
import Vapor

/// 公开日志 — the log as others check it (REC-5): the newest signed checkpoint (with the
/// cosignatures outside witnesses returned, REC-19) and the public key for anyone; consistency
/// proofs for anyone; inclusion proofs for staff of the record's organisation.
struct LogApiController {
    struct KeyOut: Content {
        let origin: String
        let verifierKey: String
    }

    func register(public api: any RoutesBuilder, authenticated: any RoutesBuilder) {
        api.get("log", "checkpoint", use: checkpoint)
        api.get("log", "key", use: key)
        api.get("log", "consistency", use: consistency)
        authenticated.get("log", "inclusion", use: inclusion)
    }

    @Sendable func checkpoint(_ request: Request) async throws -> Response {
        guard let note = try await request.sunlight.witness.cosignedCheckpoint() else { throw SunlightError.notFound("检查点（日志为空）") }
        let response = Response(status: .ok, body: .init(string: note))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return response
    }

    @Sendable func key(_ request: Request) async throws -> KeyOut {
        KeyOut(origin: request.sunlight.ledger.origin, verifierKey: request.sunlight.ledger.verifier.verifierKey)
    }

    @Sendable func consistency(_ request: Request) async throws -> ConsistencyProofBundle {
        guard let from = request.query[UInt64.self, at: "from"] else {
            throw SunlightError.invalid("from", "请给出 from（较早检查点的大小）", rule: .rec5)
        }
        return try await request.sunlight.cases.consistencyProof(from: from, to: request.query[UInt64.self, at: "to"])
    }

    @Sendable func inclusion(_ request: Request) async throws -> InclusionProofBundle {
        let actor = try request.requireApiActor()
        if let leaf = request.query[String.self, at: "leaf"] {
            guard let index = UInt64(leaf) else { throw SunlightError.invalid("leaf", "leaf 应为非负整数", rule: .rec5) }
            return try await request.sunlight.cases.inclusionProof(leafIndex: index, by: actor)
        }
        return try await request.sunlight.cases.inclusionProof(table: request.query[String.self, at: "table"],
                                                         recordID: request.query[String.self, at: "id"], by: actor)
    }
}

extension InclusionProofBundle: Content {}
extension ConsistencyProofBundle: Content {}
