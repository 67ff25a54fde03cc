import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightStore

/// The store's overhead over its database (issue 16 item 3): one bureau's running cases (and
/// their events and documents) read, in the same run, (a) by the database's own client — the
/// `sqlite3` module of python3, or `psql` — with the same SQL, (b) through SQLiteNIO/PostgresNIO
/// as raw rows, (c) through SQLKit, decoding each column by name, and (d) through the store.
/// Prints medians and the ratio of each against (a).
func storeOverhead(postgres: String?, running: Int, rounds: Int) async throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("bench.sqlite").path
    let schema = "bench_store_\(UInt32.random(in: 0...UInt32.max))"
    let configuration: StoreConfiguration = postgres.map { .postgres(url: $0, schema: schema) } ?? .sqlite(path: path)
    let host = try StoreHost(configuration)
    try await host.migrate()
    let store = host.store
    let bureau = try await storeBenchData(store, running: running)
    let sql = host.database as! any SQLDatabase

    // The same statement for every layer: what the store's case list asks.
    let casesQuery: SQLQueryString = """
        SELECT * FROM \(ident: "cases") WHERE \(ident: "organisation_id") IN (\(bind: bureau.id)) \
        AND \(ident: "status") IN (\(bind: "open"), \(bind: "suspended")) ORDER BY \(ident: "opened_at") DESC, \(ident: "id") LIMIT \(bind: 100_000)
        """
    let (text, binds) = sql.serialize(casesQuery)
    let kind = postgres == nil ? "SQLite" : "PostgreSQL"
    var figures: [(String, Double)] = []
    var rowCount = 0

    if let postgres {
        figures.append(("(a) psql, the same SQL (prepared, EXECUTE)", try psqlMedian(url: postgres, schema: schema, sql: text, binds: binds, rounds: rounds)))
        let pg = host.database as! any PostgresDatabase
        figures.append(("(b) PostgresNIO raw rows", try await median(rounds) {
            var bindings = PostgresBindings()
            for bind in binds { try appendPostgres(bind, to: &bindings) }
            let query = PostgresQuery(unsafeSQL: text, binds: bindings)
            rowCount = try await pg.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    var count = 0
                    for try await row in try await connection.query(query, logger: connection.logger) {
                        count += 1
                        for cell in row where cell.bytes == nil { count += 0 }
                    }
                    return count
                }
            }.get()
        }))
    } else {
        figures.append(("(a) python3 sqlite3 fetchall, the same SQL", try pythonMedian(path: path, sql: text, binds: binds, rounds: rounds)))
        let encoder = SQLiteDataEncoder()
        let encoded = try binds.map { try encoder.encode($0) }
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        figures.append(("(b) SQLiteNIO raw rows", try await median(rounds) {
            let rows = try await connection.query(text, encoded)
            rowCount = rows.count
        }))
        try await connection.close()
    }
    figures.append(("(c) SQLKit rows decoded by column name", try await median(rounds) {
        let rows = try await sql.raw(casesQuery).all()
        var decoded: [EnforcementCase] = []
        for row in rows { decoded.append(try decodeCaseBySQLKit(row)) }
        rowCount = decoded.count
    }))
    figures.append(("(d) store cases.list(filter: .running)", try await median(rounds) {
        rowCount = try await store.cases.list(organisations: [bureau.id], filter: .running, limit: 100_000).count
    }))
    figures.append(("(d) store cases.matching(filter: .running)", try await median(rounds) {
        rowCount = try await store.cases.matching(organisations: [bureau.id], filter: .running).count
    }))
    let baseline = figures[0].1
    print("store \(kind): \(rowCount) running cases of one bureau; median of \(rounds)")
    for (name, time) in figures {
        print(String(format: "  %@ %8.1f ms   %5.2f× (a)", name.padding(toLength: 48, withPad: " ", startingAt: 0), time * 1000, time / baseline))
    }

    // The other reads the pages use, each against its own SQL in the database's client.
    let ids = try await store.cases.matching(organisations: [bureau.id], filter: .running).map(\.id)
    let idList = ids.prefix(500)
    var others: [(String, SQLQueryString, () async throws -> Void)] = []
    var eventsQuery: SQLQueryString = "SELECT * FROM \(ident: "case_events") WHERE \(ident: "case_id") IN "
    eventsQuery += list(Array(idList))
    eventsQuery += " ORDER BY \(ident: "seq")"
    others.append(("events of 500 cases", eventsQuery, { _ = try await store.cases.events(ofCases: Array(idList)) }))
    var documentsQuery: SQLQueryString = "SELECT * FROM \(ident: "case_documents") WHERE \(ident: "case_id") IN "
    documentsQuery += list(Array(idList))
    documentsQuery += " ORDER BY \(ident: "drafted_at")"
    others.append(("documents of 500 cases", documentsQuery, { _ = try await store.caseRecords.documents(ofCases: Array(idList)) }))
    var findQuery: SQLQueryString = "SELECT * FROM \(ident: "cases") WHERE \(ident: "id") IN "
    findQuery += list(Array(idList))
    others.append(("find 500 cases by id", findQuery, { _ = try await store.cases.find(ids: Array(idList)) }))
    let one = ids[ids.count / 2]
    others.append(("events of one case", "SELECT * FROM \(ident: "case_events") WHERE \(ident: "case_id") = \(bind: one) ORDER BY \(ident: "seq")",
                   { _ = try await store.cases.events(of: one) }))
    for (name, query, read) in others {
        let (text, binds) = sql.serialize(query)
        let raw = postgres.map { try? psqlMedian(url: $0, schema: schema, sql: text, binds: binds, rounds: rounds) }
            ?? (try? pythonMedian(path: path, sql: text, binds: binds, rounds: rounds))
        let ours = try await median(rounds, read)
        print(String(format: "  %@ %8.1f ms   %5.2f× its SQL in %@ (%.2f ms)", "store \(name)".padding(toLength: 48, withPad: " ", startingAt: 0), ours * 1000,
                     ours / (raw ?? .nan), postgres == nil ? "python3 sqlite3" : "psql", (raw ?? .nan) * 1000))
    }
    if postgres != nil { try await host.dropSchema(schema) }
    await host.shutdown()
}

/// One organisation with `running` open cases, a third as many closed ones, and another
/// organisation's cases; each case with three events and a document. Inserted directly.
private func storeBenchData(_ store: FluentStore, running: Int) async throws -> Organisation {
    let epoch = Date(timeIntervalSince1970: 1_790_000_000)
    let root = Organisation(parentID: nil, name: "基准测试人民政府", shortName: "基", kind: .government, level: .county, path: "/bench/", createdAt: epoch)
    try await store.organisations.insert(root)
    func bureau(_ name: String) -> Organisation {
        let id = UUID()
        return Organisation(id: id, parentID: root.id, name: name, shortName: "局", kind: .department, level: .county,
                            path: Organisation.path(for: id, under: root), createdAt: epoch)
    }
    let market = bureau("基准市场监督管理局"), other = bureau("基准交通运输局")
    try await store.organisations.insert(market)
    try await store.organisations.insert(other)
    let opened = CivilDate(iso: "2026-09-21")!
    let total = running + running / 3 + running / 2
    for start in stride(from: 0, to: total, by: 1000) {
        try await store.transaction { tx in
            for i in start..<min(start + 1000, total) {
                let organisation = i < running + running / 3 ? market : other
                let status: EnforcementCase.Status = i < running ? (i % 10 == 0 ? .suspended : .open) : (i < running + running / 3 ? .closed : .open)
                let at = epoch.addingTimeInterval(Double(i) * 600)
                let c = EnforcementCase(organisationID: organisation.id, number: "基市监立〔2026〕\(i + 1)号", title: "基准测试案件 \(i)",
                                        category: .penalty, simple: false, itemEntryID: nil, source: .inspection, violationOn: opened,
                                        endangersSafety: i % 7 == 0, openedOn: opened.adding(days: i / 100), openedAt: at, openedBy: nil,
                                        decisionDays: 90, classification: .normal, stage: "investigation", status: status)
                try await tx.cases.insert(c)
                for (k, kind) in [CaseEvent.Kind.opened, .stageCompleted, .officerAssigned].enumerated() {
                    try await tx.cases.append(CaseEvent(caseID: c.id, kind: kind, stage: "filing", at: at.addingTimeInterval(Double(k)),
                                                        on: c.openedOn, by: nil, note: k == 0 ? "立案" : nil, data: ["n": String(i)]))
                }
                try await tx.caseRecords.insert(CaseDocument(caseID: c.id, type: .openingApproval, stage: "filing",
                                                             fields: ["facts": "现场检查发现违法行为 \(i)", "opinion": "建议立案"],
                                                             draftedBy: nil, draftedAt: at))
            }
        }
        FileHandle.standardError.write(Data("\r案件 \(min(start + 1000, total))/\(total)".utf8))
    }
    FileHandle.standardError.write(Data("\n".utf8))
    return market
}

/// The case by SQLKit's `decode(column:as:)`, one call per column.
private func decodeCaseBySQLKit(_ row: any SQLRow) throws -> EnforcementCase {
    func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
    guard let category = EnforcementCategory(rawValue: try text("category")), let source = EnforcementCase.Source(rawValue: try text("source")),
          let openedOn = CivilDate(iso: try text("opened_on")), let classification = EnforcementCase.Classification(rawValue: try text("classification")),
          let status = EnforcementCase.Status(rawValue: try text("status")) else { throw BenchError("cases") }
    return EnforcementCase(
        id: try row.decode(column: "id", as: UUID.self), organisationID: try row.decode(column: "organisation_id", as: UUID.self),
        number: try text("number"), title: try text("title"), category: category, simple: try row.decode(column: "simple", as: Bool.self),
        itemEntryID: try row.decode(column: "item_entry_id", as: UUID?.self), source: source,
        violationOn: try row.decode(column: "violation_on", as: String?.self).flatMap { CivilDate(iso: $0) },
        endangersSafety: try row.decode(column: "endangers_safety", as: Bool.self), openedOn: openedOn,
        openedAt: try row.decode(column: "opened_at", as: Date.self), openedBy: try row.decode(column: "opened_by", as: UUID?.self),
        decisionDays: try row.decode(column: "decision_days", as: Int.self), classification: classification, stage: try text("stage"),
        status: status, leadID: try row.decode(column: "lead_id", as: UUID?.self))
}

private func appendPostgres(_ value: any Encodable & Sendable, to bindings: inout PostgresBindings) throws {
    switch value {
    case let v as UUID: bindings.append(v)
    case let v as String: bindings.append(v)
    case let v as Int: bindings.append(v)
    default: throw BenchError("bench bind \(type(of: value))")
    }
}

private func list(_ ids: [UUID]) -> SQLQueryString {
    var text = SQLQueryString("(")
    for (index, id) in ids.enumerated() { text += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
    return text + ")"
}

/// The median of `rounds` runs, after one to warm up.
func median(_ rounds: Int, _ work: () async throws -> Void) async throws -> Double {
    try await work()
    var times: [Double] = []
    for _ in 0..<rounds { times.append(try await seconds(work)) }
    return times.sorted()[rounds / 2]
}

/// The bind values as text for a client: UUIDs as the store encodes them.
private func literal(_ value: any Encodable & Sendable, sqlite: Bool) throws -> String {
    if sqlite, let data = try? SQLiteDataEncoder().encode(value) {
        switch data {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .float(let d): return String(d)
        default: break
        }
    }
    switch value {
    case let v as UUID: return v.uuidString
    case let v as String: return v
    case let v as Int: return String(v)
    default: throw BenchError("bench bind \(type(of: value))")
    }
}

/// python3's sqlite3: median of `rounds` `execute(...).fetchall()` after one warm-up, in seconds.
private func pythonMedian(path: String, sql: String, binds: [any Encodable & Sendable], rounds: Int) throws -> Double {
    let values = try binds.map { try literal($0, sqlite: true) }
    let script = """
        import json, sqlite3, sys, time
        db = sqlite3.connect(sys.argv[1]); sql = sys.argv[2]; binds = json.loads(sys.argv[3]); n = int(sys.argv[4])
        binds = [int(b) if b.isdigit() else b for b in binds]
        db.execute(sql, binds).fetchall()
        times = []
        for _ in range(n):
            start = time.perf_counter(); db.execute(sql, binds).fetchall(); times.append(time.perf_counter() - start)
        print(sorted(times)[n // 2])
        """
    let json = String(decoding: try JSONSerialization.data(withJSONObject: values), as: UTF8.self)
    return try run("/usr/bin/env", ["python3", "-c", script, path, sql, json, String(rounds)], environment: [:])
}

/// psql: the statement prepared once and executed `rounds` times with `\timing`, output discarded.
private func psqlMedian(url: String, schema: String, sql: String, binds: [any Encodable & Sendable], rounds: Int) throws -> Double {
    let values = try binds.map { "'" + (try literal($0, sqlite: false)) + "'" }.joined(separator: ", ")
    var script = "\\o /dev/null\nPREPARE q AS \(sql);\nEXECUTE q(\(values));\n\\timing on\n"
    for _ in 0..<rounds { script += "EXECUTE q(\(values));\n" }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(schema).sql")
    try Data(script.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", file.path]
    process.environment = ProcessInfo.processInfo.environment.merging(["PGOPTIONS": "-c search_path=\(schema)"]) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let times = output.split(separator: "\n").compactMap { line -> Double? in
        guard line.hasPrefix("Time: ") else { return nil }
        return Double(line.dropFirst(6).split(separator: " ")[0]).map { $0 / 1000 }
    }
    guard process.terminationStatus == 0, times.count == rounds else { throw BenchError("psql: \(output.prefix(300))") }
    return times.sorted()[rounds / 2]
}

private func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let value = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
        throw BenchError("python3: \(output.prefix(300))")
    }
    return value
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
