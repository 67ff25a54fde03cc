import Crypto
import Foundation
import SunlightCore
import SunlightLedger
import ZIPFoundation

/// 案卷压缩包 — writes a case file as a zip (REC-10): text deflated, media stored as they are
/// (already compressed), each evidence file streamed from the file store in pieces, so a
/// case with gigabytes of video never sits in memory. Paths are UTF-8 (ZIP flag 11), so
/// Chinese file names open as such on Windows, macOS and Linux.
public enum CaseFileZip {
    static let chunk = 1 << 20

    /// Writes `package` to `url` (replacing it). `blobFile` finds a stored file by its hash;
    /// `progress` gets bytes written so far and the total.
    public static func write(_ package: CaseFilePackage, to url: URL, blobFile: (LedgerHash) -> URL,
                             progress: (UInt64, UInt64) -> Void = { _, _ in }) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        let total = package.totalBytes
        var written: UInt64 = 0
        func add(_ path: String, bytes: [UInt8]) throws {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
            written += UInt64(bytes.count)
            progress(written, total)
        }
        try add(CaseFileManifest.manifestPath, bytes: package.manifestBytes)
        try add(CaseFileManifest.signaturePath, bytes: Array(package.signature.utf8))
        for item in package.items {
            switch item.content {
            case .bytes(let bytes):
                try add(item.path, bytes: bytes)
            case .blob(let hash, let size):
                let handle = try FileHandle(forReadingFrom: blobFile(hash))
                defer { try? handle.close() }
                try archive.addEntry(with: item.path, type: .file, uncompressedSize: Int64(size), compressionMethod: .none,
                                     bufferSize: chunk) { position, length in
                    try handle.seek(toOffset: UInt64(position))
                    let data = try handle.read(upToCount: length) ?? Data()
                    written += UInt64(data.count)
                    progress(written, total)
                    return data
                }
            }
        }
    }
}

/// A case-file zip opened for verification.
public final class ZipCaseFile: CaseFileArchive {
    let archive: Archive
    let entries: [String: Entry]

    public init(url: URL) throws {
        archive = try Archive(url: url, accessMode: .read)
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file { entries[entry.path] = entry }
        self.entries = entries
    }

    public var paths: [String] { Array(entries.keys) }

    public func read(_ path: String) throws -> [UInt8] {
        guard let entry = entries[path] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        _ = try archive.extract(entry, bufferSize: CaseFileZip.chunk, skipCRC32: true) { bytes.append(contentsOf: $0) }
        return bytes
    }

    public func digest(_ path: String) throws -> (LedgerHash, UInt64) {
        guard let entry = entries[path] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        var hasher = SHA256()
        var size: UInt64 = 0
        _ = try archive.extract(entry, bufferSize: CaseFileZip.chunk, skipCRC32: true) { data in
            hasher.update(data: data)
            size += UInt64(data.count)
        }
        return (LedgerHash(Array(hasher.finalize())), size)
    }
}
