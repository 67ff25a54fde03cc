// sunlight-bench — measurements for scripts/bench (not tests: nothing here asserts a time).
//
//   sunlight-bench writes N [postgres-url]     record writes/s with and without the log
//   sunlight-bench proofs N DIR                build an N-leaf log in SQLite, time inclusion proofs,
//                                              write the leaves for the pymerkle comparison
//   sunlight-bench evidence DIR FILES MIB      a data directory with FILES random files of MIB MiB
//                                              recorded as evidence, for timing `sunlight verify`
//   sunlight-bench redact FILE ROUNDS          the redactor over a text file (PUB-8)
//   sunlight-bench cases DIR N MIB             N cases, one with a MIB MiB video: tasks, statistics
//                                              and a case page against a list query; for export-case
//   sunlight-bench store [postgres-url] [N]    one bureau's N running cases (5,001) read by the database's
//                                              client, the driver, SQLKit and the store; ratios (issue 16 item 3)
import Foundation
import SunlightCore
import SunlightDemo
import SunlightLedger
import SunlightStore
import SunlightDatabaseTestSupport
import SunlightTestSupport

func seconds(_ work: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func makeSunlight(_ configuration: StoreConfiguration, dataDirectory: URL) async throws -> (Sunlight, StoreHost) {
    let host = try StoreHost(configuration)
    try await host.migrate()
    let ledger = testLedger()
    // Saved where `sunlight verify` looks for it, so the data directory can be verified afterwards.
    try Data((ledger.signer.signerKey + "\n").utf8).write(to: dataDirectory.appendingPathComponent(LedgerKeys.fileName))
    let sunlight = Sunlight(store: host.store, passwords: TestPasswordHasher(), ledger: ledger,
                            blobs: try FileBlobStore(root: dataDirectory.appendingPathComponent("blobs"), maxBytes: 1 << 40))
    return (sunlight, host)
}

func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sunlight-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Record writes per second: the same organisation row and access-log line, in one
/// transaction each, without and with the log (leaves, subtrees, head, signed checkpoint).
func writes(count: Int, postgres: String?) async throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let configuration: StoreConfiguration = postgres.map { .postgres(url: $0, schema: "bench_\(UInt32.random(in: 0...UInt32.max))") }
        ?? .sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
    let (sunlight, host) = try await makeSunlight(configuration, dataDirectory: directory)
    let console = Actor.console("bench")
    let root = Organisation(parentID: nil, name: "基准测试人民政府", shortName: "基", kind: .government, level: .county,
                            path: "/bench/", createdAt: Date())
    try await host.store.organisations.insert(root)
    func organisation(_ i: Int) -> Organisation {
        let id = UUID()
        return Organisation(id: id, parentID: root.id, name: "部门\(i)", shortName: "部", kind: .department, level: .county,
                            path: Organisation.path(for: id, under: root), createdAt: Date())
    }
    let store = host.store
    let without = try await seconds {
        for i in 0..<count {
            let o = organisation(i)
            try await store.transaction { tx in
                try await tx.organisations.insert(o)
                try await tx.accessLog.append(AccessLogEntry(console, at: Date(), .create, "organisation", id: o.id.uuidString, in: o, "新增"))
            }
        }
    }
    /// The same writes through the log: `ledger` decides whether each commit places its entries
    /// in the tree (at commit) or only sequences them for the integrator.
    func logged(offset: Int, ledger: LedgerSettings) async throws -> Double {
        try await seconds {
            for i in 0..<count {
                let o = organisation(offset + i)
                let line = AccessLogEntry(console, at: Date(), .create, "organisation", id: o.id.uuidString, in: o, "新增")
                try await store.transaction { tx in
                    try await tx.organisations.insert(o)
                    let record = LedgerRecord(type: "organisation.created", table: "organisations", id: o.id.uuidString.lowercased(),
                                              organisationID: o.id, content: .object(["name": .string(o.name)]))
                    try await Sunlight.appendAccessLog(line, records: [record], at: line.at, ledger: ledger, secrets: sunlight.secrets, in: tx)
                }
            }
        }
    }
    let atCommit = try await logged(offset: count, ledger: sunlight.ledger)
    var sequencedLedger = sunlight.ledger
    sequencedLedger.integration = .sequenced
    let sequenced = try await logged(offset: 2 * count, ledger: sequencedLedger)
    let integrator = Sunlight(store: store, passwords: TestPasswordHasher(), ledger: sequencedLedger, blobs: sunlight.blobs)
    var placed = 0
    let integration = try await seconds { placed = try await integrator.integrateAllSequenced() }
    let kind = postgres == nil ? "SQLite" : "PostgreSQL"
    print(String(format: "writes %@: without log %.0f/s; with log, placed at commit %.0f/s (ratio %.2f); sequenced %.0f/s (ratio %.2f)",
                 kind, Double(count) / without, Double(count) / atCommit, without / atCommit, Double(count) / sequenced, without / sequenced))
    print(String(format: "  integrator: %d entries placed in %.3f s (%.0f leaves/s, batches of %d, one checkpoint each)",
                 placed, integration, Double(placed) / integration, Sunlight.integrationBatch))
    if let schema = { if case .postgres(_, let s) = configuration { return s } else { return nil } }() { try await host.dropSchema(schema) }
    await host.shutdown()
}

/// Builds an N-leaf log in SQLite through the real writer, in large transactions, then times
/// inclusion proofs read from the stored subtrees, and their verification.
func proofs(leaves: Int, directory: URL) async throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let (sunlight, host) = try await makeSunlight(.sqlite(path: directory.appendingPathComponent("sunlight.sqlite").path), dataDirectory: directory)
    let entriesFile = directory.appendingPathComponent("entries.jsonl")
    _ = FileManager.default.createFile(atPath: entriesFile.path, contents: nil)
    let out = try FileHandle(forWritingTo: entriesFile)
    let batch = 20_000
    let console = Actor.console("bench")
    let build = try await seconds {
        var written = 0
        while written < leaves {
            let n = min(batch, leaves - written)
            let records = (written..<written + n).map { i in
                LedgerRecord(type: "bench.record", table: "bench", id: String(i), organisationID: nil, content: .object(["i": .int(Int64(i))]))
            }
            // One line of the access log for the batch keeps the writer's path the real one.
            let line = AccessLogEntry(console, at: Date(timeIntervalSince1970: 1_800_000_000), .create, "bench", id: nil, in: nil, "批量")
            let before = try await host.store.ledger.head().size
            try await host.store.transaction { tx in
                try await Sunlight.appendAccessLog(line, records: records, at: line.at, ledger: sunlight.ledger, secrets: sunlight.secrets, in: tx)
            }
            // Export exactly the stored leaf data, for pymerkle.
            var text = ""
            for entry in try await host.store.ledger.entries(from: before, limit: n + 1) {
                text += String(decoding: entry.entry, as: UTF8.self) + "\n"
            }
            try out.write(contentsOf: Data(text.utf8))
            written += n
            FileHandle.standardError.write(Data("\r构建日志 \(written)/\(leaves)".utf8))
        }
    }
    try out.close()
    FileHandle.standardError.write(Data("\n".utf8))
    let (size, root) = try await host.store.ledger.head()
    let samples = 2000
    var indices: [UInt64] = (0..<samples).map { _ in UInt64.random(in: 0..<size) }
    indices[0] = 0
    var proofsGenerated: [(UInt64, [LedgerHash])] = []
    let generate = try await seconds {
        for index in indices {
            proofsGenerated.append((index, try await MerkleMath.inclusionProof(index: index, size: size, from: host.store.ledger)))
        }
    }
    let leafHashes = try await host.store.ledger.hashes(indices.map { SubtreeID(level: 0, index: $0) })
    let verify = try await seconds {
        for ((index, proof), leaf) in zip(proofsGenerated, leafHashes) {
            try ProofVerification.verifyInclusion(index: index, size: size, leafHash: leaf, proof: proof, root: root)
        }
    }
    // The same proofs from the same leaves held in memory, to separate the algorithm from the I/O.
    var memory = MemoryTree()
    var offset: UInt64 = 0
    while offset < size {
        for entry in try await host.store.ledger.entries(from: offset, limit: 50_000) { memory.append(leafHash: RFC6962.leafHash(entry.entry)) }
        offset = memory.size
    }
    let inMemory = try await seconds {
        for index in indices { _ = try await MerkleMath.inclusionProof(index: index, size: size, from: memory) }
    }
    print(String(format: "proofs at %llu leaves (SQLite): build %.1f s (%.0f leaves/s); inclusion proof %.1f µs each from the database, %.1f µs from memory; verify %.1f µs; root %@",
                 size, build, Double(leaves) / build, generate / Double(samples) * 1e6, inMemory / Double(samples) * 1e6,
                 verify / Double(samples) * 1e6, root.hex))
    await host.shutdown()
}

/// A data directory whose log records `files` random files of `mib` MiB each.
func evidence(directory: URL, files: Int, mib: Int) async throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let ledger = testLedger()
    try Data((ledger.signer.signerKey + "\n").utf8).write(to: directory.appendingPathComponent(LedgerKeys.fileName))
    let host = try StoreHost(.sqlite(path: directory.appendingPathComponent("sunlight.sqlite").path))
    try await host.migrate()
    let blobs = try FileBlobStore(root: directory.appendingPathComponent("blobs"), maxBytes: 1 << 40)
    let sunlight = Sunlight(store: host.store, passwords: TestPasswordHasher(), ledger: ledger, blobs: blobs)
    let seeded = try await DemoData.seed(sunlight)
    let officer = try await host.store.users.find(username: "scj.zhangwei")!
    let actor = try await sunlight.access.actor(for: officer, channel: .api, address: "127.0.0.1")
    _ = seeded
    var generator = SystemRandomNumberGenerator()
    let chunk = 1 << 20
    var buffer = [UInt8](repeating: 0, count: chunk)
    for f in 0..<files {
        let upload = try blobs.beginUpload()
        for _ in 0..<mib {
            for i in stride(from: 0, to: chunk, by: 8) {
                withUnsafeBytes(of: generator.next()) { bytes in for j in 0..<8 { buffer[i + j] = bytes[j] } }
            }
            try buffer.withUnsafeBytes { try upload.write($0) }
        }
        let receipt = try upload.finish()
        _ = try await sunlight.cases.recordEvidence(NewEvidence(
            kind: .video, title: "基准测试录像 \(f)", filename: "bench-\(f).mp4", mediaType: "video/mp4", recordedAt: Date().addingTimeInterval(-60),
            place: "元马镇", recordedBy: officer.id, device: "执法记录仪"), blob: receipt, by: actor)
        FileHandle.standardError.write(Data("\r文件 \(f + 1)/\(files)".utf8))
    }
    FileHandle.standardError.write(Data("\n".utf8))
    try await WitnessFile.update(from: host.store, dataDirectory: directory.path)
    await host.shutdown()
    print("evidence: \(files) files × \(mib) MiB in \(directory.path)")
}

let arguments = CommandLine.arguments
do {
    switch arguments.dropFirst().first {
    case "writes": try await writes(count: Int(arguments[2]) ?? 1000, postgres: arguments.count > 3 ? arguments[3] : nil)
    case "proofs": try await proofs(leaves: Int(arguments[2])!, directory: URL(fileURLWithPath: arguments[3]))
    case "evidence": try await evidence(directory: URL(fileURLWithPath: arguments[2]), files: Int(arguments[3])!, mib: Int(arguments[4])!)
    case "cases": try await cases(directory: URL(fileURLWithPath: arguments[2]), count: Int(arguments[3])!, mib: Int(arguments[4])!)
    case "store": try await storeOverhead(postgres: arguments.count > 2 && arguments[2].hasPrefix("postgres") ? arguments[2] : nil,
                                          running: arguments.last.flatMap { Int($0) } ?? 5001, rounds: 15)
    case "redact": try redaction(file: URL(fileURLWithPath: arguments[2]), rounds: Int(arguments[3])!)
    default:
        FileHandle.standardError.write(Data("usage: sunlight-bench writes N [postgres-url] | proofs N DIR | evidence DIR FILES MIB | cases DIR N MIB | store [postgres-url] [N] | redact FILE ROUNDS\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("sunlight-bench: \(error)\n".utf8))
    exit(1)
}
