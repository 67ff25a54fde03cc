import Foundation

extension LedgerVerifier {
    /// 读模型校验 — compares a read model kept per case (`table`, called `label` in the report)
    /// with what the records give: every case's stored rows, read a page at a time, against
    /// `expected`'s chunks of recomputed rows. A case with fewer rows than it should have reports
    /// a deletion, other differences a change, rows of a case that should have none an insertion.
    func verifyPerCase<Row: Equatable>(table: String, label: String, _ report: inout VerificationReport,
                                       stored page: (_ offset: Int, _ limit: Int) async throws -> [Row], caseOf: KeyPath<Row, EnforcementCase.ID>,
                                       expected: (([Row]) async throws -> Void) async throws -> Void) async throws {
        var stored: [EnforcementCase.ID: [Row]] = [:]
        var offset = 0
        while true {
            let rows = try await page(offset, Self.page)
            guard !rows.isEmpty else { break }
            for row in rows { stored[row[keyPath: caseOf], default: []].append(row) }
            offset += rows.count
        }
        var problems: [VerificationProblem] = []
        try await expected { chunk in
            var byCase: [EnforcementCase.ID: [Row]] = [:]
            for row in chunk { byCase[row[keyPath: caseOf], default: []].append(row) }
            for (caseID, rows) in byCase.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                let found = stored.removeValue(forKey: caseID) ?? []
                guard found != rows else { continue }
                problems.append(VerificationProblem(table: table, recordID: caseID.uuidString.lowercased(),
                                                    found.count < rows.count ? "\(label)缺失：被直接删除" : "\(label)与案件记录不符：被直接修改"))
            }
        }
        for id in stored.keys.sorted(by: { $0.uuidString < $1.uuidString }) {
            problems.append(VerificationProblem(table: table, recordID: id.uuidString.lowercased(), "\(label)没有案件记录为据：被直接插入"))
        }
        for problem in problems { report.report(problem) }
        progress(VerificationProgress(phase: label, done: UInt64(offset), total: 0))
    }
}
