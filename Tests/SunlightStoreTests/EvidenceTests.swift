import Foundation
@testable import SunlightCore
import SunlightLedger
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

extension DemoWorld {
    var blobStore: FileBlobStore { sunlight.blobs as! FileBlobStore }
}

@Suite("文件仓库与音像记录 REC-4 REC-5")
struct EvidenceTests {
    let video = (0..<250_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    @Test("REC-4: a file streams in, is hashed on the way and stored once under its SHA-256")
    func blobStore() async throws {
        try await DemoWorld.onDatabase { world in
            let first = try world.storeBlob(video)
            #expect(first.sha256 == LedgerHash.sha256(video))
            #expect(first.size == UInt64(video.count) && first.isNew)
            let again = try world.storeBlob(video)
            #expect(again == BlobReceipt(sha256: first.sha256, size: first.size, isNew: false))
            #expect(try world.blobStore.list() == [first.sha256])
            #expect(try FileManager.default.contentsOfDirectory(at: world.blobStore.root.appendingPathComponent("tmp"), includingPropertiesForKeys: nil).isEmpty)
        }
    }

    @Test("REC-4: an upload over the limit, or abandoned, leaves nothing behind")
    func limitsAndAborts() async throws {
        try await DemoWorld.onDatabase { world in
            let small = try FileBlobStore(root: world.blobStore.root.deletingLastPathComponent().appendingPathComponent("small"), maxBytes: 1000)
            let upload = try small.beginUpload()
            #expect(throws: BlobError.self) { try video.withUnsafeBytes { try upload.write($0) } }
            let abandoned = try small.beginUpload()
            try [1, 2, 3].withUnsafeBytes { try abandoned.write($0) }
            abandoned.abort()
            #expect(try small.list().isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(at: small.root.appendingPathComponent("tmp"), includingPropertiesForKeys: nil).isEmpty)
        }
    }

    @Test("REC-4/REC-5: a recorded file is in the log by its hash; the parties only as a salted commitment")
    func record() async throws {
        try await DemoWorld.onDatabase { world in
            let receipt = try world.storeBlob(video)
            let officer = try await world.actor("scj.zhangwei")
            let file = try await world.sunlight.cases.recordEvidence(try await world.evidence(), blob: receipt, by: officer)
            let content = try await world.host.strings("SELECT content FROM ledger_entries WHERE record_table = 'evidence_files'").joined()
            #expect(content.contains(receipt.sha256.hex))
            #expect(!content.contains("王某某") && !content.contains("13800001111"))
            #expect(content.contains(#""parties":{"pii":"#))
            let read = try await world.sunlight.cases.evidenceFile(file.id, by: officer)
            #expect(read.parties == "王某某，手机 13800001111")
            #expect(try await world.accessLog().first?.summary.contains("查看文件记录") == true)
            let report = try await world.sunlight.cases.verify()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.blobs == 1 && report.bytesHashed == UInt64(video.count))
            #expect(report.records["evidence_files"] == 1)
        }
    }

    @Test("REC-4: the metadata is required, the recorder is an officer of the organisation, and a refused record removes its new file")
    func refused() async throws {
        try await DemoWorld.onDatabase { world in
            let officer = try await world.actor("scj.zhangwei")
            var missing = try await world.evidence()
            missing.place = " "
            let receipt = try world.storeBlob(video)
            await #expect { try await world.sunlight.cases.recordEvidence(missing, blob: receipt, by: officer) } throws: {
                ($0 as? SunlightError)?.rule == .rec4 && ($0 as? SunlightError)?.field == "place"
            }
            #expect(world.blobStore.size(of: receipt.sha256) == nil)
            let other = try world.storeBlob(video)
            await #expect { try await world.sunlight.cases.recordEvidence(try await world.evidence(recordedBy: "daj.chenming"), blob: other, by: officer) }
                throws: { ($0 as? SunlightError)?.field == "recordedBy" }
            await #expect { try await world.sunlight.cases.recordEvidence(try await world.evidence(), blob: try world.storeBlob(video),
                                                                     by: try await world.actor("scj.fazhi")) }
                throws: { "role.missing" ~= $0 }
            #expect(try await world.host.strings("SELECT count(*) FROM evidence_files") == ["0"])
        }
    }

    @Test("REC-5: a correction is a new record pointing at the old one, which stays as it was")
    func correction() async throws {
        try await DemoWorld.onDatabase { world in
            let officer = try await world.actor("scj.zhangwei")
            let original = try await world.sunlight.cases.recordEvidence(try await world.evidence(), blob: try world.storeBlob(video), by: officer)
            await #expect { try await world.sunlight.cases.recordEvidence(try await world.evidence(corrects: original.id), blob: try world.storeBlob([1, 2, 3]), by: officer) }
                throws: { ($0 as? SunlightError)?.field == "correctionReason" }
            let fixed = try await world.sunlight.cases.recordEvidence(try await world.evidence("现场检查 某超市（补正）", corrects: original.id, reason: "原视频缺少开头两分钟"),
                                                                blob: try world.storeBlob([1, 2, 3]), by: officer)
            #expect(fixed.corrects == original.id)
            #expect(try await world.sunlight.store.evidence.find(original.id)?.title == "现场检查 某超市")
            let entry = try await world.host.strings("SELECT entry FROM ledger_entries WHERE record_id = '\(fixed.id.uuidString.lowercased())'").first!
            #expect(entry.contains(#""corrects":"evidence_files/\#(original.id.uuidString.lowercased())""#))
            #expect(entry.contains(#""type":"evidence.corrected""#))
            await #expect(throws: (any Error).self) { try await world.host.execute("UPDATE evidence_files SET title = 'x'") }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("§0/REC-11: another department cannot read the file; a supervisor can, and both are logged")
    func scope() async throws {
        try await DemoWorld.onDatabase { world in
            let file = try await world.sunlight.cases.recordEvidence(try await world.evidence(), blob: try world.storeBlob(video),
                                                               by: try await world.actor("scj.zhangwei"))
            await #expect { try await world.sunlight.cases.evidenceFile(file.id, by: try await world.actor("daj.chenming")) }
                throws: { "scope.outside" ~= $0 }
            #expect(try await world.accessLog().first?.action == .denied)
            _ = try await world.sunlight.cases.evidenceFile(file.id, by: try await world.actor("jiandu"), download: true)
            #expect(try await world.accessLog().first?.action == .export)
        }
    }

    @Test("REC-5: a changed or missing file, an edited file record, are found and located")
    func tampering() async throws {
        for way in ["change a byte of a file", "delete a file", "edit a file record", "erase the parties lawfully"] {
            try await DemoWorld.onDatabase { world in
                let file = try await world.sunlight.cases.recordEvidence(try await world.evidence(), blob: try world.storeBlob(video),
                                                                   by: try await world.actor("scj.zhangwei"))
                let id = file.id.uuidString.lowercased()
                let leaf = try await world.host.leafIndex(table: "evidence_files", id: id)
                let path = world.blobStore.path(of: file.sha256)
                try await world.host.dropAppendOnlyTriggers()
                switch way {
                case "change a byte of a file":
                    let handle = try FileHandle(forWritingTo: path)
                    try handle.seek(toOffset: 1000)
                    try handle.write(contentsOf: Data([0xFF]))
                    try handle.close()
                case "delete a file":
                    try FileManager.default.removeItem(at: path)
                case "edit a file record":
                    try await world.host.execute("UPDATE evidence_files SET place = '别处' WHERE id = \(bind: file.id)")
                default:
                    try await world.sunlight.cases.erasePersonalData(table: "evidence_files", recordID: id, field: "parties",
                                                               reason: "个人信息保护法第四十七条", by: .console("root"))
                }
                let report = try await world.sunlight.cases.verify()
                if way == "erase the parties lawfully" {
                    #expect(report.isClean, "\(report.problems)")
                    #expect(try await world.sunlight.cases.evidenceFile(file.id, by: try await world.actor("scj.zhangwei")).parties == "（已依法删除）")
                    return
                }
                let first = try #require(report.firstProblem, "\(way) went unnoticed")
                #expect(first.recordID?.hasSuffix(id) == true, "\(way): \(first)")
                #expect(first.leafIndex == leaf, "\(way): \(first)")
            }
        }
    }
}
