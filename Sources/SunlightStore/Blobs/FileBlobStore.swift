import Crypto
import Foundation
import SunlightCore
import SunlightLedger
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, named apart from the upload's own `write` (Linux and macOS).
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}

/// 文件仓库 — documents, photos, audio and video on the file system, addressed by their
/// SHA-256 (REC-4): `<root>/sha256/ab/abcdef…`. An upload streams into a temporary file while
/// its hash is computed, is flushed to disk, then renamed into place in one step; identical
/// content is stored once. A file never passes through memory whole.
public final class FileBlobStore: BlobStore, @unchecked Sendable {
    public let root: URL
    /// Largest accepted file, in bytes.
    public let maxBytes: UInt64
    /// The temporary files of uploads begun here and not yet finished or aborted.
    private let unfinished = LockedFiles()

    public init(root: URL, maxBytes: UInt64) throws {
        self.root = root
        self.maxBytes = maxBytes
        try FileManager.default.createDirectory(at: temporaryDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sha256"), withIntermediateDirectories: true)
    }

    var temporaryDirectory: URL { root.appendingPathComponent("tmp") }

    /// Removes temporary files left by uploads that a crash interrupted.
    public func removeAbandonedUploads() {
        for file in (try? FileManager.default.contentsOfDirectory(at: temporaryDirectory, includingPropertiesForKeys: nil)) ?? [] {
            try? FileManager.default.removeItem(at: file)
        }
    }

    public func path(of hash: LedgerHash) -> URL {
        let hex = hash.hex
        return root.appendingPathComponent("sha256").appendingPathComponent(String(hex.prefix(2))).appendingPathComponent(hex)
    }

    /// Starts an upload into a new temporary file.
    public func beginUpload() throws -> BlobUpload {
        let upload = try BlobUpload(store: self, temporary: temporaryDirectory.appendingPathComponent(UUID().uuidString))
        unfinished.withLock { _ = $0.insert(upload.temporary) }
        return upload
    }

    /// Removes the temporary files of this process's uploads still in flight: a server that
    /// stops mid-upload leaves nothing behind, and other servers' uploads are untouched.
    public func removeUnfinishedUploads() {
        for file in unfinished.withLock({ files in defer { files.removeAll() }; return files }) {
            unlink(file.path)
        }
    }

    func finished(_ temporary: URL) {
        unfinished.withLock { _ = $0.remove(temporary) }
    }

    public func size(of hash: LedgerHash) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path(of: hash).path)[.size] as? NSNumber)?.uint64Value
    }

    public func remove(_ hash: LedgerHash) throws {
        try FileManager.default.removeItem(at: path(of: hash))
    }

    public func list() throws -> [LedgerHash] {
        let base = root.appendingPathComponent("sha256")
        var hashes: [LedgerHash] = []
        for directory in try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() {
            for name in try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(directory).path).sorted() {
                guard let hash = LedgerHash(hex: name), name.hasPrefix(directory) else {
                    throw BlobError.stray(base.appendingPathComponent(directory).appendingPathComponent(name).path)
                }
                hashes.append(hash)
            }
        }
        return hashes
    }

    public func rehash(_ hash: LedgerHash) throws -> (LedgerHash, UInt64) {
        let descriptor = open(path(of: hash).path, O_RDONLY)
        guard descriptor >= 0 else { throw BlobError.missing(hash) }
        defer { close(descriptor) }
        var hasher = SHA256()
        var total: UInt64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            guard count >= 0 else { throw BlobError.io("读取 \(hash.hex) 失败") }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            total += UInt64(count)
        }
        return (LedgerHash(Array(hasher.finalize())), total)
    }

    /// Opens a stored file for reading, or throws if it is not there.
    public func openForReading(_ hash: LedgerHash) throws -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path(of: hash).path) else { throw BlobError.missing(hash) }
        return handle
    }
}

/// 上传 — one file on its way in: bytes are hashed and written as they arrive.
public final class BlobUpload: @unchecked Sendable {
    let store: FileBlobStore
    let temporary: URL
    private var descriptor: Int32
    private var hasher = SHA256()
    public private(set) var size: UInt64 = 0
    private var done = false

    init(store: FileBlobStore, temporary: URL) throws {
        self.store = store
        self.temporary = temporary
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw BlobError.io("无法创建临时文件") }
    }

    /// Appends bytes; refuses once the upload passes the size limit (and removes it).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try append(bytes)
        hash(bytes)
    }

    /// The hashing half of ``write(_:)``. With ``append(_:)`` it may run on another thread at
    /// the same time, each half called with the same buffers in the same order.
    public func hash(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The writing half of ``write(_:)``: counts the bytes against the limit and appends them
    /// to the temporary file.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard !done else { throw BlobError.io("上传已结束") }
        size += UInt64(bytes.count)
        guard size <= store.maxBytes else {
            abort()
            throw BlobError.tooLarge(limit: store.maxBytes)
        }
        var offset = 0
        while offset < bytes.count {
            let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else {
                abort()
                throw BlobError.io("写入临时文件失败（磁盘已满？）")
            }
            offset += written
        }
    }

    /// Flushes what was written so far to disk, so that ``finish()`` waits only for the rest.
    /// Runs beside ``write(_:)`` (never beside ``finish()`` or ``abort()``); a failure here is
    /// found again by the `fsync` in ``finish()``, which is the one that counts.
    public func startWriteBack() {
        #if canImport(Glibc)
        _ = fdatasync(descriptor)
        #else
        _ = fsync(descriptor)
        #endif
    }

    /// Flushes the file to disk and moves it to its content address in one rename.
    public func finish() throws -> BlobReceipt {
        guard !done else { throw BlobError.io("上传已结束") }
        done = true
        defer { store.finished(temporary) }
        let hash = LedgerHash(Array(hasher.finalize()))
        guard fsync(descriptor) == 0 else {
            close(descriptor)
            try? FileManager.default.removeItem(at: temporary)
            throw BlobError.io("写入磁盘失败")
        }
        close(descriptor)
        let target = store.path(of: hash)
        if FileManager.default.fileExists(atPath: target.path) {
            try? FileManager.default.removeItem(at: temporary)
            return BlobReceipt(sha256: hash, size: size, isNew: false)
        }
        let directory = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw BlobError.io("无法移入文件仓库")
        }
        let directoryDescriptor = open(directory.path, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return BlobReceipt(sha256: hash, size: size, isNew: true)
    }

    /// Discards the upload: nothing is left behind.
    public func abort() {
        guard !done else { return }
        done = true
        close(descriptor)
        try? FileManager.default.removeItem(at: temporary)
        store.finished(temporary)
    }

    deinit { abort() }
}

/// Why a file could not be stored or found.
public enum BlobError: Error, CustomStringConvertible {
    case tooLarge(limit: UInt64)
    case missing(LedgerHash)
    case stray(String)
    case io(String)

    public var description: String {
        switch self {
        case .tooLarge(let limit): "文件超过大小上限（\(ByteCounts.text(limit))）"
        case .missing(let hash): "文件仓库中缺少文件 \(hash.hex)"
        case .stray(let path): "文件仓库中有不明文件：\(path)"
        case .io(let why): why
        }
    }
}

/// A set of file URLs behind a lock (uploads begin and end on any thread).
private final class LockedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files = Set<URL>()

    func withLock<T>(_ body: (inout Set<URL>) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&files)
    }
}
