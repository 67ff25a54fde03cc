/// 执法类别 — the six enforcement categories (seed 004) and the other power-list categories
/// (seed 003, STD-1).
public enum EnforcementCategory: String, Codable, Sendable, CaseIterable {
    case permit, penalty, coercion, levy, fee, inspection
    case benefit, adjudication, confirmation, reward, other

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
