import Foundation
import SunlightLedger

/// 公开内容校验 — every byte the public or the upper-level platform is served is either a
/// logged record or recomputed here from logged records and compared (issue 15 item 9; REC-5,
/// PUB-8, PUB-10): the query columns the portal selects and searches decisions by, the search
/// index, and the body of every queued message (by the signature taken when it was queued).
extension LedgerVerifier {
    func verifyPublicViews(_ report: inout VerificationReport) async throws {
        for id in try await store.publications.queryColumnMismatches() {
            report.report(VerificationProblem(table: "decision_publications", recordID: id.uuidString.lowercased(),
                                              "门户据以筛选和检索的字段（状态、日期、检索文本）与留痕记录不符：被直接修改"))
        }
        try await verifySearchIndex(&report)
        try await verifyOutbox(&report)
    }

    private func verifySearchIndex(_ report: inout VerificationReport) async throws {
        var offset = 0
        while true {
            let documents = try await store.search.documents(offset: offset, limit: Self.page)
            guard !documents.isEmpty else { break }
            for document in documents {
                let expected = try await Self.expectedDocument(document, in: store)
                guard expected.map(document.showsTheSame) != true else { continue }
                report.report(VerificationProblem(table: "search_documents", recordID: document.id,
                                                  expected == nil ? "检索索引中有留痕记录里没有的条目：被直接插入" : "检索内容与留痕记录不符：被直接修改"))
            }
            offset += documents.count
            progress(VerificationProgress(phase: "检索索引", done: UInt64(offset), total: 0))
        }
        for id in try await store.search.indexMismatches() {
            report.report(VerificationProblem(table: "search_documents", recordID: id, "检索索引（规范化文本、二元组）与检索内容不符：被直接修改"))
        }
    }

    /// What the index must hold under this document's ID, recomputed from logged records.
    static func expectedDocument(_ document: SearchDocument, in store: any Store) async throws -> SearchDocument? {
        let parts = document.id.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        switch parts[0] {
        case "entry": return try await PublicityUseCases.searchDocument(entry: id, in: store)
        case "officer": return try await StandardsUseCases.searchDocument(officer: id, at: document.updatedAt, in: store)
        default: return nil
        }
    }

    private func verifyOutbox(_ report: inout VerificationReport) async throws {
        var offset = 0
        while true {
            let messages = try await store.outbox.chronological(offset: offset, limit: Self.page)
            guard !messages.isEmpty else { return }
            for message in messages where !message.bodyIsAsQueued(verifier: settings.verifier) {
                report.report(VerificationProblem(table: "outbox", recordID: message.id.uuidString.lowercased(),
                                                  "推送内容与入队时的签名不符：被直接修改"))
            }
            offset += messages.count
        }
    }
}

/// 检索索引重建 — rewrites every search document that no longer shows what its logged records
/// give (an officer indexed before their organisation was renamed, say). The index is derived
/// data: rebuilding it from the log changes no record. Run by a migration once, so databases
/// written before `sunlight verify` compared the index verify clean (issue 15 item 9).
public enum SearchIndexRefresh {
    @discardableResult
    public static func run(in store: any Store) async throws -> Int {
        var offset = 0, rewritten = 0
        while true {
            let documents = try await store.search.documents(offset: offset, limit: 500)
            guard !documents.isEmpty else { return rewritten }
            offset += documents.count
            for document in documents {
                let expected = try await LedgerVerifier.expectedDocument(document, in: store)
                guard expected.map(document.showsTheSame) != true else { continue }
                if let expected { try await store.search.upsert(expected) } else { try await store.search.remove(id: document.id) }
                rewritten += 1
                if expected == nil { offset -= 1 }
            }
        }
    }
}
