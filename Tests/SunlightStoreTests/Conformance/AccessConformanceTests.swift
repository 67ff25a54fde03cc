import Foundation
import SunlightCore
@testable import SunlightStore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// One conformance suite for every store: each test runs on the in-memory store, on SQLite and,
/// when `SUNLIGHT_TEST_DATABASE_URL` is set, on PostgreSQL, and pins what all of them must do.
/// This file: organisations, users, certificates, sessions, API tokens, login failures, the
/// access log, holiday notices, transactions; the other areas are beside it.
@Suite("存储一致性 Repository conformance: organisation and access")
struct AccessConformanceTests {
    let t0 = Conformance.t0

    func organisation(_ name: String, under parent: Organisation? = nil, kind: OrganisationKind = .government,
                      level: AdministrativeLevel = .county) -> Organisation {
        Conformance.organisation(name, under: parent, kind: kind, level: level)
    }

    @Test("organisations: insert, find, subtree by path, update", arguments: StoreKind.all)
    func organisations(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let county = organisation("元谋县人民政府")
            let market = organisation("元谋县市场监督管理局", under: county, kind: .department)
            let other = organisation("武定县人民政府")
            for o in [county, market, other] { try await store.organisations.insert(o) }

            #expect(try await store.organisations.find(market.id) == market)
            #expect(try await store.organisations.find(UUID()) == nil)
            #expect(Set(try await store.organisations.subtree(county.path).map(\.id)) == [county.id, market.id])
            #expect(try await store.organisations.all().count == 3)

            var renamed = market
            renamed.name = "元谋县市场监管局"
            try await store.organisations.update(renamed)
            #expect(try await store.organisations.find(market.id)?.name == "元谋县市场监管局")
        }
    }

    @Test("users: roles round-trip, username lookup ignores case, lists by organisation", arguments: StoreKind.all)
    func users(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let county = organisation("元谋县人民政府")
            try await store.organisations.insert(county)
            var user = StaffUser(organisationID: county.id, username: "scj.zhangwei", displayName: "张伟",
                                 roles: [.officer, .head], passwordHash: "h", createdAt: t0)
            try await store.users.insert(user)
            #expect(try await store.users.find(username: "SCJ.ZhangWei")?.roles == [.officer, .head])
            user.roles = [.legalReviewer]
            user.isActive = false
            try await store.users.update(user)
            let found = try await store.users.find(user.id)
            #expect(found?.roles == [.legalReviewer])
            #expect(found?.isActive == false)
            #expect(try await store.users.list(in: [county.id]).map(\.username) == ["scj.zhangwei"])
            #expect(try await store.users.list(in: []).isEmpty)
        }
    }

    @Test("users: a second user with the same username is refused by the database", arguments: StoreKind.all)
    func uniqueUsername(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let county = organisation("元谋县人民政府")
            try await store.organisations.insert(county)
            let user = StaffUser(organisationID: county.id, username: "same", displayName: "甲", roles: [.officer],
                                 passwordHash: "h", createdAt: t0)
            try await store.users.insert(user)
            await #expect(throws: (any Error).self) {
                try await store.users.insert(StaffUser(organisationID: county.id, username: "same", displayName: "乙",
                                                            roles: [.officer], passwordHash: "h", createdAt: t0))
            }
        }
    }

    @Test("certificates: categories and dates round-trip", arguments: StoreKind.all)
    func certificates(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let county = organisation("元谋县人民政府")
            try await store.organisations.insert(county)
            let user = StaffUser(organisationID: county.id, username: "u1", displayName: "甲", roles: [.officer],
                                 passwordHash: "h", createdAt: t0)
            try await store.users.insert(user)
            let certificate = EnforcementCertificate(holderID: user.id, number: "53232800101", categories: [.penalty, .inspection],
                                                     region: "元谋县", validFrom: CivilDate(iso: "2024-03-01")!,
                                                     validUntil: CivilDate(iso: "2029-02-28")!)
            try await store.certificates.insert(certificate)
            #expect(try await store.certificates.find(number: "53232800101") == certificate)
            #expect(try await store.certificates.list(holders: [user.id]) == [certificate])
        }
    }

    @Test("sessions and tokens: found by digest, touched, ended, revoked", arguments: StoreKind.all)
    func sessionsAndTokens(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let county = organisation("元谋县人民政府")
            try await store.organisations.insert(county)
            let user = StaffUser(organisationID: county.id, username: "u1", displayName: "甲", roles: [.officer],
                                 passwordHash: "h", createdAt: t0)
            try await store.users.insert(user)

            let session = StaffSession(tokenHash: "abc", userID: user.id, csrfToken: "csrf", createdAt: t0, lastSeenAt: t0,
                                       expiresAt: t0.addingTimeInterval(3600), address: "127.0.0.1", userAgent: nil)
            try await store.sessions.insert(session)
            #expect(try await store.sessions.find(tokenHash: "abc")?.csrfToken == "csrf")
            try await store.sessions.touch(session.id, at: t0.addingTimeInterval(60))
            #expect(try await store.sessions.find(tokenHash: "abc")?.lastSeenAt == t0.addingTimeInterval(60))
            try await store.sessions.endAll(of: user.id, at: t0.addingTimeInterval(120))
            #expect(try await store.sessions.find(tokenHash: "abc")?.endedAt == t0.addingTimeInterval(120))

            let token = ApiToken(name: "对接", userID: user.id, tokenHash: "digest", prefix: "sl_abcdef", issuedBy: nil,
                                 issuedAt: t0, expiresAt: nil)
            try await store.apiTokens.insert(token)
            #expect(try await store.apiTokens.find(tokenHash: "digest") == token)
            try await store.apiTokens.revoke(token.id, by: user.id, at: t0.addingTimeInterval(5))
            let revoked = try await store.apiTokens.find(token.id)
            #expect(revoked?.revokedAt == t0.addingTimeInterval(5))
            #expect(revoked?.revokedBy == user.id)
            #expect(try await store.apiTokens.list(for: [user.id]).count == 1)
        }
    }

    @Test("login failures: counted per account and per address within a window, cleared on success", arguments: StoreKind.all)
    func loginFailures(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let failures = store.loginFailures
            for i in 0..<3 { try await failures.record(username: "a", address: "10.0.0.1", at: t0.addingTimeInterval(Double(i))) }
            try await failures.record(username: "b", address: "10.0.0.1", at: t0.addingTimeInterval(10))
            #expect(try await failures.failures(username: "a", since: t0).count == 3)
            #expect(try await failures.failures(username: "a", since: t0.addingTimeInterval(1)).count == 2)
            #expect(try await failures.failures(address: "10.0.0.1", since: t0).count == 4)
            try await failures.clear(username: "a")
            #expect(try await failures.failures(username: "a", since: t0).isEmpty)
        }
    }

    @Test("access log: filtered by organisation subtree, newest first, limited", arguments: StoreKind.all)
    func accessLogQueries(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let county = organisation("元谋县人民政府")
            let market = organisation("元谋县市场监督管理局", under: county, kind: .department)
            let other = organisation("武定县人民政府")
            func entry(_ o: Organisation?, _ seconds: Double, _ action: AccessLogEntry.Action = .read) -> AccessLogEntry {
                AccessLogEntry(at: t0.addingTimeInterval(seconds), actorUserID: nil, actorName: "测试", channel: .console,
                               action: action, resourceType: "user", resourceID: nil, organisationID: o?.id,
                               organisationPath: o?.path, address: "root", summary: "s\(Int(seconds))")
            }
            for e in [entry(county, 1), entry(market, 2, .create), entry(other, 3), entry(nil, 4, .loginFailed)] {
                try await store.accessLog.append(e)
            }
            let log = store.accessLog
            #expect(try await log.entries(AccessLogQuery(organisationPaths: [county.path])).map(\.summary) == ["s2", "s1"])
            #expect(try await log.entries(AccessLogQuery(organisationPaths: [county.path], includeUnscoped: true)).map(\.summary)
                    == ["s4", "s2", "s1"])
            #expect(try await log.entries(AccessLogQuery(organisationPaths: ["/"], limit: 2)).map(\.summary) == ["s4", "s3"])
            #expect(try await log.entries(AccessLogQuery(organisationPaths: ["/"], action: .create)).map(\.summary) == ["s2"])
            #expect(try await log.entries(AccessLogQuery(organisationPaths: [])).isEmpty)
        }
    }

    @Test("REC-5: the access log refuses UPDATE and DELETE in the database itself", arguments: StoreKind.databases)
    func accessLogAppendOnly(_ kind: StoreKind) async throws {
        try await TestDatabase.withHost(TestDatabase.Scratch(kind)) { host, _ in
            try await host.store.accessLog.append(AccessLogEntry(
                at: t0, actorUserID: nil, actorName: "测试", channel: .console, action: .read, resourceType: "user",
                resourceID: nil, organisationID: nil, organisationPath: nil, address: nil, summary: "原文"))
            await #expect(throws: (any Error).self) { try await host.execute("UPDATE access_log SET summary = '篡改'") }
            await #expect(throws: (any Error).self) { try await host.execute("DELETE FROM access_log") }
            #expect(try await host.strings("SELECT summary FROM access_log") == ["原文"])
        }
    }

    @Test("a transaction that throws writes nothing", arguments: StoreKind.all)
    func rollback(_ kind: StoreKind) async throws {
        struct Boom: Error {}
        try await TestDatabase.withStore(kind) { (store: any Store) async throws -> Void in
            let county = organisation("元谋县人民政府")
            await #expect(throws: Boom.self) {
                try await store.transaction { tx in
                    try await tx.organisations.insert(county)
                    try await tx.accessLog.append(AccessLogEntry(
                        at: t0, actorUserID: nil, actorName: "测试", channel: .console, action: .create,
                        resourceType: "organisation", resourceID: nil, organisationID: county.id,
                        organisationPath: county.path, address: nil, summary: "新增"))
                    throw Boom()
                }
            }
            #expect(try await store.organisations.find(county.id) == nil)
            #expect(try await store.accessLog.entries(AccessLogQuery(organisationPaths: ["/"])).isEmpty)
        }
    }

    @Test("concurrent transactions that read then write all commit", arguments: StoreKind.all)
    func concurrentWriters(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        try await store.transaction { tx in
                            _ = try await tx.organisations.all()
                            try await tx.organisations.insert(organisation("并发机构\(i)"))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.organisations.all().count == 20)
        }
    }

    @Test("holiday notices: every load is kept in order", arguments: StoreKind.all)
    func holidayNotices(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let notice = ShippedCalendars.notices()[1]
            try await store.holidayNotices.insert(LoadedHolidayNotice(notice: notice, loadedAt: t0, loadedBy: "甲"))
            try await store.holidayNotices.insert(LoadedHolidayNotice(notice: notice, loadedAt: t0.addingTimeInterval(1), loadedBy: "乙"))
            let all = try await store.holidayNotices.all()
            #expect(all.map(\.loadedBy) == ["甲", "乙"])
            #expect(all.first?.notice == notice)
        }
    }

    @Test("migrations run twice change nothing; SQLite runs in WAL mode", arguments: StoreKind.databases)
    func migrations(_ kind: StoreKind) async throws {
        try await TestDatabase.withHost(TestDatabase.Scratch(kind)) { host, _ in
            try await host.migrate()
            #expect(try await host.strings("SELECT name FROM _fluent_migrations ORDER BY name") == ["001_foundation", "002_ledger", "003_evidence", "004_publicity", "005_cases", "006_review", "007_publication", "008_supervision", "009_transfers", "010_coordination", "011_aggregate_indexes", "012_case_leads", "013_catalogue_approval", "014_annual_reports", "015_party_lookup", "016_witness", "017_file_access", "018_outbox_signatures", "019_search_index_refresh", "020_ledger_sequence", "021_search_grams", "022_case_clock_summaries", "023_pending_publications", "024_review_flags", "025_case_facts"])
            if kind.rawValue == "sqlite" {
                #expect(try await host.strings("PRAGMA journal_mode") == ["wal"])
            }
            #expect(host.store.dialect == kind.rawValue)
        }
    }
}
