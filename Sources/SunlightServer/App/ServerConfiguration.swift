import Foundation
import SunlightCore
import SunlightLedger
import SunlightStore

/// 配置 — everything an installation sets, read once at start-up from the environment, with
/// defaults that give the embedded set-up (SQLite under `./sunlight-data`, port 8080).
///
/// This is the one place that reads the environment: ``from(environment:profile:)`` reads
/// every variable in ``variables`` and nothing else does; the store, the log keys, the runtime
/// and the commands get typed values from here. `sunlight --help` prints ``variablesTable``.
public struct ServerConfiguration: Sendable {
    /// `SUNLIGHT_DATA_DIR` — the SQLite file and (later) blobs live here.
    public var dataDirectory: String
    /// `SUNLIGHT_DATABASE_URL` — PostgreSQL when set, else SQLite in the data directory.
    public var store: StoreConfiguration
    /// `SUNLIGHT_HOST`, `SUNLIGHT_PORT`.
    public var hostname: String
    public var port: Int
    /// `SUNLIGHT_BCRYPT_COST` — 4…31; 12 by default (10 for the demo).
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
    /// `SUNLIGHT_IDLE_TIMEOUT_SECONDS` — a connection with no bytes either way for this long is
    /// closed, so a stalled upload ends and its temporary file is removed (60 s by default).
    public var idleTimeout: Int = 60
    /// `SUNLIGHT_SHUTDOWN_GRACE_SECONDS` — how long a stopping server lets requests in flight
    /// finish before it closes their connections (1 s by default).
    public var shutdownGrace: Int = 1
    /// `SUNLIGHT_DATABASE_READ_URL` — a streaming replica of the PostgreSQL primary: the portal
    /// and the public API read from it; every write, logged read and staff page uses the primary.
    public var readReplica: StoreConfiguration?
    /// `SUNLIGHT_LOG_INTEGRATION_MS` — a running server's commits only sequence their log entries;
    /// an integrator looks for waiting entries this often and places them in batches, one signed
    /// checkpoint per batch (100 ms by default; 0 places them in each commit, as command-line
    /// tools always do).
    public var logIntegrationMilliseconds = 100
    /// `SUNLIGHT_BLOB_DIR` — where files are kept (`<data>/blobs` by default).
    public var blobDirectory: String?
    /// The log's origin and signing key; `nil` resolves them from ``ledgerKeys``.
    public var ledger: LedgerSettings?
    /// `SUNLIGHT_LOG_SIGNING_KEY`, `SUNLIGHT_LOG_NAME`, `SUNLIGHT_LOG_ORIGIN` — where the log's key
    /// comes from when ``ledger`` is not given (by default `<data>/log-signing.key`).
    public var ledgerKeys = LedgerKeys.Source()
    /// `SUNLIGHT_WITNESSED_LOGS` — the logs this installation cosigns as a witness (REC-19), each
    /// `<log verifier key> [<origin>]`, separated by commas or newlines.
    public var witnessedLogs: [WitnessedLogKey] = []
    /// `SUNLIGHT_WITNESSES` — the outside witnesses asked to cosign each checkpoint (REC-19), each
    /// `<witness verifier key> <URL prefix>`, separated by commas or newlines.
    public var witnesses: [WitnessEndpoint] = []
    /// `SUNLIGHT_UPSTREAM_URL` — the upper-level platform that receives pushed messages (PUB-10);
    /// without it messages wait in the outbox.
    public var upstreamURL: String?
    /// `SUNLIGHT_UPSTREAM_INTERVAL_SECONDS` — how often the outbox is worked (5 s by default).
    public var upstreamInterval: TimeInterval = 5
    /// `SUNLIGHT_UPSTREAM_RETRY_SECONDS` — the first wait after a failed push; it doubles up to an hour.
    public var upstreamRetry = OutboxRetryPolicy()
    /// `SUNLIGHT_ENV=development` — templates re-read on every request, Vapor's development mode.
    public var development = false
    /// `SUNLIGHT_TODAY` (or `sunlight demo --today`) — the demo's pinned day; `nil` runs on the
    /// machine's date. Read only for the demo and for commands on the demo's SQLite file
    /// (`SUNLIGHT_DATABASE_FILE=demo.sqlite`): a real installation always runs on the real time.
    public var today: CivilDate?
    /// `SUNLIGHT_ADMIN_PASSWORD` — the first administrator's password for `sunlight init`
    /// (else read from standard input).
    public var adminPassword: String?
    /// `USER` — the name the console's actions are logged under (`root` by default).
    public var operatorName = "root"

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

    /// The console actor of a command run by ``operatorName``.
    public var console: SunlightCore.Actor { .console(operatorName) }

    /// The file store.
    public func makeBlobStore() throws -> FileBlobStore {
        try FileBlobStore(root: URL(fileURLWithPath: blobDirectory ?? URL(fileURLWithPath: dataDirectory).appendingPathComponent("blobs").path),
                          maxBytes: maxUploadBytes)
    }

    /// The ledger settings, from the configuration or from ``ledgerKeys`` and the key file.
    public func resolvedLedger() throws -> LedgerSettings {
        var resolved = try ledger ?? LedgerKeys.load(dataDirectory: dataDirectory, ledgerKeys)
        if !witnessedLogs.isEmpty { resolved.witnessedLogs = witnessedLogs }
        return resolved
    }

    /// The clock the use cases run on: the demo's pinned day (from 09:00 Beijing time, then
    /// running), or the machine's clock.
    public func makeClock() -> any SunlightCore.Clock {
        today.map { PinnedClock($0) } ?? SystemClock()
    }

    /// Who reads the configuration: an installation, or the demo (its own database file,
    /// a cheaper Bcrypt cost, and `SUNLIGHT_TODAY`).
    public enum Profile: Sendable { case installation, demo }

    /// Reads the environment; a value that cannot work stops start-up with a Chinese message.
    public static func from(environment env: [String: String] = ProcessInfo.processInfo.environment,
                            profile: Profile = .installation) throws -> ServerConfiguration {
        func text(_ key: String) -> String? { env[key].flatMap(\.nilIfEmpty) }
        func integer(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = text(key) else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError("\(key)=\(text) 无效，应为 \(range.lowerBound)–\(range.upperBound) 之间的整数")
            }
            return value
        }
        func flag(_ key: String) -> Bool { ["1", "true", "yes"].contains(env[key]?.lowercased() ?? "") }
        func url(_ key: String) throws -> String? {
            guard let url = text(key) else { return nil }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw ConfigurationError("\(key) 应以 http:// 或 https:// 开头") }
            return url
        }

        let databaseFile = profile == .demo ? "demo.sqlite" : text("SUNLIGHT_DATABASE_FILE") ?? "sunlight.sqlite"
        guard !databaseFile.contains("/") else { throw ConfigurationError("SUNLIGHT_DATABASE_FILE 只能是文件名，不能含路径") }
        let dataDirectory = text("SUNLIGHT_DATA_DIR") ?? "./sunlight-data"
        var settings = Sunlight.Settings()
        settings.sessionIdleTimeout = TimeInterval(try integer("SUNLIGHT_SESSION_IDLE_MINUTES", 120, 5...1440) * 60)
        settings.dueSoonMargin = try integer("SUNLIGHT_DUE_SOON_WORKING_DAYS", 1, 0...30)
        settings.complaintWorkingDays = try integer("SUNLIGHT_COMPLAINT_WORKING_DAYS", 15, 1...60)
        settings.hearing.personThreshold = try integer("SUNLIGHT_HEARING_PERSON_YUAN", 10_000, 1...10_000_000)
        settings.hearing.organisationThreshold = try integer("SUNLIGHT_HEARING_ORGANISATION_YUAN", 100_000, 1...100_000_000)
        if let kinds = text("SUNLIGHT_HEARING_HEAVIER_KINDS") {
            settings.hearing.heavierKinds = Set(try kinds.split(separator: ",").map { code in
                guard let kind = PenaltyKind(rawValue: code.trimmingCharacters(in: .whitespaces)) else {
                    throw ConfigurationError("SUNLIGHT_HEARING_HEAVIER_KINDS 中的“\(code)”不是处罚种类代码，可选："
                                             + PenaltyKind.allCases.map(\.rawValue).joined(separator: ","))
                }
                return kind
            })
        }
        settings.leadCheckWorkingDays = try integer("SUNLIGHT_LEAD_CHECK_WORKING_DAYS", 15, 1...15)
        var configuration = ServerConfiguration(
            dataDirectory: dataDirectory,
            store: try StoreConfiguration.from(databaseURL: text("SUNLIGHT_DATABASE_URL"), schema: text("SUNLIGHT_DATABASE_SCHEMA"),
                                               dataDirectory: dataDirectory, fileName: databaseFile),
            hostname: text("SUNLIGHT_HOST") ?? "127.0.0.1",
            port: try integer("SUNLIGHT_PORT", 8080, 1...65535),
            bcryptCost: try integer("SUNLIGHT_BCRYPT_COST", profile == .demo ? 10 : 12, 4...31),
            secureCookies: flag("SUNLIGHT_SECURE_COOKIES"),
            trustProxy: flag("SUNLIGHT_TRUST_PROXY"),
            maxBodyBytes: try integer("SUNLIGHT_MAX_BODY_KB", 1024, 16...65536) * 1024,
            settings: settings)
        configuration.maxUploadBytes = UInt64(try integer("SUNLIGHT_MAX_UPLOAD_MB", 4096, 1...1_048_576)) << 20
        configuration.blobDirectory = text("SUNLIGHT_BLOB_DIR")
        configuration.idleTimeout = try integer("SUNLIGHT_IDLE_TIMEOUT_SECONDS", 60, 1...3600)
        configuration.shutdownGrace = try integer("SUNLIGHT_SHUTDOWN_GRACE_SECONDS", 1, 0...60)
        if let replica = text("SUNLIGHT_DATABASE_READ_URL") {
            guard case .postgres = configuration.store, replica.hasPrefix("postgres://") || replica.hasPrefix("postgresql://") else {
                throw ConfigurationError("SUNLIGHT_DATABASE_READ_URL 须为 PostgreSQL 地址，且 SUNLIGHT_DATABASE_URL 也须为 PostgreSQL")
            }
            configuration.readReplica = .postgres(url: replica, schema: text("SUNLIGHT_DATABASE_SCHEMA"))
        }
        configuration.logIntegrationMilliseconds = try integer("SUNLIGHT_LOG_INTEGRATION_MS", 100, 0...5000)
        configuration.ledgerKeys = LedgerKeys.Source(signingKey: text("SUNLIGHT_LOG_SIGNING_KEY"), name: text("SUNLIGHT_LOG_NAME"),
                                                     origin: text("SUNLIGHT_LOG_ORIGIN"))
        configuration.witnessedLogs = try WitnessEndpoint.entries(text("SUNLIGHT_WITNESSED_LOGS") ?? "").map { entry in
            do { return try WitnessedLogKey(entry: entry) } catch { throw ConfigurationError("SUNLIGHT_WITNESSED_LOGS：\(error)") }
        }
        configuration.witnesses = try WitnessEndpoint.entries(text("SUNLIGHT_WITNESSES") ?? "").map { entry in
            do { return try WitnessEndpoint(entry: entry) } catch { throw ConfigurationError("SUNLIGHT_WITNESSES：\(error)") }
        }
        configuration.upstreamURL = try url("SUNLIGHT_UPSTREAM_URL")
        configuration.upstreamInterval = TimeInterval(try integer("SUNLIGHT_UPSTREAM_INTERVAL_SECONDS", 5, 1...3600))
        configuration.upstreamRetry.firstDelay = TimeInterval(try integer("SUNLIGHT_UPSTREAM_RETRY_SECONDS", 10, 1...3600))
        configuration.publicURL = try url("SUNLIGHT_PUBLIC_URL").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        configuration.development = text("SUNLIGHT_ENV") == "development"
        let onDemoDatabase = profile == .demo || (databaseFile == "demo.sqlite" && text("SUNLIGHT_DATABASE_URL") == nil)
        if onDemoDatabase, let today = text("SUNLIGHT_TODAY") {
            configuration.today = try pinnedDay(today, source: "SUNLIGHT_TODAY")
        }
        configuration.adminPassword = env["SUNLIGHT_ADMIN_PASSWORD"]
        configuration.operatorName = text("USER") ?? "root"
        return configuration
    }

    /// A `YYYY-MM-DD` day for the demo's clock, or a refusal naming where it came from.
    public static func pinnedDay(_ text: String, source: String) throws -> CivilDate {
        guard let day = CivilDate(iso: text) else { throw ConfigurationError("\(source)=\(text) 无效，应为 YYYY-MM-DD") }
        return day
    }
}

/// One environment variable the configuration reads: for `sunlight --help` and the README.
public struct ConfigurationVariable: Sendable {
    public let name: String
    public let defaultValue: String
    public let meaning: String
}

extension ServerConfiguration {
    /// Every environment variable ``from(environment:profile:)`` reads, with its default and meaning.
    public static let variables: [ConfigurationVariable] = [
        .init(name: "SUNLIGHT_DATA_DIR", defaultValue: "./sunlight-data", meaning: "数据目录：SQLite 文件、文件仓库、日志签名密钥、最新检查点"),
        .init(name: "SUNLIGHT_DATABASE_URL", defaultValue: "空：SQLite", meaning: "PostgreSQL 地址 postgres://…；不设置则使用数据目录中的 SQLite（WAL）"),
        .init(name: "SUNLIGHT_DATABASE_SCHEMA", defaultValue: "空", meaning: "PostgreSQL 的 schema（所有表建在其中）"),
        .init(name: "SUNLIGHT_DATABASE_READ_URL", defaultValue: "空：不用副本",
              meaning: "PostgreSQL 流复制只读副本的地址：门户和公开 API 从副本读取，写入、留痕的读取和工作人员页面仍用主库"),
        .init(name: "SUNLIGHT_DATABASE_FILE", defaultValue: "sunlight.sqlite", meaning: "数据目录中的 SQLite 文件名（演示环境为 demo.sqlite）"),
        .init(name: "SUNLIGHT_LOG_INTEGRATION_MS", defaultValue: "100",
              meaning: "服务运行时，提交只把日志条目排队；整合程序每隔这么多毫秒把排队的条目批量写入日志树并签一个检查点（0：每次提交时写入）"),
        .init(name: "SUNLIGHT_HOST", defaultValue: "127.0.0.1", meaning: "监听地址"),
        .init(name: "SUNLIGHT_PORT", defaultValue: "8080", meaning: "监听端口"),
        .init(name: "SUNLIGHT_PUBLIC_URL", defaultValue: "http://HOST:PORT", meaning: "公众访问门户的地址（二维码、订阅）"),
        .init(name: "SUNLIGHT_BCRYPT_COST", defaultValue: "12（演示 10）", meaning: "密码散列强度 4–31"),
        .init(name: "SUNLIGHT_SECURE_COOKIES", defaultValue: "0", meaning: "=1：经 HTTPS 提供服务时，Cookie 带 Secure"),
        .init(name: "SUNLIGHT_TRUST_PROXY", defaultValue: "0", meaning: "=1：在一个受信任的反向代理之后运行，客户端地址取 X-Forwarded-For 的最后一跳（由代理写入）"),
        .init(name: "SUNLIGHT_SESSION_IDLE_MINUTES", defaultValue: "120", meaning: "会话无操作多少分钟后失效（5–1440）"),
        .init(name: "SUNLIGHT_DUE_SOON_WORKING_DAYS", defaultValue: "1", meaning: "期限剩余多少个工作日时提示“即将到期”（依据《中华人民共和国民法典》第二百零一条）"),
        .init(name: "SUNLIGHT_COMPLAINT_WORKING_DAYS", defaultValue: "15", meaning: "投诉举报的办理期限，工作日（依据《中华人民共和国行政处罚法》第七十五条第二款）"),
        .init(name: "SUNLIGHT_HEARING_PERSON_YUAN", defaultValue: "10000",
              meaning: "对公民罚款或没收达到此数额（元）属“较大数额”，事先告知须告知听证权利（《中华人民共和国行政处罚法》第六十三条；按本省规定设置）"),
        .init(name: "SUNLIGHT_HEARING_ORGANISATION_YUAN", defaultValue: "100000",
              meaning: "对法人或者其他组织罚款或没收达到此数额（元）属“较大数额”（同上）"),
        .init(name: "SUNLIGHT_HEARING_HEAVIER_KINDS", defaultValue: "空",
              meaning: "本地规定属“其他较重的行政处罚”、须告知听证权利的处罚种类代码，逗号分隔，如 licence_suspension,business_restriction"),
        .init(name: "SUNLIGHT_LEAD_CHECK_WORKING_DAYS", defaultValue: "15", meaning: "案件线索的核查期限，工作日，自收到材料或发现线索之日起（依据《市场监督管理行政处罚程序规定》第十八条）"),
        .init(name: "SUNLIGHT_MAX_BODY_KB", defaultValue: "1024", meaning: "请求体（表单、JSON）上限，KB"),
        .init(name: "SUNLIGHT_MAX_UPLOAD_MB", defaultValue: "4096", meaning: "上传文件上限，MB（依据国办发〔2018〕118号）"),
        .init(name: "SUNLIGHT_BLOB_DIR", defaultValue: "DATA_DIR/blobs", meaning: "文件仓库目录"),
        .init(name: "SUNLIGHT_IDLE_TIMEOUT_SECONDS", defaultValue: "60",
              meaning: "连接在这么多秒内没有任何数据往来即断开（1–3600）；停滞的上传因此结束，未完成的临时文件被删除"),
        .init(name: "SUNLIGHT_SHUTDOWN_GRACE_SECONDS", defaultValue: "1",
              meaning: "停止服务时等待进行中的请求完成的秒数（0–60），之后断开其连接；未完成的上传不留临时文件"),
        .init(name: "SUNLIGHT_LOG_SIGNING_KEY", defaultValue: "读取或新建 DATA_DIR/log-signing.key", meaning: "日志签名私钥（多台服务器共用一个密钥时设置，REC-5）"),
        .init(name: "SUNLIGHT_LOG_NAME", defaultValue: "sunlight-随机", meaning: "新建签名密钥时的名称"),
        .init(name: "SUNLIGHT_LOG_ORIGIN", defaultValue: "密钥名称/log", meaning: "检查点的日志标识（origin）"),
        .init(name: "SUNLIGHT_WITNESSES", defaultValue: "空：不请求外部见证",
              meaning: "外部见证方（上级平台、相邻县、检察院）：每项为“见证验证公钥 地址前缀”，逗号或换行分隔；每个新检查点都请其副署（C2SP tlog-witness）"),
        .init(name: "SUNLIGHT_WITNESSED_LOGS", defaultValue: "空：不为其他日志作见证",
              meaning: "本机为其作见证的日志：每项为“日志验证公钥 [日志标识]”，逗号或换行分隔；日志标识默认为“密钥名称/log”"),
        .init(name: "SUNLIGHT_UPSTREAM_URL", defaultValue: "空：消息留在发件箱", meaning: "上级平台地址，推送公开信息（依据国办发〔2018〕118号）"),
        .init(name: "SUNLIGHT_UPSTREAM_INTERVAL_SECONDS", defaultValue: "5", meaning: "发件箱处理间隔，秒"),
        .init(name: "SUNLIGHT_UPSTREAM_RETRY_SECONDS", defaultValue: "10", meaning: "推送失败后首次重试等待，秒（此后加倍，最长一小时）"),
        .init(name: "SUNLIGHT_ENV", defaultValue: "production", meaning: "=development：开发模式（模板不缓存）"),
        .init(name: "SUNLIGHT_TODAY", defaultValue: "空：本机日期", meaning: "仅演示环境（sunlight demo 及对 demo.sqlite 运行的命令）：把“今天”固定为 YYYY-MM-DD，北京时间 9:00 起走（同 sunlight demo --today）"),
        .init(name: "SUNLIGHT_ADMIN_PASSWORD", defaultValue: "空：从标准输入读取", meaning: "sunlight init 创建的管理员密码"),
        .init(name: "USER", defaultValue: "root", meaning: "命令行操作记入访问日志时的操作人"),
    ]

    /// ``variables`` for `sunlight --help`: the name and default on one line, the meaning indented below.
    public static var variablesTable: String {
        variables.map { "\($0.name)（默认：\($0.defaultValue)）\n    \($0.meaning)" }.joined(separator: "\n")
    }
}
