import Foundation
import SunlightCore

extension DemoData {
    /// 事后公开: the clerk of the market bureau publishes its simple-procedure decision (redacted,
    /// previewed, confirmed), and the bureau draws a 双随机 inspection of food shops (PUB-6,
    /// PUB-8, PUB-9).
    static func seedPublicity(_ sunlight: Sunlight, market: Organisation) async throws {
        func actor(_ username: String) async throws -> Actor {
            try await sunlight.access.actor(username: username, channel: .console, address: "demo")
        }
        let clerk = try await actor("scj.gongshi")
        for publication in try await sunlight.publicity.publications(statuses: [.due], by: clerk) where publication.organisationID == market.id {
            let preview = try await sunlight.publicity.publicationPreview(publication.id, by: clerk).1
            _ = try await sunlight.publicity.publishDecision(publication.id, confirmedHash: preview.publishedHash, by: clerk)
        }
        let shops = [("92532328MA6K1A2B3C", "元谋县好又多超市有限公司"), ("92532328MA6K2B3C4D", "元谋县老街小吃店"), ("92532328MA6K3C4D5E", "元谋县金沙江食品批发部"),
                     ("92532328MA6K4D5E6F", "元谋县元马镇惠民粮油店"), ("92532328MA6K5E6F7G", "元谋县土林农家乐"), ("92532328MA6K6F7G8H", "元谋县龙川面包坊"),
                     ("92532328MA6K7G8H9J", "元谋县物茂乡便民超市"), ("92532328MA6K8H9J0K", "元谋县黄瓜园镇烧烤店")]
        // Two certified inspectors per shop; on a date when fewer hold a valid certificate, no draw.
        let drawn: InspectionDraw
        do {
            let today = sunlight.clock.today
            let quarter = Quarter("\(today.year)Q\((today.month - 1) / 3 + 1)")!
            drawn = try await sunlight.publicity.commitDraw(title: "\(quarter.chineseName)食品经营者双随机抽查", category: .inspection,
                                                 targets: shops.map { "\($0.0),\($0.1)" }.joined(separator: "\n"), targetCount: 3,
                                                 inspectorsPerTarget: 2, by: try await actor("scj.wangfang"))
        } catch let error as SunlightError where error.code == "draw.pool" {
            return
        }
        _ = try await sunlight.publicity.performDraw(drawn.id, by: try await actor("scj.wangfang"))
    }
}
