import Foundation
import SunlightCore
import Vapor

/// 数据交换 — works the outbox while the server runs: queues the newest checkpoint when the log
/// grew, then pushes every due message to the upper-level platform (PUB-10, PUB-13). The
/// outbox is in the database, so what was not delivered before a restart is delivered after.
final class UpstreamPusher: LifecycleHandler, Sendable {
    let platform: HTTPUpstreamPlatform
    let interval: TimeInterval
    let retry: OutboxRetryPolicy
    private let rounds = BackgroundRounds()

    init(platform: HTTPUpstreamPlatform, interval: TimeInterval, retry: OutboxRetryPolicy) {
        self.platform = platform
        self.interval = interval
        self.retry = retry
    }

    func didBootAsync(_ application: Application) async throws {
        let sunlight = application.sunlight
        let (platform, retry, logger) = (platform, retry, application.logger)
        rounds.start(every: UInt64(interval * 1_000_000_000)) {
            do {
                try await sunlight.publicity.queueCheckpointIfGrown()
                let (_, failed) = try await sunlight.publicity.deliverDueMessages(to: platform, retry: retry)
                if failed > 0 { logger.warning("推送至上级平台失败 \(failed) 条，将按退避策略重试") }
            } catch {
                logger.warning("推送队列处理出错：\(error)")
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        await rounds.stop()
    }
}

/// 上级平台 over HTTP: `POST` of the message body as JSON, with the delivery ID in
/// `Sunlight-Delivery` (and `Idempotency-Key`) and the Ed25519 signature of the exact body in
/// `Sunlight-Signature` (`keyid=…,sig=…`, checked with the log's public key). Accepted on 2xx.
struct HTTPUpstreamPlatform: UpstreamPlatform {
    let url: String
    let client: any Client
    let keyID: String

    func deliver(_ message: OutboxMessage, signature: String) async throws {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "Sunlight-Delivery", value: message.id.uuidString.lowercased())
        headers.add(name: "Idempotency-Key", value: message.id.uuidString.lowercased())
        headers.add(name: "Sunlight-Kind", value: message.kind.rawValue)
        headers.add(name: "Sunlight-Signature", value: "keyid=\(keyID),alg=ed25519,sig=\(signature)")
        let response = try await client.post(URI(string: url), headers: headers) { request in
            request.body = ByteBuffer(string: message.body)
        }.get()
        guard (200..<300).contains(response.status.code) else {
            throw UpstreamRefusal(status: response.status.code, body: response.body.map { String(buffer: $0) } ?? "")
        }
    }
}

struct UpstreamRefusal: Error, CustomStringConvertible {
    let status: UInt
    let body: String
    var description: String { "上级平台返回 HTTP \(status)" + (body.isEmpty ? "" : "：\(body.prefix(200))") }
}

extension Application {
    /// 上级平台 as shown to administrators.
    var sunlightUpstreamDescription: String {
        sunlightConfiguration.upstreamURL ?? "未配置（设置 SUNLIGHT_UPSTREAM_URL 后，队列中的消息将依次推送）"
    }
}
