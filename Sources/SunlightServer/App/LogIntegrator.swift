import Foundation
import NIOCore
import SunlightCore
import Vapor

/// 日志整合程序 — while the server runs, places the log entries that commits have sequenced
/// into the tree, in batches, one signed checkpoint per batch (DESIGN.md "Sequence, then
/// integrate"; REC-5). Commits and logged reads never wait for it; a proof or case file that
/// needs the newest entries integrates them itself. Several servers on one database each run
/// one: the head lock lets one batch in at a time. At shutdown it places what is left.
final class LogIntegrator: LifecycleHandler, Sendable {
    let sunlight: Sunlight
    let interval: TimeAmount
    private let rounds = BackgroundRounds()

    init(sunlight: Sunlight, interval: TimeAmount) {
        self.sunlight = sunlight
        self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        let sunlight = self.sunlight
        let logger = application.logger
        rounds.start(every: UInt64(interval.nanoseconds)) {
            do { try await sunlight.integrateAllSequenced() } catch {
                logger.error("日志整合失败，稍后重试：\(error)")
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        await rounds.stop()
        do { try await sunlight.integrateAllSequenced() } catch {
            application.logger.error("关闭时日志整合失败（下次启动时整合）：\(error)")
        }
    }
}
