/// 许可决定 — whether a permit decision grants the permit or refuses it (行政许可法 第三十八条).
public enum PermitResult: String, Sendable, CaseIterable {
    case granted, refused

    public var chineseName: String {
        switch self {
        case .granted: "准予许可"
        case .refused: "不予许可"
        }
    }
}
