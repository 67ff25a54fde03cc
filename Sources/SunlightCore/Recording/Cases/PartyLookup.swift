import Crypto
import Foundation

/// 当事人比对摘要 — a keyed digest of a party's 身份证号 or 统一社会信用代码, kept beside the party
/// (not in the log) so the organisation's earlier penalties of the same party can be found
/// (首违不罚, REC-15, 行政处罚法 第三十三条) without storing or showing the number itself. The key
/// is the installation's own (derived from the log signing key), so a digest cannot be
/// recomputed from a guessed number elsewhere; erasing the party's ID number drops it.
public enum PartyLookup {
    /// Upper-cased, without spaces: `91532328ma6n 000000` and `91532328MA6N000000` match.
    public static func normalised(_ number: String) -> String {
        String(number.uppercased().filter { !$0.isWhitespace })
    }

    /// HMAC-SHA256 of the normalised number, lower-case hex; `nil` for an empty number.
    public static func digest(_ number: String?, key: SymmetricKey) -> String? {
        guard let number else { return nil }
        let text = normalised(number)
        guard !text.isEmpty else { return nil }
        return HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

extension LedgerSettings {
    /// The key of ``PartyLookup``: HKDF-SHA256 of the installation's log signing key with its
    /// own label, so no further secret needs keeping. A new signing key starts a new key:
    /// parties registered before then no longer match (docs/cases.md).
    public var partyLookupKey: SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(signer.signerKey.utf8)),
                               info: Data("sunlight/party-lookup/v1".utf8), outputByteCount: 32)
    }
}
