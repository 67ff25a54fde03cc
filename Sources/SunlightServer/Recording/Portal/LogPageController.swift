import Foundation
import SunlightCore
import SunlightLedger
import Vapor

/// 公开日志页 — the newest signed checkpoint and the installation's public key, with how to
/// check them: what lets anyone hold the installation to its records (REC-5).
struct LogPageController {
    struct LogPage: Encodable {
        let page: PageContext
        let checkpoint: String?
        let size: String
        let root: String
        let signedAt: String
        let origin: String
        let verifierKey: String
        /// 待整合: committed entries not yet in the tree, and how long the oldest has waited.
        let waiting: Int
        let waitedFor: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("log", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let latest = try await request.sunlight.cases.latestCheckpoint()
        let ledger = request.sunlight.ledger
        let cosigned = try await request.sunlight.witness.cosignedCheckpoint()
        let backlog = try await request.sunlight.integrationBacklog()
        return try await Page.render("portal/log", LogPage(
            page: PageContext(request, title: "防篡改日志"), checkpoint: cosigned, size: latest.map { String($0.size) } ?? "0",
            root: latest?.root.base64 ?? RFC6962.emptyRoot.base64, signedAt: latest.map { ChinaTime.secondText($0.createdAt) } ?? "—",
            origin: ledger.origin, verifierKey: ledger.verifier.verifierKey,
            waiting: backlog.count, waitedFor: String(format: "%.1f", backlog.lag(at: request.sunlight.clock.now))), on: request)
    }
}
