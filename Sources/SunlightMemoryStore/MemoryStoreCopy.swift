import Foundation
import SunlightCore

/// A document-number series in memory: (organisation, code, year).
struct MemoryCounterKey: Hashable {
    let organisation: Organisation.ID
    let code: String
    let year: Int
}

extension MemoryCaseSettingsRepository {
    func raiseNumber(organisation: Organisation.ID, code: String, year: Int, to last: Int) async throws {
        let key = MemoryCounterKey(organisation: organisation, code: code, year: year)
        try await context.write { t in t.counters[key] = Swift.max(t.counters[key] ?? 0, last) }
    }
}

/// 复制到数据库 — the memory store as a bulk load's source: every table's rows written since
/// the last copy go to the target through the target's own repositories (their write code,
/// derived columns and sealed values included), parents before the rows that refer to them.
extension MemoryStore: BulkLoadSource {
    public func copyNew(into store: any Store, batch: Int,
                        place: @escaping @Sendable (any Store, [SequencedLedgerEntry]) async throws -> Void,
                        progress: @escaping @Sendable (String, Int) -> Void) async throws -> BulkLoadCount {
        let t = context.snapshot()
        guard t.ledgerEntries.isEmpty, t.checkpoints.isEmpty else {
            throw MemoryStoreError(description: "内存存储中已有整合的日志叶子：批量装入只复制待整合的条目（须按“先排序后整合”生成）")
        }
        var copier = MemoryCopier(tables: t, target: store, batch: batch, progress: progress)
        try await copier.copyRecords(place: place)
        let marks = copier.marks
        try await context.write { $0.copiedMarks = marks }
        return copier.count
    }

    /// Drops the rows of cases, publications, complaints and the log once they are copied, so
    /// the next county starts from the organisations, staff and lists alone and memory stays
    /// bounded by one county. Rows of the tables it keeps are copied once (they are not changed
    /// after they are copied while generating).
    public func forgetCopiedCases() async throws {
        try await context.write { t in
            let kept = MemoryTables.keptAcrossCopies(t)
            t = kept
        }
    }
}

extension MemoryTables {
    /// `t` with only the organisations, staff, settings and lists (and their copy marks).
    static func keptAcrossCopies(_ t: MemoryTables) -> MemoryTables {
        var kept = MemoryTables()
        kept.nextSeq = t.nextSeq
        kept.nextSequence = t.nextSequence
        kept.organisations = t.organisations
        kept.users = t.users
        kept.certificates = t.certificates
        kept.sessions = t.sessions
        kept.apiTokens = t.apiTokens
        kept.loginFailures = t.loginFailures
        kept.holidayNotices = t.holidayNotices
        kept.counters = t.counters
        kept.benchmarks = t.benchmarks
        kept.audioVideo = t.audioVideo
        kept.catalogues = t.catalogues
        kept.listEntries = t.listEntries
        kept.certificateReviews = t.certificateReviews
        kept.trainings = t.trainings
        kept.policies = t.policies
        kept.draws = t.draws
        kept.readModels = t.readModels
        kept.copiedMarks = t.copiedMarks.filter { MemoryCopier.keptTables.contains($0.key) }
        return kept
    }
}
