import Foundation
import NIOConcurrencyHelpers
@testable import SunlightCore
import SunlightDemo
import SunlightLedger
@testable import SunlightServer
import SunlightStore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing
import Vapor
import VaporTesting

/// 数据交换 over real HTTP: a receiver that is down, comes back and drops a reply; the sending
/// server restarted in between; every message delivered once per delivery ID and signed with
/// the log's key (PUB-10, PUB-13).
@Suite struct UpstreamPushTests {
    /// 上级平台 for the test: a real HTTP server that checks signatures and keeps each delivery
    /// ID once; it answers 500 to the first attempt of the first decision message after
    /// keeping it, as if the reply were lost.
    final class Receiver: Sendable {
        let app: Application
        let port: Int
        let seen = NIOLockedValueBox<[String: Int]>([:])
        let kept = NIOLockedValueBox<[String: String]>([:])
        let badSignatures = NIOLockedValueBox(0)

        init(port: Int = 0, verifier: NoteVerifier) async throws {
            app = try await Application.make(.testing)
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = port
            let (seen, kept, bad) = (seen, kept, badSignatures)
            app.post("push") { request async throws -> HTTPStatus in
                let body = request.body.string ?? ""
                let id = request.headers.first(name: "Sunlight-Delivery") ?? ""
                let signature = (request.headers.first(name: "Sunlight-Signature") ?? "").components(separatedBy: "sig=").last ?? ""
                guard verifier.isValidSignature(signature, of: Array(body.utf8)) else {
                    bad.withLockedValue { $0 += 1 }
                    return .unauthorized
                }
                let attempt = seen.withLockedValue { $0[id, default: 0] += 1; return $0[id]! }
                kept.withLockedValue { if $0[id] == nil { $0[id] = body } }
                return attempt == 1 && (request.headers.first(name: "Sunlight-Kind") == "decision.published") ? .internalServerError : .ok
            }
            do {
                try await app.server.start(address: .hostname("127.0.0.1", port: port))
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            self.port = app.http.server.shared.localAddress?.port ?? port
        }

        /// A free port below Linux's ephemeral range (32768–60999), so that while the receiver is
        /// down no other test's server on port 0 can be given it.
        static func quietPort(verifier: NoteVerifier) async throws -> Int {
            for _ in 0..<50 {
                guard let probe = try? await Receiver(port: Int.random(in: 20_000..<32_000), verifier: verifier) else { continue }
                try await probe.stop()
                return probe.port
            }
            throw Abort(.internalServerError, reason: "no free port below the ephemeral range")
        }

        func stop() async throws {
            await app.server.shutdown()
            try await app.asyncShutdown()
        }
    }

    @Test("A push survives a receiver that is down and a server restart; retries keep the delivery ID and the receiver keeps each once (PUB-10, PUB-13)")
    func survivesDownReceiverAndRestart() async throws {
        let scratch = TestDatabase.Scratch()
        let ledger = testLedger()
        let clock = ManualClock(CivilDate(iso: "2026-11-23")!)
        // Find a free port, then leave it closed: the platform is down.
        let port = try await Receiver.quietPort(verifier: ledger.verifier)
        var configuration = ServerConfiguration(dataDirectory: scratch.directory.path, store: scratch.configuration, bcryptCost: 4, ledger: ledger)
        configuration.upstreamURL = "http://127.0.0.1:\(port)/push"
        configuration.upstreamInterval = 1
        configuration.upstreamRetry = OutboxRetryPolicy(firstDelay: 1, maximumDelay: 60)
        defer { Task { await scratch.remove() } }

        // First run: a decision is published; the push fails and waits.
        let publicationID = try await withApp(configure: { app in try await SunlightApp.configure(app, configuration, clock: clock) }) { app in
            _ = try await DemoData.seed(app.sunlight)
            // The demo's clerk published the market bureau's decision while seeding.
            let id = try #require(try await app.sunlight.publicity.publicDecisions(DecisionFilter()).first.flatMap { UUID(uuidString: $0.id) })
            let platform = HTTPUpstreamPlatform(url: configuration.upstreamURL!, client: app.client, keyID: ledger.verifier.verifierKey)
            let (delivered, failed) = try await app.sunlight.publicity.deliverDueMessages(to: platform, retry: configuration.upstreamRetry)
            #expect(delivered == 0 && failed == 1)
            let waiting = try await app.sunlight.store.outbox.recent(limit: 10, pendingOnly: true)
            #expect(waiting.count == 1 && waiting[0].attempts == 1 && waiting[0].lastError?.isEmpty == false)
            return id
        }

        // The platform comes back; the server restarts on the same database and its pusher delivers.
        let receiver = try await Receiver(port: port, verifier: ledger.verifier)
        try await withApp(configure: { app in try await SunlightApp.configure(app, configuration, clock: clock) }) { app in
            try await app.asyncBoot()
            var pending = Int.max
            for _ in 0..<40 where pending > 0 {
                clock.advance(30)
                try await Task.sleep(nanoseconds: 250_000_000)
                pending = try await app.sunlight.store.outbox.counts().pending
            }
            #expect(pending == 0)
            // Once everything is out the pusher goes quiet: a checkpoint's delivery does not grow the log.
            // The last logged push reaches the tree a batch later and its checkpoint goes out a round after.
            var settled = try await app.sunlight.store.outbox.counts().delivered
            var quiet = false
            for _ in 0..<8 where !quiet {
                try await Task.sleep(nanoseconds: 2_500_000_000)
                let now = try await app.sunlight.store.outbox.counts().delivered
                quiet = now == settled
                settled = now
            }
            #expect(quiet, "the pusher kept delivering: something grows the log on every round")
            let messages = try await app.sunlight.store.outbox.recent(limit: 10, pendingOnly: false)
            let decision = try #require(messages.first { $0.kind == .decisionPublished })
            #expect(decision.attempts == 3, "down, then the reply lost, then accepted")
            #expect(messages.contains { $0.kind == .checkpoint && $0.status == .delivered })
            let id = decision.id.uuidString.lowercased()
            #expect(receiver.seen.withLockedValue { $0[id] } == 2, "the second attempt carried the same delivery ID")
            let body = try #require(receiver.kept.withLockedValue { $0[id] })
            #expect(body.contains(publicationID.uuidString.lowercased()) && body.contains("\"deliveryId\":\"\(id)\""))
            #expect(!body.contains("李小红"), "the party's name never leaves redacted")
            #expect(receiver.badSignatures.withLockedValue { $0 } == 0)
            let pushes = try await app.sunlight.store.accessLog.entries(AccessLogQuery(organisationPaths: ["/"], includeUnscoped: true, resourceType: "outbox"))
            #expect(pushes.contains { $0.action == .export && $0.summary.contains("决定公开") }, "the push is logged (PUB-13)")
            let report = try await app.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
        }
        try await receiver.stop()
    }
}
