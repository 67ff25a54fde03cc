import Foundation
@testable import SunlightCore
import SunlightDemo
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

@Suite("登录、会话与接口令牌")
struct AuthenticationUseCaseTests {
    @Test("a right password opens a session whose token only the browser knows")
    func login() async throws {
        try await DemoWorld.onDatabase { world in
            let result = try await world.sunlight.access.logIn(username: " Admin ", password: DemoData.password,
                                                        address: "192.0.2.1", userAgent: "test")
            #expect(result.user.username == "admin")
            #expect(result.session.tokenHash == Secrets.digest(result.cookieToken))
            #expect(try await world.host.strings("SELECT token_hash FROM sessions") == [Secrets.digest(result.cookieToken)])
            let (_, actor) = try await world.sunlight.access.resumeSession(cookieToken: result.cookieToken, address: nil)
            #expect(actor.user?.username == "admin")
            #expect(try await world.accessLog().first?.action == .login)
        }
    }

    @Test("a wrong password and an unknown user get the same answer and are logged")
    func wrongCredentials() async throws {
        try await DemoWorld.onDatabase { world in
            for username in ["admin", "nobody"] {
                do {
                    _ = try await world.sunlight.access.logIn(username: username, password: "wrong-password-1", address: "192.0.2.1", userAgent: nil)
                    Issue.record("login should fail")
                } catch let error as SunlightError {
                    #expect(error.kind == .unauthenticated)
                    #expect(error.message == "用户名或密码错误")
                }
            }
            let failures = try await world.accessLog().filter { $0.action == .loginFailed }
            #expect(failures.count == 2)
            #expect(try await world.host.strings("SELECT count(*) FROM sessions") == ["0"])
        }
    }

    @Test("after five failures the account waits, even with the right password, and the wait grows")
    func backoff() async throws {
        try await DemoWorld.with { world in
            for _ in 0..<5 {
                await #expect(throws: SunlightError.self) {
                    try await world.sunlight.access.logIn(username: "jiandu", password: "guess-guess-1", address: "198.51.100.7", userAgent: nil)
                }
            }
            do {
                _ = try await world.sunlight.access.logIn(username: "jiandu", password: DemoData.password, address: "203.0.113.9", userAgent: nil)
                Issue.record("login should be throttled")
            } catch let error as SunlightError {
                #expect(error.kind == .tooManyAttempts(retryAfterSeconds: 30))
                #expect(error.message.contains("登录失败次数过多"))
            }
            world.clock.advance(31)
            let result = try await world.sunlight.access.logIn(username: "jiandu", password: DemoData.password, address: "203.0.113.9", userAgent: nil)
            #expect(result.user.username == "jiandu")
            // Success forgets the account's failures.
            #expect(try await world.sunlight.store.loginFailures.failures(username: "jiandu", since: .distantPast).isEmpty)
        }
    }

    @Test("one address guessing many accounts is throttled too")
    func backoffByAddress() async throws {
        try await DemoWorld.with { world in
            for name in ["a1", "a2", "a3", "a4", "a5"] {
                await #expect(throws: SunlightError.self) {
                    try await world.sunlight.access.logIn(username: name, password: "guess-guess-1", address: "198.51.100.7", userAgent: nil)
                }
            }
            await #expect { try await world.sunlight.access.logIn(username: "admin", password: DemoData.password, address: "198.51.100.7", userAgent: nil) }
                throws: { "login.throttled" ~= $0 }
        }
    }

    @Test("sessions expire after 2 hours idle and after 12 hours in all; logout ends them")
    func sessionExpiry() async throws {
        try await DemoWorld.with { world in
            let idle = try await world.sunlight.access.logIn(username: "admin", password: DemoData.password, address: nil, userAgent: nil)
            world.clock.advance(2 * 3600 + 1)
            await #expect { try await world.sunlight.access.resumeSession(cookieToken: idle.cookieToken, address: nil) }
                throws: { "session.expired" ~= $0 }

            let active = try await world.sunlight.access.logIn(username: "admin", password: DemoData.password, address: nil, userAgent: nil)
            for _ in 0..<12 {
                world.clock.advance(3600)
                if world.clock.now < active.session.expiresAt {
                    _ = try await world.sunlight.access.resumeSession(cookieToken: active.cookieToken, address: nil)
                }
            }
            await #expect { try await world.sunlight.access.resumeSession(cookieToken: active.cookieToken, address: nil) }
                throws: { "session.expired" ~= $0 }

            let ended = try await world.sunlight.access.logIn(username: "admin", password: DemoData.password, address: nil, userAgent: nil)
            let (session, actor) = try await world.sunlight.access.resumeSession(cookieToken: ended.cookieToken, address: nil)
            try await world.sunlight.access.logOut(session, actor: actor)
            await #expect { try await world.sunlight.access.resumeSession(cookieToken: ended.cookieToken, address: nil) }
                throws: { "session.expired" ~= $0 }
        }
    }

    @Test("deactivating a user ends their sessions and refuses their login")
    func deactivation() async throws {
        try await DemoWorld.with { world in
            let login = try await world.sunlight.access.logIn(username: "scj.lina", password: DemoData.password, address: nil, userAgent: nil)
            let admin = try await world.actor("admin")
            _ = try await world.sunlight.organisations.updateUser(login.user.id, StaffUserChanges(isActive: false), by: admin)
            await #expect { try await world.sunlight.access.resumeSession(cookieToken: login.cookieToken, address: nil) }
                throws: { "session.expired" ~= $0 }
            await #expect { try await world.sunlight.access.logIn(username: "scj.lina", password: DemoData.password, address: nil, userAgent: nil) }
                throws: { "login.inactive" ~= $0 }
        }
    }

    @Test("API tokens act as their user until revoked or expired; the secret is never stored")
    func apiTokens() async throws {
        try await DemoWorld.onDatabase { world in
            let admin = try await world.actor("admin")
            let officer = try await world.user("scj.zhangwei")
            let (token, secret) = try await world.sunlight.access.issueApiToken(
                for: officer.id, name: "省平台对接", expiresOn: CivilDate(iso: "2026-12-31"), by: admin)
            #expect(secret.hasPrefix("sl_"))
            #expect(try await world.host.strings("SELECT token_hash FROM api_tokens") == [Secrets.digest(secret)])
            let actor = try await world.sunlight.access.authenticate(apiToken: secret, address: "192.0.2.5")
            #expect(actor.user?.id == officer.id)
            #expect(actor.channel == .api)

            await #expect { try await world.sunlight.access.authenticate(apiToken: secret + "x", address: nil) } throws: { "token.invalid" ~= $0 }
            try await world.sunlight.access.revokeApiToken(token.id, by: admin)
            await #expect { try await world.sunlight.access.authenticate(apiToken: secret, address: nil) } throws: { "token.invalid" ~= $0 }

            let (_, expiring) = try await world.sunlight.access.issueApiToken(for: officer.id, name: "短期令牌", expiresOn: CivilDate(iso: "2026-11-24"), by: admin)
            _ = try await world.sunlight.access.authenticate(apiToken: expiring, address: nil)
            world.clock.advance(2 * 86_400)
            await #expect { try await world.sunlight.access.authenticate(apiToken: expiring, address: nil) } throws: { "token.invalid" ~= $0 }
        }
    }

    @Test("only an administrator of the user's organisation issues tokens")
    func tokenScope() async throws {
        try await DemoWorld.with { world in
            let officer = try await world.user("scj.zhangwei")
            let head = try await world.actor("scj.wangfang")
            await #expect { try await world.sunlight.access.issueApiToken(for: officer.id, name: "越权", expiresOn: nil, by: head) }
                throws: { "role.missing" ~= $0 }
        }
    }
}
