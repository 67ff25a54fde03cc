/// 检查点 — a tree head in the C2SP tlog-checkpoint format: the log's origin, its size and
/// its root hash, one per line, then any extension lines. Signed as a C2SP signed note, it
/// is what the installation publishes and pushes to others.
public struct Checkpoint: Hashable, Sendable {
    /// 日志标识 — a unique name for this log, e.g. `yuanmou.sunlight.example/log`.
    public let origin: String
    public let size: UInt64
    public let root: LedgerHash
    public let extensions: [String]

    public init(origin: String, size: UInt64, root: LedgerHash, extensions: [String] = []) {
        self.origin = origin
        self.size = size
        self.root = root
        self.extensions = extensions
    }

    /// The note text that is signed.
    public var text: String {
        ([origin, String(size), root.base64] + extensions).joined(separator: "\n") + "\n"
    }

    /// Parses a checkpoint's text (unsigned).
    public init(text: String) throws {
        guard text.hasSuffix("\n") else { throw LedgerError.malformedCheckpoint("正文必须以换行结束") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, !lines[0].isEmpty else { throw LedgerError.malformedCheckpoint("至少需要 标识、大小、根哈希 三行") }
        guard let size = UInt64(lines[1]), String(size) == lines[1] else { throw LedgerError.malformedCheckpoint("大小应为十进制整数：\(lines[1])") }
        guard let root = LedgerHash(base64: lines[2]) else { throw LedgerError.malformedCheckpoint("根哈希应为 32 字节的 base64") }
        guard lines.dropFirst(3).allSatisfy({ !$0.isEmpty }) else { throw LedgerError.malformedCheckpoint("扩展行不能为空") }
        self.init(origin: lines[0], size: size, root: root, extensions: Array(lines.dropFirst(3)))
    }

    /// Signs this checkpoint.
    public func signed(by signer: NoteSigner) throws -> String { try signer.sign(text) }

    /// Verifies a signed checkpoint with `verifier` and returns it; the origin must match.
    public static func open(_ note: String, verifier: NoteVerifier, origin: String? = nil) throws -> Checkpoint {
        let checkpoint = try Checkpoint(text: try verifier.open(note))
        if let origin, checkpoint.origin != origin {
            throw LedgerError.malformedCheckpoint("日志标识不符：\(checkpoint.origin)，应为 \(origin)")
        }
        return checkpoint
    }
}
