/// 执法类别 — the six enforcement categories (seed 004) and the other power-list categories
/// (seed 003, STD-1).
public enum EnforcementCategory: String, Codable, Sendable, CaseIterable, ClosedChoice {
    case permit, penalty, coercion, levy, fee, inspection
    case benefit, adjudication, confirmation, reward, other

    /// 权力清单的九类 (seed 003, STD-1).
    public static let powerList: [EnforcementCategory] = [.permit, .penalty, .coercion, .levy, .benefit, .adjudication, .confirmation, .reward, .other]
    /// 行政执法的六类 (seed 004): what certificates and cases are about.
    public static let enforcement: [EnforcementCategory] = [.permit, .penalty, .coercion, .levy, .fee, .inspection]

    /// A category from its Chinese name or its code.
    public init?(text: String) {
        let text = text.trimmed
        guard let found = Self.allCases.first(where: { $0.rawValue == text || $0.chineseName == text }) else { return nil }
        self = found
    }

    public var chineseName: String {
        switch self {
        case .permit: "行政许可"
        case .penalty: "行政处罚"
        case .coercion: "行政强制"
        case .levy: "行政征收"
        case .fee: "行政收费"
        case .inspection: "行政检查"
        case .benefit: "行政给付"
        case .adjudication: "行政裁决"
        case .confirmation: "行政确认"
        case .reward: "行政奖励"
        case .other: "其他行政权力"
        }
    }
}
