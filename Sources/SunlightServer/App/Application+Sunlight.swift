import SunlightCore
import SunlightStore
import Vapor

extension Application {
    private struct SunlightKey: StorageKey { typealias Value = Sunlight }
    private struct ConfigurationKey: StorageKey { typealias Value = ServerConfiguration }
    private struct BlobStoreKey: StorageKey { typealias Value = FileBlobStore }

    /// Where uploads are streamed to.
    public var blobStore: FileBlobStore {
        get { storage[BlobStoreKey.self]! }
        set { storage[BlobStoreKey.self] = newValue }
    }

    /// The use cases of this installation.
    public var sunlight: Sunlight {
        get {
            guard let value = storage[SunlightKey.self] else { fatalError("Sunlight 未配置：先调用 configureSunlight") }
            return value
        }
        set { storage[SunlightKey.self] = newValue }
    }

    /// The configuration the application was started with.
    public var sunlightConfiguration: ServerConfiguration {
        get { storage[ConfigurationKey.self]! }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

extension Request {
    var sunlight: Sunlight { application.sunlight }

    /// The client's address: the socket peer, or the first `X-Forwarded-For` hop behind a trusted proxy.
    var clientAddress: String? {
        if application.sunlightConfiguration.trustProxy,
           let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress
    }
}
