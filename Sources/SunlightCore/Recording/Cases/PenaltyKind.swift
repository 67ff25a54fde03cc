/// 行政处罚的种类 — the kinds of penalty of 行政处罚法 第九条 (REC-15), as a decision or
/// notice names them in its free-text 处罚内容 (“警告，并处罚款 5000 元”).
public enum PenaltyKind: String, Sendable, CaseIterable {
    case warning
    case criticism
    case fine
    case confiscation
    case licenceSuspension
    case qualificationDowngrade
    case licenceRevocation
    case restriction
    case productionHalt
    case closure
    case detention

    public var chineseName: String {
        switch self {
        case .warning: "警告"
        case .criticism: "通报批评"
        case .fine: "罚款"
        case .confiscation: "没收违法所得、没收非法财物"
        case .licenceSuspension: "暂扣许可证件"
        case .qualificationDowngrade: "降低资质等级"
        case .licenceRevocation: "吊销许可证件"
        case .restriction: "限制开展生产经营活动、限制从业"
        case .productionHalt: "责令停产停业"
        case .closure: "责令关闭"
        case .detention: "行政拘留"
        }
    }

    /// The words that name the kind in a document's text.
    var words: [String] {
        switch self {
        case .warning: ["警告"]
        case .criticism: ["通报批评"]
        case .fine: ["罚款"]
        case .confiscation: ["没收"]
        case .licenceSuspension: ["暂扣"]
        case .qualificationDowngrade: ["降低资质"]
        case .licenceRevocation: ["吊销"]
        case .restriction: ["限制"]
        case .productionHalt: ["责令停产", "责令停业"]
        case .closure: ["责令关闭"]
        case .detention: ["拘留"]
        }
    }

    /// The kinds a penalty's text names.
    public static func named(in text: String) -> Set<PenaltyKind> {
        Set(allCases.filter { kind in kind.words.contains { text.contains($0) } })
    }
}
