import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Where the data lives: one SQLite file (the embedded default) or a PostgreSQL server.
public enum StoreConfiguration: Sendable, Equatable {
    /// An SQLite file, opened in WAL mode.
    case sqlite(path: String)
    /// A PostgreSQL server; `schema` confines every table to one schema (tests use one each).
    case postgres(url: String, schema: String?)

    /// A PostgreSQL URL (`SUNLIGHT_DATABASE_URL`, read by the server's configuration) selects
    /// PostgreSQL, in `schema` if given; without one, the SQLite file `<dataDirectory>/<fileName>`.
    public static func from(databaseURL: String?, schema: String? = nil, dataDirectory: String,
                            fileName: String = "sunlight.sqlite") throws -> StoreConfiguration {
        if let url = databaseURL, !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigurationError("SUNLIGHT_DATABASE_URL 应以 postgres:// 开头，实际为：\(url.prefix(20))…")
            }
            return .postgres(url: url, schema: schema)
        }
        return .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName).path)
    }

    /// For people: `SQLite（./sunlight-data/sunlight.sqlite）` or `PostgreSQL（host:port/db）`.
    public var displayName: String {
        switch self {
        case .sqlite(let path): return "SQLite（\(path)）"
        case .postgres(let url, let schema):
            let safe = URL(string: url).map { "\($0.host ?? "?"):\($0.port ?? 5432)\($0.path)" } ?? "?"
            return "PostgreSQL（\(safe)\(schema.map { " schema \($0)" } ?? "")）"
        }
    }

    /// The read replica's database ID (`SUNLIGHT_DATABASE_READ_URL`).
    public static let replicaID = DatabaseID(string: "psql-replica")

    /// Registers a streaming replica of the PostgreSQL primary under ``replicaID``: a hot
    /// standby serves reads only, so nothing but reads may be sent there.
    public func registerReplica(on databases: Databases) throws {
        guard case .postgres(let url, let schema) = self else {
            throw ConfigurationError("只读副本只能是 PostgreSQL（SUNLIGHT_DATABASE_READ_URL 应以 postgres:// 开头）")
        }
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema { configuration.searchPath = [schema] }
        databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace),
                      as: Self.replicaID, isDefault: false)
    }

    /// Registers this database as the default of `databases`.
    public func register(on databases: Databases) throws {
        switch self {
        case .sqlite(let path):
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
        }
    }

    /// Settings that must hold before the first query: WAL for SQLite, the schema for PostgreSQL.
    public func prepare(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch self {
        case .sqlite:
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        case .postgres(_, let schema?):
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        case .postgres:
            break
        }
    }
}

/// A configuration that cannot work, reported at start-up.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
