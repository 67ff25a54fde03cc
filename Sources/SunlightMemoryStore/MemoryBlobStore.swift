import Crypto
import Foundation
import SunlightCore
import SunlightLedger

/// Files kept in memory, by SHA-256: the blob store of use-case tests that run without a disk
/// or a database (the server and the store tests use the real ``FileBlobStore``).
public final class MemoryBlobStore: BlobStore, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [LedgerHash: [UInt8]] = [:]

    public init() {}

    /// Stores `bytes`, as a finished upload would.
    public func put(_ bytes: [UInt8]) -> BlobReceipt {
        let hash = LedgerHash(Array(SHA256.hash(data: bytes)))
        return lock.withLock {
            let isNew = files[hash] == nil
            files[hash] = bytes
            return BlobReceipt(sha256: hash, size: UInt64(bytes.count), isNew: isNew)
        }
    }

    public func size(of hash: LedgerHash) -> UInt64? { lock.withLock { files[hash].map { UInt64($0.count) } } }

    public func list() throws -> [LedgerHash] { lock.withLock { files.keys.sorted { $0.hex < $1.hex } } }

    public func rehash(_ hash: LedgerHash) throws -> (LedgerHash, UInt64) {
        guard let bytes = lock.withLock({ files[hash] }) else { throw MemoryStoreError(description: "缺少 文件 \(hash.hex)") }
        return (LedgerHash(Array(SHA256.hash(data: bytes))), UInt64(bytes.count))
    }

    public func remove(_ hash: LedgerHash) throws { _ = lock.withLock { files.removeValue(forKey: hash) } }
}
