import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SunlightCore
import SunlightLedger
import SunlightStore
import Vapor

/// Keeps `<data>/latest-checkpoint` up to date while the server runs (every few seconds and
/// at shutdown), so a database later rolled back or truncated is caught by `sunlight verify`;
/// and asks each configured outside witness (`SUNLIGHT_WITNESSES`) to cosign the newest
/// checkpoint (REC-19). A witness that is down or refuses is logged and asked again next
/// round; it never holds up a write.
final class WitnessKeeper: LifecycleHandler, Sendable {
    let store: any Store
    let dataDirectory: String
    let interval: TimeAmount
    let witnesses: [WitnessEndpoint]
    let transport: (any WitnessTransport)?
    private let rounds = BackgroundRounds()
    /// The last answer of each witness, in the order of ``witnesses``, for the administrator's page.
    let status: NIOLockedValueBox<[WitnessStatus]>

    init(store: any Store, dataDirectory: String, interval: TimeAmount = .seconds(5),
         witnesses: [WitnessEndpoint] = [], transport: (any WitnessTransport)? = nil) {
        self.store = store
        self.dataDirectory = dataDirectory
        self.interval = interval
        self.witnesses = witnesses
        self.transport = transport
        self.status = NIOLockedValueBox(witnesses.map { WitnessStatus(name: $0.name, url: $0.url, acknowledged: nil, last: "尚未请求") })
    }

    func didBootAsync(_ application: Application) async throws {
        let store = self.store
        let directory = dataDirectory
        let nanoseconds = UInt64(interval.nanoseconds)
        let logger = application.logger
        let sunlight = application.sunlight
        rounds.start(every: nanoseconds) {
            do { try await WitnessFile.update(from: store, dataDirectory: directory) } catch {
                logger.warning("无法更新见证检查点文件：\(error)")
            }
            await self.askWitnesses(sunlight, logger: logger)
        }
    }

    /// One round: each witness is asked for the newest checkpoint unless it already cosigned it.
    func askWitnesses(_ sunlight: Sunlight, logger: Logger) async {
        guard let transport else { return }
        for (index, witness) in witnesses.enumerated() {
            let acknowledged = status.withLockedValue { $0[index].acknowledged }
            let line: String
            var size = acknowledged
            do {
                let result = try await sunlight.witness.askWitness(witness, acknowledged: acknowledged, via: transport)
                switch result {
                case .cosigned(let cosigned):
                    size = cosigned
                    logger.debug("见证方 \(witness.name) 已副署检查点 \(cosigned)")
                case .upToDate, .nothingToAsk:
                    break
                case .witnessAhead:
                    size = nil
                    logger.error("见证方 \(witness.name)：\(result)")
                case .refused, .invalidCosignature:
                    size = nil
                    logger.warning("见证方 \(witness.name)（\(witness.url)）：\(result)")
                }
                line = result.description
            } catch {
                size = nil
                line = "无法连接：\(error)"
                logger.warning("见证方 \(witness.name)（\(witness.url)）无法连接，稍后重试：\(error)")
            }
            status.withLockedValue { $0[index] = WitnessStatus(name: witness.name, url: witness.url, acknowledged: size, last: line) }
        }
    }

    func shutdownAsync(_ application: Application) async {
        await rounds.stop()
        do { try await WitnessFile.update(from: store, dataDirectory: dataDirectory) } catch {
            application.logger.warning("关闭时无法更新见证检查点文件：\(error)")
        }
    }
}

/// One witness as the keeper last saw it.
struct WitnessStatus: Sendable, Equatable {
    let name: String
    let url: String
    /// The size it last cosigned, as far as this server knows.
    let acknowledged: UInt64?
    /// Its last answer, in words.
    let last: String
}
