import Foundation
import SunlightArchive
import SunlightCore
import SunlightLedger
import SunlightRendering
import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing
import ZIPFoundation

@Suite("案卷导出与离线核验 REC-10")
struct CaseFileTests {
    /// The real 2-second body-camera-like MP4 in Tests/Fixtures.
    static let video = Array(FileManager.default.contents(atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/bodycam-sample.mp4").path)!)

    /// A case under investigation with the real video as evidence, exported and written as a zip.
    func exported(_ world: DemoWorld) async throws -> (URL, CaseFilePackage) {
        let driver = try await CaseDriver.open(in: world)
        try await driver.issue(.openingApproval)
        try await driver.complete()
        let blob = try world.storeBlob(Self.video)
        _ = try await world.sunlight.cases.recordCaseEvidence(
            case: driver.id, NewCaseEvidence(kind: .audiovisual, description: "执法记录仪录像：现场检查过程", source: "执法人员现场拍摄", original: true,
                                             confirmedBy: "王小明", confirmedOn: world.clock.today),
            upload: (try await world.evidence("现场检查录像"), blob), by: try await world.actor("scj.zhangwei"))
        try await driver.issue(.inquiryRecord, ["content": "问：姓名？\n答：王小明。<script>alert(1)</script>"])
        let package = try await world.sunlight.cases.caseFile(driver.id, layout: CaseFilePages(), by: try await world.actor("scj.wangfang"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("case-\(UUID().uuidString).zip")
        try CaseFileZip.write(package, to: url, blobFile: world.blobStore.path(of:))
        return (url, package)
    }

    func verify(_ url: URL, _ world: DemoWorld) throws -> CaseFileReport {
        CaseFileVerifier.verify(try ZipCaseFile(url: url), verifier: world.sunlight.ledger.verifier)
    }

    @Test("REC-10: the case file holds the documents in statutory order, the video, every record's leaves with proofs, and verifies offline")
    func exportAndVerify() async throws {
        try await DemoWorld.onDatabase(today: CivilDate(iso: "2026-09-21")!) { world in // the export reads the files on disk
            let (url, package) = try await exported(world)
            defer { try? FileManager.default.removeItem(at: url) }
            let paths = package.manifest.files.map(\.path)
            let documents = paths.filter { $0.hasPrefix("documents/") }
            #expect(documents.count == 2 && documents[0].hasPrefix("documents/01-立案审批表-元市监立〔2026〕2号") && documents[1].hasPrefix("documents/02-询问笔录"))
            let media = package.manifest.files.filter { $0.role == .media }
            #expect(media.map(\.sha256) == [LedgerHash.sha256(Self.video).hex] && media.first?.size == UInt64(Self.video.count))
            #expect(package.manifest.records.contains { $0.table == "cases" && $0.leaves.count >= 2 }, "the case's whole history")
            #expect(package.manifest.records.first { $0.table == "case_documents" }?.retention == .long)
            #expect(paths.contains("index.html") && paths.contains("checkpoint.txt") && paths.contains("key.txt"))
            let archive = try ZipCaseFile(url: url)
            let inquiry = String(decoding: try archive.read(documents[1]), as: UTF8.self)
            #expect(inquiry.contains("&lt;script&gt;") && !inquiry.contains("<script>"), "document text is escaped")
            #expect(inquiry.contains("王小明"), "the case file carries the parties as the documents name them")
            let report = try verify(url, world)
            #expect(report.isValid, "\(report.problems)")
            #expect(report.leavesChecked == package.manifest.records.reduce(0) { $0 + $1.leaves.count } && report.leavesChecked > 10)
            let log = try await world.accessLog()
            #expect(log.contains { $0.action == .export && $0.summary.hasPrefix("导出案卷") && $0.actorName.contains("王芳") })
        }
    }

    @Test("REC-10: one changed byte in the video, a missing document, an added file or an edited manifest are each named")
    func tampering() async throws {
        try await DemoWorld.onDatabase(today: CivilDate(iso: "2026-09-21")!) { world in // the export reads the files on disk
            let (url, package) = try await exported(world)
            defer { try? FileManager.default.removeItem(at: url) }
            let mediaPath = package.manifest.files.first { $0.role == .media }!.path

            // A byte of the stored video, changed in place in the zip.
            var bytes = [UInt8](try Data(contentsOf: url))
            let marker = Array(Self.video[4000..<4032])
            let offset = (0...(bytes.count - marker.count)).first { Array(bytes[$0..<$0 + marker.count]) == marker }!
            bytes[offset + 7] ^= 0x01
            let flipped = url.deletingLastPathComponent().appendingPathComponent("flipped-\(UUID().uuidString).zip")
            try Data(bytes).write(to: flipped)
            defer { try? FileManager.default.removeItem(at: flipped) }
            let report = try verify(flipped, world)
            #expect(report.problems.map(\.path) == [mediaPath], "\(report.problems)")
            #expect(report.problems.first?.message.contains("已被改动") == true)

            // Rewritten packages: a document left out, a file slipped in, the manifest edited.
            let document = package.manifest.files.first { $0.role == .document && $0.path.hasPrefix("documents/") }!.path
            let missing = try rewrite(url) { path, data in path == document ? nil : data }
            #expect(try verify(missing, world).problems.map(\.path) == [document])
            let added = try rewrite(url, adding: ("documents/99-补充材料.html", Data("<p>后加的</p>".utf8))) { _, data in data }
            #expect(try verify(added, world).problems.map(\.path) == ["documents/99-补充材料.html"])
            let edited = try rewrite(url) { path, data in
                path == CaseFileManifest.manifestPath ? Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "销售超过保质期的食品", with: "无违法行为").utf8) : data
            }
            #expect(try verify(edited, world).problems.first?.message.contains("清单已被改动") == true)
            let otherKey = try NoteSigner.generate(name: "someone-else").verifier
            #expect(CaseFileVerifier.verify(try ZipCaseFile(url: url), verifier: otherKey).isValid == false)
            for file in [missing, added, edited] { try? FileManager.default.removeItem(at: file) }
        }
    }

    /// Copies a zip entry by entry through `change` (nil drops the entry), plus `adding`.
    func rewrite(_ url: URL, adding extra: (String, Data)? = nil, _ change: (String, Data) -> Data?) throws -> URL {
        let source = try ZipCaseFile(url: url)
        var files: [(String, Data)] = try source.paths.sorted().compactMap { path in change(path, Data(try source.read(path))).map { (path, $0) } }
        if let extra { files.append(extra) }
        let target = url.deletingLastPathComponent().appendingPathComponent("rewritten-\(UUID().uuidString).zip")
        try TestZip.write(files, to: target)
        return target
    }
}

/// Writes a plain zip, for packages a forger might build.
enum TestZip {
    static func write(_ files: [(String, Data)], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
