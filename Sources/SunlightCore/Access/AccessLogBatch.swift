import Foundation

/// 访问日志成组提交 — logged reads and refusals, committed together (REC-11, REC-5). Each
/// request still waits until its own line is committed with its log entry, so nothing it was
/// shown goes unlogged; but the lines of requests that arrive while a commit is under way are
/// written in the next transaction together, so a hundred concurrent readers cost a few
/// commits rather than a hundred (group commit, as databases do with their own log).
actor AccessLogBatch {
    private struct Waiting {
        let line: AccessLogEntry
        let done: CheckedContinuation<Void, any Error>
    }

    private let store: any Store
    private let ledger: LedgerSettings
    private let secrets: any SecretGenerator
    private var waiting: [Waiting] = []
    private var committing = false
    /// The most lines one transaction takes.
    static let largest = 500

    init(store: any Store, ledger: LedgerSettings, secrets: any SecretGenerator) {
        self.store = store
        self.ledger = ledger
        self.secrets = secrets
    }

    /// Returns once `line` and its log entry are committed.
    func append(_ line: AccessLogEntry) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append(Waiting(line: line, done: done))
            guard !committing else { return }
            committing = true
            Task { await self.commitWaiting() }
        }
    }

    /// Commits what waits, batch after batch, until nothing does.
    private func commitWaiting() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.largest))
            waiting.removeFirst(batch.count)
            do {
                try await commit(batch.map(\.line))
                for item in batch { item.done.resume() }
            } catch {
                // One line that cannot be written must not fail the others: each is tried alone.
                for item in batch {
                    do {
                        try await commit([item.line])
                        item.done.resume()
                    } catch {
                        item.done.resume(throwing: error)
                    }
                }
            }
        }
        committing = false
    }

    private func commit(_ lines: [AccessLogEntry]) async throws {
        guard let last = lines.last else { return }
        try await store.transaction { [ledger, secrets] tx in
            var records: [LedgerRecord] = []
            for line in lines { records.append(try await Sunlight.storeAccessLog(line, secrets: secrets, in: tx)) }
            // One append for the batch: placed at commit, that is one checkpoint, not one per line.
            try await LedgerWriter.append(records, at: last.at, settings: ledger, in: tx)
        }
    }
}
