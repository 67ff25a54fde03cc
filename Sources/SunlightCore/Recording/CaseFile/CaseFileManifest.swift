import Foundation
import SunlightLedger

/// 案卷清单 — what a case file (REC-10) holds: every file with its SHA-256, size, role and
/// retention period, and every logged record of the case with each of its log leaves, the
/// leaf's content and its inclusion proof. The installation signs the manifest's hash, so a
/// changed, missing or added byte anywhere in the package is found offline.
public struct CaseFileManifest: Codable, Sendable, Equatable {
    public static let format = "sunlight-case-file-v1"

    /// What a file in the package is.
    public enum Role: String, Codable, Sendable {
        /// 文书 — a document as printed (A4 HTML).
        case document
        /// 音像及电子证据 — a photo, recording, video or other evidence file.
        case media
        /// 记录内容 — a log leaf's canonical content.
        case record
        /// 包含证明 — a leaf's inclusion proof.
        case proof
        /// 检查点, 公钥, 说明.
        case log
    }

    public struct File: Codable, Sendable, Equatable {
        public let path: String
        public let sha256: String
        public let size: UInt64
        public let role: Role
        public let title: String
        /// 保管期限.
        public let retention: RetentionClass

        public init(path: String, sha256: String, size: UInt64, role: Role, title: String, retention: RetentionClass) {
            self.path = path
            self.sha256 = sha256
            self.size = size
            self.role = role
            self.title = title
            self.retention = retention
        }
    }

    /// One leaf of a record: the change it logged.
    public struct Leaf: Codable, Sendable, Equatable {
        public let index: UInt64
        public let type: String
        public let contentPath: String
        public let proofPath: String

        public init(index: UInt64, type: String, contentPath: String, proofPath: String) {
            self.index = index
            self.type = type
            self.contentPath = contentPath
            self.proofPath = proofPath
        }
    }

    /// A logged record of the case and its whole history in the log.
    public struct Record: Codable, Sendable, Equatable {
        public let table: String
        public let id: String
        public let retention: RetentionClass
        public let leaves: [Leaf]

        public init(table: String, id: String, retention: RetentionClass, leaves: [Leaf]) {
            self.table = table
            self.id = id
            self.retention = retention
            self.leaves = leaves
        }
    }

    public let format: String
    public let caseID: String
    public let caseNumber: String
    public let title: String
    public let organisation: String
    public let category: String
    public let status: String
    /// The case file as a whole is kept as long as its longest-kept record.
    public let retention: RetentionClass
    public let exportedAt: String
    public let exportedBy: String
    /// The log's origin line and the installation's verifier key (name+hash+key).
    public let origin: String
    public let verifierKey: String
    public let treeSize: UInt64
    public let files: [File]
    public let records: [Record]

    public init(caseID: String, caseNumber: String, title: String, organisation: String, category: String, status: String,
                retention: RetentionClass, exportedAt: String, exportedBy: String, origin: String, verifierKey: String, treeSize: UInt64,
                files: [File], records: [Record]) {
        self.format = Self.format
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.title = title
        self.organisation = organisation
        self.category = category
        self.status = status
        self.retention = retention
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.origin = origin
        self.verifierKey = verifierKey
        self.treeSize = treeSize
        self.files = files
        self.records = records
    }

    public static let manifestPath = "manifest.json"
    public static let signaturePath = "manifest.sig"

    /// The manifest as stored: pretty, sorted JSON (readable in any editor).
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// The text the installation signs: the format and the manifest's SHA-256.
    public static func signedText(manifest bytes: [UInt8]) -> String {
        "\(format)\n\(LedgerHash.sha256(bytes).hex)\n"
    }
}

extension RetentionClass: Comparable {
    /// Longer kept is greater.
    public static func < (a: RetentionClass, b: RetentionClass) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .surveillance: 0
        case .short: 1
        case .long: 2
        case .permanent: 3
        }
    }
}
