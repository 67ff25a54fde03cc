import Foundation
import SunlightCore
import SunlightStore

/// 配置 — everything an installation sets, read once at start-up from the environment, with
/// defaults that give the embedded set-up (SQLite under `./sunlight-data`, port 8080).
public struct ServerConfiguration: Sendable {
    /// `SUNLIGHT_DATA_DIR` — the SQLite file and (later) blobs live here.
    public var dataDirectory: String
    /// `SUNLIGHT_DATABASE_URL` — PostgreSQL when set, else SQLite in the data directory.
    public var store: StoreConfiguration
    /// `SUNLIGHT_HOST`, `SUNLIGHT_PORT`.
    public var hostname: String
    public var port: Int
    /// `SUNLIGHT_BCRYPT_COST` — 4…31; 12 by default.
    public var bcryptCost: Int
    /// `SUNLIGHT_SECURE_COOKIES=1` when served over HTTPS (behind a proxy), so cookies are `Secure`.
    public var secureCookies: Bool
    /// `SUNLIGHT_TRUST_PROXY=1` to take the client address from `X-Forwarded-For`.
    public var trustProxy: Bool
    /// Largest request body accepted (JSON, forms), in bytes.
    public var maxBodyBytes: Int
    public var settings: Sunlight.Settings
    /// `SUNLIGHT_PUBLIC_URL` — the address the public reaches the portal at (QR codes, feeds);
    /// `http://<host>:<port>` by default.
    public var publicURL: String?
    /// `SUNLIGHT_MAX_UPLOAD_MB` — the largest file accepted (4 GiB by default).
    public var maxUploadBytes: UInt64 = 4 << 30
    /// `SUNLIGHT_BLOB_DIR` — where files are kept (`<data>/blobs` by default).
    public var blobDirectory: String?
    /// The log's origin and signing key; `nil` reads or creates `<data>/log-signing.key`.
    public var ledger: LedgerSettings?
    /// `SUNLIGHT_UPSTREAM_URL` — the upper-level platform that receives pushed messages (PUB-10);
    /// without it messages wait in the outbox.
    public var upstreamURL: String?
    /// `SUNLIGHT_UPSTREAM_INTERVAL_SECONDS` — how often the outbox is worked (5 s by default).
    public var upstreamInterval: TimeInterval = 5
    /// `SUNLIGHT_UPSTREAM_RETRY_SECONDS` — the first wait after a failed push; it doubles up to an hour.
    public var upstreamRetry = OutboxRetryPolicy()

    public init(dataDirectory: String = "./sunlight-data", store: StoreConfiguration? = nil, hostname: String = "127.0.0.1",
                port: Int = 8080, bcryptCost: Int = 12, secureCookies: Bool = false, trustProxy: Bool = false,
                maxBodyBytes: Int = 1 << 20, settings: Sunlight.Settings = Sunlight.Settings(), ledger: LedgerSettings? = nil) {
        self.dataDirectory = dataDirectory
        self.store = store ?? .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("sunlight.sqlite").path)
        self.hostname = hostname
        self.port = port
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.trustProxy = trustProxy
        self.maxBodyBytes = maxBodyBytes
        self.settings = settings
        self.ledger = ledger
    }

    /// The portal's address, without a trailing slash.
    public var portalURL: String { publicURL ?? "http://\(hostname):\(port)" }

    /// The file store.
    public func makeBlobStore() throws -> FileBlobStore {
        try FileBlobStore(root: URL(fileURLWithPath: blobDirectory ?? URL(fileURLWithPath: dataDirectory).appendingPathComponent("blobs").path),
                          maxBytes: maxUploadBytes)
    }

    /// The ledger settings, from the configuration or the environment and key file.
    public func resolvedLedger() throws -> LedgerSettings {
        try ledger ?? LedgerKeys.load(dataDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment)
    }

    /// Reads the environment; a value that cannot work stops start-up with a Chinese message.
    /// `SUNLIGHT_DATABASE_FILE` names the SQLite file in the data directory (`demo.sqlite` for the demo).
    public static func from(environment env: [String: String] = ProcessInfo.processInfo.environment,
                            databaseFile: String? = nil) throws -> ServerConfiguration {
        let databaseFile = databaseFile ?? env["SUNLIGHT_DATABASE_FILE"].flatMap(\.nilIfEmpty) ?? "sunlight.sqlite"
        guard !databaseFile.contains("/") else { throw ConfigurationError("SUNLIGHT_DATABASE_FILE 只能是文件名，不能含路径") }
        let dataDirectory = env["SUNLIGHT_DATA_DIR"].flatMap(\.nilIfEmpty) ?? "./sunlight-data"
        func integer(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = env[key], !text.isEmpty else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError("\(key)=\(text) 无效，应为 \(range.lowerBound)–\(range.upperBound) 之间的整数")
            }
            return value
        }
        func flag(_ key: String) -> Bool { ["1", "true", "yes"].contains(env[key]?.lowercased() ?? "") }
        var settings = Sunlight.Settings()
        settings.sessionIdleTimeout = TimeInterval(try integer("SUNLIGHT_SESSION_IDLE_MINUTES", 120, 5...1440) * 60)
        settings.dueSoonMargin = try integer("SUNLIGHT_DUE_SOON_WORKING_DAYS", 1, 0...30)
        settings.complaintWorkingDays = try integer("SUNLIGHT_COMPLAINT_WORKING_DAYS", 15, 1...60)
        var configuration = ServerConfiguration(
            dataDirectory: dataDirectory,
            store: try StoreConfiguration.from(environment: env, dataDirectory: dataDirectory, fileName: databaseFile),
            hostname: env["SUNLIGHT_HOST"].flatMap(\.nilIfEmpty) ?? "127.0.0.1",
            port: try integer("SUNLIGHT_PORT", 8080, 1...65535),
            bcryptCost: try integer("SUNLIGHT_BCRYPT_COST", 12, 4...31),
            secureCookies: flag("SUNLIGHT_SECURE_COOKIES"),
            trustProxy: flag("SUNLIGHT_TRUST_PROXY"),
            maxBodyBytes: try integer("SUNLIGHT_MAX_BODY_KB", 1024, 16...65536) * 1024,
            settings: settings)
        configuration.maxUploadBytes = UInt64(try integer("SUNLIGHT_MAX_UPLOAD_MB", 4096, 1...1_048_576)) << 20
        configuration.blobDirectory = env["SUNLIGHT_BLOB_DIR"].flatMap(\.nilIfEmpty)
        if let url = env["SUNLIGHT_UPSTREAM_URL"].flatMap(\.nilIfEmpty) {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw ConfigurationError("SUNLIGHT_UPSTREAM_URL 应以 http:// 或 https:// 开头") }
            configuration.upstreamURL = url
        }
        configuration.upstreamInterval = TimeInterval(try integer("SUNLIGHT_UPSTREAM_INTERVAL_SECONDS", 5, 1...3600))
        configuration.upstreamRetry.firstDelay = TimeInterval(try integer("SUNLIGHT_UPSTREAM_RETRY_SECONDS", 10, 1...3600))
        if let url = env["SUNLIGHT_PUBLIC_URL"].flatMap(\.nilIfEmpty) {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw ConfigurationError("SUNLIGHT_PUBLIC_URL 应以 http:// 或 https:// 开头") }
            configuration.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        return configuration
    }
}
