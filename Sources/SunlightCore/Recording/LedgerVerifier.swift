import Foundation
import SunlightLedger

/// 全面校验 — `sunlight verify` (REC-5, REC-10): rebuilds the tree from every stored leaf,
/// recomputes every content hash, compares every stored subtree hash, checks every signed
/// checkpoint (signature, origin, root at its size) and the consistency of each with the one
/// before, compares every logged record as stored with its newest leaf, checks personal-data
/// commitments, and checks any checkpoint kept outside the database (a rolled-back or
/// truncated log cannot match a checkpoint already published).
struct LedgerVerifier {
    let store: any Store
    let blobs: any BlobStore
    let settings: LedgerSettings
    let witnesses: [String]
    var policy: WitnessPolicy?
    let progress: @Sendable (VerificationProgress) -> Void
    /// When entries still waiting for the integrator are placed.
    let integrationTime: Date
    /// The calendar the case-clock summaries are recomputed on.
    let calendar: WorkingDayCalendar
    static let page = 1000

    func run() async throws -> VerificationReport {
        var report = VerificationReport()
        // Entries committed but not yet placed are placed first, so every record is checked
        // against its newest leaf and every leaf is under a signed checkpoint.
        report.integratedBeforeCheck = try await LedgerIntegrator.integrateAll(batch: Sunlight.integrationBatch, at: integrationTime,
                                                                               settings: settings, in: store)
        try await verifyTree(&report)
        try await verifyRecords(&report)
        try await verifyPublicViews(&report)
        try await verifyBlobs(&report)
        try await verifyCaseClocks(&report)
        try await verifyReviewFlags(&report)
        try await verifyCaseFacts(&report)
        return report
    }

    // MARK: the tree

    private func verifyTree(_ report: inout VerificationReport) async throws {
        let ledger = store.ledger
        let head = try await ledger.head()
        let witnessCheckpoints = try openWitnesses(&report)
        var witnessRoots: [UInt64: LedgerHash] = [:]
        var frontier = MerkleFrontier()
        var tiles = TileCursor(ledger: ledger)
        var checkpoints = try await ledger.checkpoints(from: 0, limit: Self.page)[...]
        var previous: StoredCheckpoint?
        var broken = false
        let wantedWitnessSizes = Set(witnessCheckpoints.map(\.size))
        if wantedWitnessSizes.contains(0) { witnessRoots[0] = RFC6962.emptyRoot }

        while true {
            let page = try await ledger.entries(from: frontier.size, limit: Self.page)
            if page.isEmpty { break }
            for stored in page {
                if stored.index != frontier.size {
                    report.report(VerificationProblem(table: "ledger_entries", leafIndex: frontier.size,
                                                      "缺少叶子（下一个存储的叶子是 #\(stored.index)）：日志条目被删除"))
                    broken = true
                }
                check(entry: stored, &report)
                for (id, hash) in frontier.append(RFC6962.leafHash(stored.entry)) where !broken {
                    switch try await tiles.stored(id) {
                    case hash?: break
                    case nil:
                        report.report(VerificationProblem(table: "ledger_subtrees", leafIndex: id.level == 0 ? id.index : nil,
                                                          "缺少子树哈希 \(id)"))
                        broken = true
                    case _?:
                        report.report(VerificationProblem(table: "ledger_subtrees", leafIndex: id.level == 0 ? id.index : id.begin,
                                                          "子树哈希 \(id) 与由叶子重算的值不符"))
                        broken = true
                    }
                }
                if wantedWitnessSizes.contains(frontier.size) { witnessRoots[frontier.size] = frontier.root }
                // Checkpoints at this size.
                while let checkpoint = checkpoints.first, checkpoint.size <= frontier.size {
                    checkpoints.removeFirst()
                    if checkpoints.isEmpty { checkpoints = try await ledger.checkpoints(from: checkpoint.size + 1, limit: Self.page)[...] }
                    try await check(checkpoint, root: checkpoint.size == frontier.size ? frontier.root : nil, previous: previous,
                                    treeIsSound: !broken, &report)
                    previous = checkpoint
                }
            }
            report.leaves = frontier.size
            progress(VerificationProgress(phase: "日志叶子", done: frontier.size, total: max(head.size, frontier.size)))
            if page.count < Self.page { break }
        }
        report.leaves = frontier.size
        report.root = frontier.root

        // Checkpoints beyond the leaves: the log was cut short under them.
        while let checkpoint = checkpoints.first {
            checkpoints.removeFirst()
            report.checkpoints += 1
            report.report(VerificationProblem(table: "ledger_checkpoints", leafIndex: checkpoint.size - 1,
                                              "检查点大小 \(checkpoint.size) 超出日志中的 \(frontier.size) 个叶子：日志被截断"))
            if checkpoints.isEmpty { checkpoints = try await ledger.checkpoints(from: checkpoint.size + 1, limit: Self.page)[...] }
        }
        // Every append signs a checkpoint in its own transaction, so the newest covers every leaf.
        if let last = previous, last.size < frontier.size {
            report.report(VerificationProblem(table: "ledger_entries", leafIndex: last.size,
                                              "叶子 #\(last.size) 起的 \(frontier.size - last.size) 个叶子没有签名检查点：日志被插入"))
        } else if previous == nil, frontier.size > 0 {
            report.report(VerificationProblem(table: "ledger_checkpoints", "日志有 \(frontier.size) 个叶子，却没有任何检查点"))
        }
        if head.size != frontier.size || head.root != frontier.root {
            report.report(VerificationProblem(table: "ledger_head", "日志头记录（大小 \(head.size)）与重算结果（大小 \(frontier.size)）不符"))
        }
        report.subtrees = try await tiles.checkNoExtra(size: frontier.size, &report)
        for witness in witnessCheckpoints {
            if witness.size > frontier.size {
                report.report(VerificationProblem(table: "ledger_entries", leafIndex: frontier.size,
                                                  "外部保存的检查点大小为 \(witness.size)，数据库中只有 \(frontier.size) 个叶子：日志被回滚或截断"))
            } else if witnessRoots[witness.size] != witness.root {
                report.report(VerificationProblem(table: "ledger_entries", leafIndex: witness.size - 1,
                                                  "外部保存的检查点（大小 \(witness.size)）与数据库中的日志不一致：日志被改写"))
            }
        }
        if let policy {
            let size = frontier.size
            for problem in policy.problems(notes: witnesses, log: settings.verifier, origin: settings.origin,
                                           contains: { $0.size <= size && witnessRoots[$0.size] == $0.root }) {
                report.report(problem)
            }
        }
    }

    private func check(entry stored: StoredLedgerEntry, _ report: inout VerificationReport) {
        let problem = { (message: String) in
            VerificationProblem(table: stored.table, recordID: stored.recordID, leafIndex: stored.index, message)
        }
        guard let entry = try? LedgerEntry(parsing: stored.entry) else {
            report.report(problem("日志条目不是规范编码的第 1 版条目：被篡改"))
            return
        }
        if LedgerHash.sha256(stored.content) != entry.contentHash {
            report.report(problem("记录内容的哈希与日志条目不符：内容被篡改"))
        }
        if entry.table != stored.table || entry.recordID != stored.recordID {
            report.report(problem("日志条目所属的记录（\(entry.table)/\(entry.recordID)）与索引列不符：被篡改"))
        }
    }

    private func check(_ checkpoint: StoredCheckpoint, root: LedgerHash?, previous: StoredCheckpoint?, treeIsSound: Bool,
                       _ report: inout VerificationReport) async throws {
        report.checkpoints += 1
        let problem = { (message: String) in
            VerificationProblem(table: "ledger_checkpoints", leafIndex: checkpoint.size > 0 ? checkpoint.size - 1 : nil,
                                "检查点（大小 \(checkpoint.size)）\(message)")
        }
        let signed: Checkpoint
        do {
            signed = try Checkpoint.open(checkpoint.note, verifier: settings.verifier, origin: settings.origin)
        } catch {
            report.report(problem("签名校验失败：\(error)"))
            return
        }
        guard signed.size == checkpoint.size, signed.root == checkpoint.root else {
            report.report(problem("的签名内容与存储的大小或根哈希不符"))
            return
        }
        guard treeIsSound else { return }
        guard let root, root == signed.root else {
            report.report(problem("的根哈希与由叶子重算的根不符"))
            return
        }
        if let previous, previous.size < checkpoint.size {
            let proof = try await MerkleMath.consistencyProof(size1: previous.size, size2: checkpoint.size, from: store.ledger)
            do {
                try ProofVerification.verifyConsistency(size1: previous.size, size2: checkpoint.size, root1: previous.root,
                                                        root2: checkpoint.root, proof: proof)
                report.consistencyProofs += 1
            } catch {
                report.report(problem("与前一检查点（大小 \(previous.size)）不一致：\(error)"))
            }
        }
    }

    private func openWitnesses(_ report: inout VerificationReport) throws -> [Checkpoint] {
        witnesses.compactMap { note in
            do { return try Checkpoint.open(note, verifier: settings.verifier, origin: settings.origin) } catch {
                report.report(VerificationProblem(table: "witness", "外部保存的检查点无法验证：\(error)"))
                return nil
            }
        }
    }

    // MARK: the records

    private func verifyRecords(_ report: inout VerificationReport) async throws {
        for table in LoggedTable.all {
            var seen = Set<String>()
            var offset = 0
            while true {
                let records = try await table.page(store, offset, Self.page)
                if records.isEmpty { break }
                offset += records.count
                let leaves = try await store.ledger.entries(table: table.name, recordIDs: records.map(\.id))
                var newest: [String: StoredLedgerEntry] = [:]
                for leaf in leaves { newest[leaf.recordID] = leaf }
                for record in records {
                    seen.insert(record.id)
                    guard let leaf = newest[record.id] else {
                        report.report(VerificationProblem(table: table.name, recordID: record.id, "记录没有任何日志叶子：被直接插入数据库"))
                        continue
                    }
                    if let message = Self.mismatch(record, newest: leaf) {
                        report.report(VerificationProblem(table: table.name, recordID: record.id, leafIndex: leaf.index, message))
                    }
                }
                try await checkPersonalData(table.name, ids: records.map(\.id), &report)
                progress(VerificationProgress(phase: "记录 \(table.name)", done: UInt64(offset), total: 0))
                if records.count < Self.page { break }
            }
            report.records[table.name] = seen.count
            var after: String?
            while true {
                let ids = try await store.ledger.recordIDs(table: table.name, after: after, limit: Self.page)
                for id in ids where !seen.contains(id) {
                    let leaf = try await store.ledger.entries(table: table.name, recordIDs: [id]).last
                    report.report(VerificationProblem(table: table.name, recordID: id, leafIndex: leaf?.index,
                                                      "日志中有此记录，数据库中却没有：被删除"))
                }
                guard let last = ids.last, ids.count == Self.page else { break }
                after = last
            }
        }
    }

    /// Why a record as stored does not match its newest leaf, or `nil` when it does. The
    /// record's content is recomputed under the content version the leaf's entry names (absent:
    /// 1), so a record last written before its type moved to a new version still verifies.
    static func mismatch(_ record: LedgerRecord, newest leaf: StoredLedgerEntry) -> String? {
        // An entry that does not parse is reported by the tree check; compare under version 1.
        let version = (try? LedgerEntry(parsing: leaf.entry))?.contentVersion ?? 1
        let expected: CanonicalJSON?
        do { expected = try record.content(version: version) } catch {
            return "无法按内容版本 \(version) 重算记录内容：\(error)"
        }
        guard let expected else { return "最新日志叶子使用内容版本 \(version)，本程序不认识该版本：无法校验" }
        return leaf.content == expected.bytes ? nil : "记录当前内容与其最新日志叶子不符：被直接修改"
    }

    // MARK: the files

    private func verifyBlobs(_ report: inout VerificationReport) async throws {
        let blobs = self.blobs
        var referenced: [LedgerHash: String] = [:]
        var offset = 0
        while true {
            let files = try await store.evidence.chronological(offset: offset, limit: Self.page)
            for file in files {
                let id = file.id.uuidString.lowercased()
                if referenced[file.sha256] == nil { referenced[file.sha256] = id }
                if blobs.size(of: file.sha256) != file.size {
                    let leaf = try await store.ledger.entries(table: "evidence_files", recordIDs: [id]).last
                    report.report(VerificationProblem(table: "evidence_files", recordID: id, leafIndex: leaf?.index,
                                                      "文件 \(file.sha256.hex.prefix(16))… 缺失或大小不符"))
                }
            }
            offset += files.count
            if files.count < Self.page { break }
        }
        let stored: [LedgerHash]
        do { stored = try blobs.list() } catch {
            report.report(VerificationProblem(table: "blobs", "\(error)"))
            return
        }
        let total = stored.reduce(UInt64(0)) { $0 + (blobs.size(of: $1) ?? 0) }
        for hash in stored {
            let (actual, size) = try blobs.rehash(hash)
            report.blobs += 1
            report.bytesHashed += size
            if actual != hash {
                let record = referenced[hash]
                let leaf = try await record.asyncMap { try await store.ledger.entries(table: "evidence_files", recordIDs: [$0]).last?.index } ?? nil
                report.report(VerificationProblem(table: "blobs", recordID: record.map { "evidence_files/\($0)" } ?? hash.hex,
                                                  leafIndex: leaf, "文件 \(hash.hex.prefix(16))… 的内容与其哈希不符：被篡改"))
            }
            progress(VerificationProgress(phase: "文件（字节）", done: report.bytesHashed, total: total))
        }
    }

    private func checkPersonalData(_ table: String, ids: [String], _ report: inout VerificationReport) async throws {
        for value in try await store.personalData.values(table: table, recordIDs: ids) where !value.isIntact {
            report.report(VerificationProblem(table: "personal_data", recordID: "\(table)/\(value.recordID)",
                                              "个人信息“\(value.field)”与其承诺值不符：被篡改"))
        }
    }
}

/// Reads stored subtree hashes level by level in ascending order, as the rebuild produces them.
private struct TileCursor {
    let ledger: any LedgerRepository
    var buffers: [Int: ArraySlice<(UInt64, LedgerHash)>] = [:]
    var nextFetch: [Int: UInt64] = [:]

    init(ledger: any LedgerRepository) { self.ledger = ledger }

    /// The stored hash of `id`, or `nil` if there is none.
    mutating func stored(_ id: SubtreeID) async throws -> LedgerHash? {
        while true {
            if let first = buffers[id.level]?.first {
                if first.0 == id.index { buffers[id.level]!.removeFirst(); return first.1 }
                if first.0 > id.index { return nil }
                buffers[id.level]!.removeFirst()
                continue
            }
            let from = max(nextFetch[id.level] ?? 0, id.index)
            let page = try await ledger.subtrees(level: id.level, from: from, limit: LedgerVerifier.page)
            guard let last = page.last else { return nil }
            buffers[id.level] = page[...]
            nextFetch[id.level] = last.0 + 1
        }
    }

    /// Reports stored subtrees the leaves do not produce; returns how many are stored.
    func checkNoExtra(size: UInt64, _ report: inout VerificationReport) async throws -> UInt64 {
        var total: UInt64 = 0
        for (level, count) in try await ledger.subtreeCounts().sorted(by: { $0.key < $1.key }) {
            total += count
            let expected = level < 64 ? size >> UInt64(level) : 0
            if count > expected {
                report.report(VerificationProblem(table: "ledger_subtrees", "第 \(level) 层有 \(count) 个子树哈希，应为 \(expected) 个：被插入"))
            }
        }
        return total
    }
}

extension CaseUseCases {
    /// 全面校验 — see ``LedgerVerifier``. `witnesses` are signed checkpoints kept outside the
    /// database (published, pushed, or saved by the server in its data directory).
    /// `policy`, if given, asks k of n outside witnesses to vouch for the database (REC-19).
    public func verify(witnesses: [String] = [], policy: WitnessPolicy? = nil,
                       progress: @escaping @Sendable (VerificationProgress) -> Void = { _ in }) async throws -> VerificationReport {
        let calendar = try await calendars.current()
        // Summaries never built (a database from before them, or bulk-loaded) are built first;
        // summaries that were built are checked as they stand.
        let built = try await ReadModels.buildIfNeverBuilt(in: store, calendar: calendar)
        var report = try await LedgerVerifier(store: store, blobs: blobs, settings: ledger, witnesses: witnesses, policy: policy, progress: progress,
                                              integrationTime: now, calendar: calendar).run()
        report.readModelsBuiltBeforeCheck = built
        return report
    }
}
