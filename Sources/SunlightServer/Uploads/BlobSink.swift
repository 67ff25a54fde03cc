import NIOCore
import NIOPosix
import SunlightCore
import SunlightStore

/// Streams a request body into the blob store at the speed of the hash (issue 16 item 6):
/// chunks are gathered into 4 MiB buffers, and each full buffer is hashed on one pool thread
/// and written on another at the same time, while the next one fills — two buffers per upload, so memory stays flat however
/// large the file. Every 32 MiB the written part is flushed to disk in the background, so the
/// final `fsync` waits only for the tail. Any failure — a client that goes away, a file over
/// the limit, a full disk — removes the temporary file (``abort()``).
struct BlobSink {
    let upload: BlobUpload
    let metrics: RequestMetrics
    private var pending: ByteBuffer
    /// The previous buffer being written; it comes back for reuse.
    private var writing: Task<ByteBuffer, any Error>?
    /// The previous buffer being hashed.
    private var hashing: Task<Void, any Error>?
    /// A background flush of what was written so far.
    private var syncing: Task<Void, any Error>?
    private var writtenSinceSync = 0
    static let bufferSize = 4 << 20
    static let syncInterval = 32 << 20

    init(store: FileBlobStore, metrics: RequestMetrics) throws {
        upload = try store.beginUpload()
        self.metrics = metrics
        pending = ByteBufferAllocator().buffer(capacity: Self.bufferSize)
    }

    mutating func append(_ chunk: inout ByteBuffer) async throws {
        pending.writeBuffer(&chunk)
        if pending.readableBytes >= Self.bufferSize { try await flush() }
    }

    /// Hands the gathered bytes to the thread pool once the previous buffer is written, and
    /// goes on gathering into that one.
    private mutating func flush() async throws {
        guard pending.readableBytes > 0 else { return }
        let data = pending
        try await hashing?.value
        let previous = try await writing?.value
        hashing = nil
        writing = nil  // the finished tasks let go of the buffer, so it is reused, not copied
        pending = previous ?? ByteBufferAllocator().buffer(capacity: Self.bufferSize)
        pending.clear()
        metrics.addUploadBytes(data.readableBytes)
        let upload = upload
        hashing = Task {
            try await NIOThreadPool.singleton.runIfActive { data.withUnsafeReadableBytes { upload.hash($0) } }
        }
        writing = Task {
            try await NIOThreadPool.singleton.runIfActive {
                try data.withUnsafeReadableBytes { try upload.append($0) }
                return data
            }
        }
        writtenSinceSync += data.readableBytes
        if writtenSinceSync >= Self.syncInterval {
            writtenSinceSync = 0
            try await syncing?.value
            syncing = Task { try await NIOThreadPool.singleton.runIfActive { upload.startWriteBack() } }
        }
    }

    mutating func finish() async throws -> BlobReceipt {
        try await flush()
        try await hashing?.value
        _ = try await writing?.value
        try await syncing?.value
        hashing = nil
        writing = nil
        syncing = nil
        let upload = upload
        return try await NIOThreadPool.singleton.runIfActive { try upload.finish() }
    }

    /// Waits for the work in flight, then removes the temporary file.
    func abort() async {
        _ = await hashing?.result
        _ = await writing?.result
        _ = await syncing?.result
        upload.abort()
    }
}
