import Foundation
import SunlightCore

/// 见证检查点 — the newest signed checkpoint, kept as a file outside the database. A database
/// rolled back to an earlier state (a restored backup, a truncated log) no longer matches it,
/// and `sunlight verify` says so. Publishing checkpoints to others does the same, further away.
public enum WitnessFile {
    public static let fileName = "latest-checkpoint"

    public static func url(dataDirectory: String) -> URL {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName)
    }

    /// Writes the store's newest checkpoint if it is newer than the one on file.
    public static func update(from store: any Store, dataDirectory: String) async throws {
        guard let latest = try await store.ledger.latestCheckpoint() else { return }
        let url = url(dataDirectory: dataDirectory)
        if let current = read(dataDirectory: dataDirectory), current == latest.note { return }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try Data(latest.note.utf8).write(to: url, options: .atomic)
    }

    public static func read(dataDirectory: String) -> String? {
        FileManager.default.contents(atPath: url(dataDirectory: dataDirectory).path).map { String(decoding: $0, as: UTF8.self) }
    }
}
