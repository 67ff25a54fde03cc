import SunlightLedger

/// 文件仓库 — where documents, photos, audio and video are kept, by SHA-256 (REC-4).
public protocol BlobStore: Sendable {
    func size(of hash: LedgerHash) -> UInt64?
    /// Every stored file, by hash.
    func list() throws -> [LedgerHash]
    /// Reads a stored file through and returns its actual hash and size.
    func rehash(_ hash: LedgerHash) throws -> (LedgerHash, UInt64)
    /// Removes a file — only to undo one stored for a record that was then refused.
    func remove(_ hash: LedgerHash) throws
}

/// A file safely stored: its hash, its size, and whether it was new.
public struct BlobReceipt: Sendable, Equatable {
    public let sha256: LedgerHash
    public let size: UInt64
    public let isNew: Bool
    /// The bytes came with the request that records them. A receipt ``named(_:size:)`` by its
    /// hash alone is only a claim, which the use case checks (issue 15 item 1).
    public let inHand: Bool

    public init(sha256: LedgerHash, size: UInt64, isNew: Bool) {
        self.sha256 = sha256
        self.size = size
        self.isNew = isNew
        self.inHand = true
    }

    private init(named sha256: LedgerHash, size: UInt64) {
        self.sha256 = sha256
        self.size = size
        self.isNew = false
        self.inHand = false
    }

    /// A file named by its hash (uploaded earlier, e.g. `POST /api/v1/blobs`), not in hand.
    public static func named(_ sha256: LedgerHash, size: UInt64) -> BlobReceipt { BlobReceipt(named: sha256, size: size) }
}
