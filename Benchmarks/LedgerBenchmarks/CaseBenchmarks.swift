import Foundation
import SunlightCore
import SunlightDemo
import SunlightLedger
import SunlightStore
import SunlightTestSupport

/// A data directory with `count` penalty cases of the demo market bureau under investigation,
/// one of them with a `mib` MiB video as evidence (for timing `sunlight export-case` and
/// `verify-case`). Times what a head's Monday morning reads — the home page's tasks (every
/// running case's clocks), the statistics and one case page — against one plain list query of
/// the same cases. Prints the video case's number last.
func cases(directory: URL, count: Int, mib: Int) async throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let ledger = testLedger()
    try Data((ledger.signer.signerKey + "\n").utf8).write(to: directory.appendingPathComponent(LedgerKeys.fileName))
    let host = try StoreHost(.sqlite(path: directory.appendingPathComponent("sunlight.sqlite").path))
    try await host.migrate()
    let blobs = try FileBlobStore(root: directory.appendingPathComponent("blobs"), maxBytes: 1 << 40)
    // From before 中秋 and 国庆 2026, so every clock falls inside the loaded calendars.
    let clock = ManualClock(CivilDate(iso: "2026-09-21")!)
    let sunlight = Sunlight(store: host.store, clock: clock, passwords: TestPasswordHasher(), ledger: ledger, blobs: blobs)
    let seeded = try await DemoData.seed(sunlight)
    let market = seeded.organisation("元谋县市场监督管理局")
    func actor(_ name: String) async throws -> Actor {
        try await sunlight.access.actor(for: try await host.store.users.find(username: name)!, channel: .api, address: "127.0.0.1")
    }
    let officer = try await actor("scj.zhangwei"), second = try await actor("scj.lina"), head = try await actor("scj.wangfang")
    // Openings spread over 75 days; then the Monday when the first ones fall due.
    let step = 75.0 * 86400 / Double(count)
    let build = try await seconds {
        for i in 0..<count {
            clock.advance(step)
            let opened = try await sunlight.cases.openCase(NewCase(
                title: "基准测试案件 \(i)", category: .penalty, source: .inspection, violationOn: clock.today,
                parties: [NewCase.Party(kind: .person, name: "当事人\(i)", idNumber: "53232819800101\(String(format: "%04d", i % 10000))")],
                officers: [second.user!.id]), by: officer)
            let draft = try await sunlight.cases.draftDocument(case: opened.id, type: .openingApproval, fields: [
                "facts": "现场检查发现违法行为 \(i)", "basis": "《中华人民共和国食品安全法》第一百二十四条", "opinion": "建议立案"], by: officer)
            _ = try await sunlight.cases.submitDocument(draft.id, by: officer)
            _ = try await sunlight.cases.signDocument(draft.id, by: head)
            _ = try await sunlight.cases.issueDocument(draft.id, by: officer)
            _ = try await sunlight.cases.completeStage(case: opened.id, by: officer)
            if i % 50 == 49 { FileHandle.standardError.write(Data("\r案件 \(i + 1)/\(count)".utf8)) }
        }
    }
    FileHandle.standardError.write(Data("\n".utf8))
    clock.set(CivilDate(iso: "2026-12-21")!)
    let running = try await host.store.cases.list(organisations: [market.id], filter: .running, limit: 100_000)
    let videoCase = running[0]
    let upload = try blobs.beginUpload()
    var generator = SystemRandomNumberGenerator()
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    for _ in 0..<mib {
        for i in stride(from: 0, to: buffer.count, by: 8) {
            withUnsafeBytes(of: generator.next()) { bytes in for j in 0..<8 { buffer[i + j] = bytes[j] } }
        }
        try buffer.withUnsafeBytes { try upload.write($0) }
    }
    _ = try await sunlight.cases.recordCaseEvidence(
        case: videoCase.id, NewCaseEvidence(kind: .audiovisual, description: "执法记录仪录像", source: "现场拍摄", original: true,
                                            confirmedBy: "当事人", confirmedOn: clock.today),
        upload: (NewEvidence(kind: .video, title: "基准测试录像", filename: "bench.mp4", mediaType: "video/mp4", recordedAt: clock.now.addingTimeInterval(-60),
                             place: "元马镇", recordedBy: officer.user!.id, device: "执法记录仪"), try upload.finish()), by: officer)

    let rounds = 5
    var list = 0.0, tasks = 0.0, statistics = 0.0, detail = 0.0
    var taskCount = 0
    for _ in 0..<rounds {
        list += try await seconds { _ = try await host.store.cases.list(organisations: [market.id], filter: .running, limit: 100_000) }
        tasks += try await seconds { taskCount = try await sunlight.tasks(for: head).count }
        statistics += try await seconds { _ = try await sunlight.cases.caseStatistics(from: CivilDate(iso: "2026-01-01")!, to: CivilDate(iso: "2026-12-31")!, by: head) }
        detail += try await seconds { _ = try await sunlight.cases.caseDetail(videoCase.id, by: head) }
    }
    let ms = { (total: Double) in total / Double(rounds) * 1000 }
    print(String(format: "%d cases built in %.1f s (%.0f cases/s, 6 logged commits each)", count, build, Double(count) / build))
    print(String(format: "list query of %d running cases %.1f ms (baseline); head's home-page tasks with every case's clocks %.1f ms (%.1f×, %d tasks); "
                 + "statistics %.1f ms (%.1f×); one case page %.1f ms", running.count, ms(list), ms(tasks), tasks / list, taskCount,
                 ms(statistics), statistics / list, ms(detail)))
    try await WitnessFile.update(from: host.store, dataDirectory: directory.path)
    await host.shutdown()
    print(videoCase.number)
}
