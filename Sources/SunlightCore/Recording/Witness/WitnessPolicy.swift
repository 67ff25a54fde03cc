import Foundation
import SunlightLedger

/// 见证策略 — what a verifier requires of outside witnesses (REC-19): at least `required` of
/// `witnesses` must have cosigned a checkpoint of this log that the database's tree contains.
/// A checkpoint any witness holds that the database does not contain (a rollback, a rewrite)
/// is a failure whatever the count.
public struct WitnessPolicy: Sendable, Equatable {
    public let witnesses: [CosignatureVerifier]
    public let required: Int

    public init(witnesses: [CosignatureVerifier], required: Int) {
        self.witnesses = witnesses
        self.required = required
    }

    /// Checks the policy over signed checkpoints held outside the database. `contains` says
    /// whether the database's tree has that checkpoint (same root at that size).
    func problems(notes: [String], log: NoteVerifier, origin: String, contains: (Checkpoint) -> Bool) -> [VerificationProblem] {
        var vouching: [String] = []
        var ahead: [String] = []
        for witness in witnesses {
            var newest: Checkpoint?
            for note in notes {
                do {
                    let checkpoint = try Checkpoint.open(note, verifier: log, origin: origin)
                    _ = try witness.verify(note)
                    if checkpoint.size >= newest?.size ?? 0 { newest = checkpoint }
                } catch {
                    continue   // not this log's, or not cosigned by this witness: it does not count
                }
            }
            guard let newest else { continue }
            if contains(newest) { vouching.append(witness.name) } else { ahead.append("\(witness.name)（大小 \(newest.size)）") }
        }
        var problems: [VerificationProblem] = []
        if !ahead.isEmpty {
            problems.append(VerificationProblem(table: "witness", "见证方副署的最新检查点不在数据库的日志中：" + ahead.joined(separator: "、")
                                                + "。数据库连同本地检查点文件被回滚或改写"))
        }
        if vouching.count < required {
            let names = vouching.isEmpty ? "没有" : vouching.joined(separator: "、")
            problems.append(VerificationProblem(table: "witness", "见证方副署不足：要求至少 \(required) 个见证方副署与数据库一致的检查点，"
                                                + "只有 \(vouching.count) 个（\(names)）"))
        }
        return problems
    }
}
