import Crypto
import Foundation

/// 密码散列 — hashes and checks passwords (Bcrypt in production). Implementations run the
/// slow work off the event loop.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
    /// A hash of a random password, checked when a login names an unknown user so that the
    /// answer takes as long as for a known one.
    var decoyHash: String { get }
}

/// 随机令牌 — the source of unguessable secrets for sessions, CSRF and API tokens; injected so
/// tests are reproducible.
public protocol SecretGenerator: Sendable {
    /// `count` random bytes.
    func randomBytes(_ count: Int) -> [UInt8]
}

/// The operating system's cryptographically secure generator.
public struct SystemSecretGenerator: SecretGenerator {
    public init() {}
    public func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// Encodings of secrets and the digests the store keeps instead of them.
public enum Secrets {
    /// A URL-safe random string carrying `bytes` bytes of entropy.
    public static func token(_ generator: any SecretGenerator, bytes: Int = 32) -> String {
        Data(generator.randomBytes(bytes)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A random (version 4) UUID from the injected generator: record IDs come from the same
    /// reproducible source as every other secret.
    public static func uuid(_ generator: any SecretGenerator) -> UUID {
        var bytes = generator.randomBytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// SHA-256 of `secret`, lower-case hex.
    public static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Compares two strings in time independent of where they differ.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
