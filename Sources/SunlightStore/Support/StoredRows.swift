import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// 行读取 — the hot reads, at the speed of the database (issue 16 item 3).
///
/// A read runs its SELECT on the database's own driver — SQLiteNIO's connection, which calls
/// back for each row on the thread that steps the statement, or PostgresNIO's, which calls back
/// on the connection's event loop — and decodes each row where it arrives, by position, straight
/// into its Core type. Fluent's models (one object and one Codable decoder per field per row)
/// and SQLite-NIO's per-row hop onto an event loop are what made a case list 25× its SQL.
/// Each table has one ``RowDecoding`` type: its column list, once, and the one function that
/// reads those columns.
protocol RowDecoding: SendableMetatype {
    associatedtype Value: Sendable
    /// The table the columns belong to.
    static var table: String { get }
    /// The columns the decoder reads, in the order it reads them.
    static var columns: [String] { get }
    static func decode(_ row: inout StoredRow) throws -> Value
}

extension RowDecoding {
    /// `SELECT "t"."a", "t"."b", … FROM "t"`, for the caller to go on with WHERE and ORDER BY.
    static var select: SQLQueryString {
        var text = SQLQueryString("SELECT ")
        for (index, column) in columns.enumerated() {
            if index > 0 { text.appendLiteral(", ") }
            text.appendInterpolation(ident: table)
            text.appendLiteral(".")
            text.appendInterpolation(ident: column)
        }
        text.appendLiteral(" FROM ")
        text.appendInterpolation(ident: table)
        return text
    }

    /// Every row the query returns, decoded; `query` must select ``columns`` in order (start from ``select``).
    static func all(_ query: SQLQueryString, on database: any Database) async throws -> [Value] {
        try await StoredRows.all(query, on: database) { row in try Self.decode(&row) }
    }

    static func first(_ query: SQLQueryString, on database: any Database) async throws -> Value? {
        try await all(query + " LIMIT 1", on: database).first
    }

    /// The rows whose `column` is one of `values`, in chunks the databases accept, `order` within each chunk.
    static func all(where column: String, in values: [some Encodable & Sendable], order: SQLQueryString? = nil,
                    on database: any Database) async throws -> [Value] {
        var rows: [Value] = []
        for chunk in values.chunked(500) {
            var query = select + " WHERE \(ident: table).\(ident: column) IN "
            query.appendList(chunk)
            if let order { query += " ORDER BY " + order }
            rows += try await all(query, on: database)
        }
        return rows
    }
}

/// A value type the decoders read: what SQLite returns for it (as Fluent stored it), and
/// PostgreSQL's binary decoding.
protocol StoredValue: PostgresDecodable {
    init?(sqlite: SQLiteData)
}

extension StoredValue where Self: SQLiteDataConvertible {
    init?(sqlite: SQLiteData) { self.init(sqliteData: sqlite) }
}

extension String: StoredValue {}
extension Int: StoredValue {}
extension Bool: StoredValue {}
extension Date: StoredValue {}

extension UUID: StoredValue {
    /// Fluent stores a UUID in SQLite as its text.
    init?(sqlite: SQLiteData) {
        guard case .text(let text) = sqlite else { return nil }
        self.init(storedText: text)
    }
}

extension Optional: StoredValue where Wrapped: StoredValue, Wrapped._DecodableType == Wrapped {
    init?(sqlite: SQLiteData) {
        if case .null = sqlite { self = .none; return }
        guard let value = Wrapped(sqlite: sqlite) else { return nil }
        self = .some(value)
    }
}

/// A column that does not hold what its decoder expects.
struct StoredValueMismatch: Error, CustomStringConvertible {
    let column: Int
    let expected: Any.Type
    var description: String { "第 \(column + 1) 列不是 \(expected) 类型" }
}

/// One row's columns, read in the order they were selected.
struct StoredRow {
    private let sqlite: [SQLiteColumn]
    private var postgres: PostgresRow.Iterator?
    private var index = 0

    fileprivate init(sqlite row: SQLiteRow) { sqlite = row.columns }
    fileprivate init(postgres row: PostgresRow) { sqlite = []; postgres = row.makeIterator() }

    mutating func next<T: StoredValue>(_ type: T.Type = T.self) throws -> T {
        defer { index += 1 }
        if postgres != nil {
            guard let cell = postgres?.next() else { throw StoredValueMismatch(column: index, expected: T.self) }
            return try cell.decode(T.self, context: .default)
        }
        guard index < sqlite.count, let value = T(sqlite: sqlite[index].data) else { throw StoredValueMismatch(column: index, expected: T.self) }
        return value
    }
}

enum StoredRows {
    /// Runs `query` on the driver under `database` (a pool, or the connection of a transaction)
    /// and decodes each row as it arrives.
    static func all<Value: Sendable>(_ query: SQLQueryString, on database: any Database,
                                     decode: @escaping @Sendable (inout StoredRow) throws -> Value) async throws -> [Value] {
        guard let sql = database as? any SQLDatabase else { throw StoreError(description: "数据库不支持 SQL 查询") }
        let (text, binds) = sql.serialize(query)
        database.logger.trace("Executing query", metadata: ["sql": .string(text)])
        if let sqlite = database as? any SQLiteDatabase {
            let encoder = SQLiteDataEncoder()
            let values = try binds.map { try encoder.encode($0) }
            return try await sqlite.withConnection { connection in
                // Filled on the one thread that steps the statement; read after the query returns.
                nonisolated(unsafe) var rows: [Value] = []
                nonisolated(unsafe) var failure: (any Error)?
                try await connection.query(text, values) { row in
                    guard failure == nil else { return }
                    var cursor = StoredRow(sqlite: row)
                    do { rows.append(try decode(&cursor)) } catch { failure = error }
                }
                if let failure { throw failure }
                return rows
            }
        }
        guard let postgres = database as? any PostgresDatabase else { throw StoreError(description: "数据库不支持 SQL 查询") }
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            guard let value = bind as? any PostgresThrowingDynamicTypeEncodable else { throw StoreError(description: "无法绑定 \(type(of: bind))") }
            try bindings.append(value, context: .default)
        }
        let statement = PostgresQuery(unsafeSQL: text, binds: bindings)
        return try await postgres.withConnection { connection in
            // Filled on the connection's event loop, one row after another; read when the query completes.
            nonisolated(unsafe) var rows: [Value] = []
            return connection.query(statement, logger: database.logger) { row in
                var cursor = StoredRow(postgres: row)
                rows.append(try decode(&cursor))
            }.map { _ in rows }
        }.get()
    }
}
