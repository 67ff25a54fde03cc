import SunlightCore
import SunlightStore
import Vapor

extension Application {
    private struct SunlightKey: StorageKey { typealias Value = Sunlight }
    private struct ConfigurationKey: StorageKey { typealias Value = ServerConfiguration }
    private struct BlobStoreKey: StorageKey { typealias Value = FileBlobStore }
    private struct WitnessKeeperKey: StorageKey { typealias Value = WitnessKeeper }
    private struct PublicSunlightKey: StorageKey { typealias Value = Sunlight }

    /// The use cases reading from the streaming replica (`SUNLIGHT_DATABASE_READ_URL`), for
    /// the portal and the public API; `nil` without a replica.
    var publicSunlight: Sunlight? {
        get { storage[PublicSunlightKey.self] }
        set { storage[PublicSunlightKey.self] = newValue }
    }

    /// Keeps the local checkpoint file and asks the outside witnesses (REC-19).
    var witnessKeeper: WitnessKeeper? {
        get { storage[WitnessKeeperKey.self] }
        set { storage[WitnessKeeperKey.self] = newValue }
    }

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
    /// The use cases for this request: from the replica for the portal's and the public API's
    /// reads (GET and HEAD outside `/staff` and outside the authenticated API), else the primary.
    var sunlight: Sunlight {
        if let replica = application.publicSunlight, Self.readsFromReplica(method: method, path: url.path) { return replica }
        return application.sunlight
    }

    /// Public reads only: a staff page or an API call with a token may show what its own
    /// request just wrote, which a replica may not have yet.
    static func readsFromReplica(method: HTTPMethod, path: String) -> Bool {
        guard method == .GET || method == .HEAD else { return false }
        if path.hasPrefix("/staff") { return false }
        if path.hasPrefix("/api/") { return path.hasPrefix("/api/v1/public/") || path.hasPrefix("/api/v1/log/") }
        return true
    }

    /// The client's address: the socket peer, or behind the trusted proxy the address it saw.
    var clientAddress: String? {
        ClientAddress.resolve(forwarded: headers["X-Forwarded-For"], peer: remoteAddress?.ipAddress,
                              trustProxy: application.sunlightConfiguration.trustProxy)
    }
}

/// 客户端地址 — whom a request comes from, for the access log and the login back-off (REC-11).
enum ClientAddress {
    /// Behind one trusted reverse proxy the client is the **last** `X-Forwarded-For` hop — the
    /// one the proxy appended; everything to its left was written by the client and can be
    /// anything, so trusting it would let a caller rotate addresses past the login back-off
    /// (issue 15 item 12). Without a trusted proxy the socket peer is the client.
    static func resolve(forwarded: [String], peer: String?, trustProxy: Bool) -> String? {
        guard trustProxy else { return peer }
        let hops = forwarded.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last ?? peer
    }
}
