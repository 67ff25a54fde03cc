import Foundation
import Testing
@testable import SunlightCore

@Suite("登录退避与密码规则")
struct AuthenticationRulesTests {
    let policy = LoginBackoffPolicy(freeAttempts: 5, baseDelay: 30, maxDelay: 900, window: 3600)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("five failures are free; the sixth attempt waits 30 s, then the wait doubles up to 15 min")
    func backoff() {
        let four = (0..<4).map { t0.addingTimeInterval(Double($0)) }
        #expect(policy.retryAfter(failures: four, now: t0.addingTimeInterval(4)) == nil)
        let five = (0..<5).map { t0.addingTimeInterval(Double($0)) }
        #expect(policy.retryAfter(failures: five, now: t0.addingTimeInterval(4)) == 30)
        #expect(policy.retryAfter(failures: five, now: t0.addingTimeInterval(35)) == nil)
        let seven = (0..<7).map { t0.addingTimeInterval(Double($0)) }
        #expect(policy.retryAfter(failures: seven, now: t0.addingTimeInterval(6)) == 120)
        let many = (0..<40).map { t0.addingTimeInterval(Double($0)) }
        #expect(policy.retryAfter(failures: many, now: t0.addingTimeInterval(39)) == 900)
    }

    @Test("passwords need 10 characters of two kinds", arguments: [
        ("short1", false), ("onlyletters", false), ("1234567890", false),
        ("yuanmou2026", true), ("Sunlight-Demo", true), (String(repeating: "a1", count: 40), false),
    ])
    func passwords(password: String, valid: Bool) {
        #expect(((try? PasswordPolicy.validate(password)) != nil) == valid)
    }

    @Test("secrets are stored as SHA-256 digests and compared in constant time")
    func digests() {
        #expect(Secrets.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secrets.constantTimeEquals("abc", "abc"))
        #expect(!Secrets.constantTimeEquals("abc", "abd"))
        #expect(!Secrets.constantTimeEquals("abc", "ab"))
        #expect(Secrets.token(SystemSecretGenerator()).count == 43)
    }
}
