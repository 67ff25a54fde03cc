import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SunlightCore
import SunlightStore
import Vapor

/// Keeps `<data>/latest-checkpoint` up to date while the server runs (every few seconds and
/// at shutdown), so a database later rolled back or truncated is caught by `sunlight verify`.
final class WitnessKeeper: LifecycleHandler, Sendable {
    let store: any Store
    let dataDirectory: String
    let interval: TimeAmount
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(store: any Store, dataDirectory: String, interval: TimeAmount = .seconds(5)) {
        self.store = store
        self.dataDirectory = dataDirectory
        self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        let store = self.store
        let directory = dataDirectory
        let nanoseconds = UInt64(interval.nanoseconds)
        let logger = application.logger
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do { try await WitnessFile.update(from: store, dataDirectory: directory) } catch {
                        logger.warning("无法更新见证检查点文件：\(error)")
                    }
                    try? await Task.sleep(nanoseconds: nanoseconds)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { value -> Task<Void, Never>? in
            defer { value = nil }
            return value
        }
        running?.cancel()
        do { try await WitnessFile.update(from: store, dataDirectory: dataDirectory) } catch {
            application.logger.warning("关闭时无法更新见证检查点文件：\(error)")
        }
    }
}
