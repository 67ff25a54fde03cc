import Foundation

/// 可选值 — a closed set of codes (a kind, a category, a role) read from outside input.
///
/// An unknown code is refused in Chinese, naming the codes that are allowed, so an API caller
/// reads `kind 的值无效：“x”不是可选值，可选：photo、video…` rather than the decoder's English.
/// Conforming changes nothing for known codes: it only replaces how a wrong one is explained.
public protocol ClosedChoice: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension ClosedChoice {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let value = Self(rawValue: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.refusal(code))
        }
        self = value
    }

    /// `“x”不是可选值，可选：a、b、c`.
    public static func refusal(_ code: String) -> String {
        "“\(code)”不是可选值，可选：" + allCases.map(\.rawValue).joined(separator: "、")
    }
}
