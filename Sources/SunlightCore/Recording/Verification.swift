import Foundation
import SunlightLedger

/// 校验问题 — one thing found wrong, located: the table, the record, the leaf.
public struct VerificationProblem: Sendable, Equatable, CustomStringConvertible {
    public let table: String
    public let recordID: String?
    public let leafIndex: UInt64?
    public let message: String

    public init(table: String, recordID: String? = nil, leafIndex: UInt64? = nil, _ message: String) {
        self.table = table
        self.recordID = recordID
        self.leafIndex = leafIndex
        self.message = message
    }

    public var description: String {
        var location = "表 \(table)"
        if let recordID { location += " 记录 \(recordID)" }
        if let leafIndex { location += " 叶子 #\(leafIndex)" }
        return "\(location)：\(message)"
    }
}

/// 校验报告 — what `sunlight verify` found.
public struct VerificationReport: Sendable {
    public var leaves: UInt64 = 0
    public var subtrees: UInt64 = 0
    public var checkpoints: UInt64 = 0
    public var consistencyProofs: UInt64 = 0
    public var records: [String: Int] = [:]
    public var blobs: Int = 0
    public var bytesHashed: UInt64 = 0
    public var root: LedgerHash = RFC6962.emptyRoot
    /// Entries that were committed but still waited for the integrator, placed before checking.
    public var integratedBeforeCheck = 0
    /// The case-clock summaries had never been built, and were built from the records first.
    public var readModelsBuiltBeforeCheck = false
    public var problems: [VerificationProblem] = []

    public var isClean: Bool { problems.isEmpty }
    public var firstProblem: VerificationProblem? { problems.first }

    mutating func report(_ problem: VerificationProblem) {
        if problems.count < 200 { problems.append(problem) }
    }
}

/// Where a verification is: shown by the CLI as it goes.
public struct VerificationProgress: Sendable {
    public let phase: String
    public let done: UInt64
    public let total: UInt64
}
