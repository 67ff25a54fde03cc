import Foundation
import SunlightCore
import SunlightLedger

/// 签名密钥文件 — the installation's Ed25519 log key: from `SUNLIGHT_LOG_SIGNING_KEY` if set
/// (several servers share one key that way), else `<data>/log-signing.key`, created on first
/// start with owner-only permissions. Losing it does not lose data, but checkpoints signed
/// with a new key no longer chain to the ones published before.
public enum LedgerKeys {
    public static let fileName = "log-signing.key"

    /// Where the key comes from, as configured (the server's configuration reads the environment).
    public struct Source: Sendable, Equatable {
        /// `SUNLIGHT_LOG_SIGNING_KEY` — a signer key in note format; `nil` uses the key file.
        public var signingKey: String?
        /// `SUNLIGHT_LOG_NAME` — the name of a newly generated key; random by default.
        public var name: String?
        /// `SUNLIGHT_LOG_ORIGIN` — the checkpoints' origin line; `<key name>/log` by default.
        public var origin: String?

        public init(signingKey: String? = nil, name: String? = nil, origin: String? = nil) {
            self.signingKey = signingKey
            self.name = name
            self.origin = origin
        }
    }

    public static func load(dataDirectory: String, _ source: Source) throws -> LedgerSettings {
        let signer: NoteSigner
        if let text = source.signingKey, !text.isEmpty {
            signer = try NoteSigner(signerKey: text)
        } else {
            let url = URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName)
            if let data = FileManager.default.contents(atPath: url.path) {
                signer = try NoteSigner(signerKey: String(decoding: data, as: UTF8.self))
            } else {
                let name = source.name.flatMap { $0.isEmpty ? nil : $0 }
                    ?? "sunlight-" + Hex.encode(SystemSecretGenerator().randomBytes(4))
                signer = try NoteSigner.generate(name: name)
                try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
                let temporary = url.appendingPathExtension("tmp")
                guard FileManager.default.createFile(atPath: temporary.path, contents: Data((signer.signerKey + "\n").utf8),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    throw ConfigurationError("无法写入日志签名密钥 \(url.path)")
                }
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        }
        let origin = source.origin.flatMap { $0.isEmpty ? nil : $0 } ?? "\(signer.name)/log"
        return LedgerSettings(origin: origin, signer: signer)
    }
}
