import Foundation
import SunlightCore

extension DemoData {
    /// 线索登记 for the demo (REC-18): the market bureau's hotline lead whose 15 working days run
    /// out tomorrow, and an inspection lead registered today.
    static func seedLeads(_ sunlight: Sunlight) async throws {
        let officer = try await sunlight.access.actor(username: "scj.zhaolei", channel: .staff, address: "demo")
        let today = sunlight.clock.today
        let calendar = try await sunlight.calendars.current()
        // The receipt day whose check deadline is the next working day (due soon on the demo's today).
        var received = today
        for back in 0...40 {
            let day = today.adding(days: -back)
            do {
                let due = try calendar.dueDate(from: day, .workingDays(15))
                if due > today, try calendar.workingDaysLeft(from: today, until: due) <= 1 { received = day; break }
            } catch {
                break
            }
        }
        _ = try await sunlight.cases.registerLead(NewCaseLead(
            source: .hotline, receivedOn: received,
            summary: "12345 热线转来：元马镇北城路一家烧烤店夜间占道经营，疑似使用来源不明的冷冻肉品。",
            partyKind: .organisation, partyName: "元谋县北城路老杨烧烤店"), by: officer)
        _ = try await sunlight.cases.registerLead(NewCaseLead(
            source: .inspection, receivedOn: today,
            summary: "日常检查发现：元谋县好又多超市冷柜温度显示 12℃，部分冷藏乳制品可能未按要求贮存。",
            partyKind: .organisation, partyName: "元谋县好又多超市有限公司"), by: officer)
    }
}
