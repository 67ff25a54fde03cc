/// 行政处罚的种类 — the kinds of penalty of 行政处罚法 第九条 (REC-15). A notice or decision
/// names them as typed sanctions (`DocumentField.sanctions`, the raw values below, stored and
/// hashed: they never change); one written before sanctions were typed is read from its
/// free-text 处罚内容 (“警告，并处罚款 5000 元”).
public enum PenaltyKind: String, Sendable, CaseIterable {
    case warning
    case criticism
    case fine
    /// 没收违法所得、没收非法财物 — with its value (`DocumentField.confiscated`).
    case confiscation
    case licenceSuspension = "licence_suspension"
    case qualificationDowngrade = "qualification_downgrade"
    case licenceRevocation = "licence_revocation"
    /// 限制开展生产经营活动.
    case businessRestriction = "business_restriction"
    case productionHalt = "production_halt"
    case closure
    /// 限制从业.
    case practiceRestriction = "practice_restriction"
    case detention
    /// 法律、行政法规规定的其他行政处罚.
    case other

    public var chineseName: String {
        switch self {
        case .warning: "警告"
        case .criticism: "通报批评"
        case .fine: "罚款"
        case .confiscation: "没收违法所得、没收非法财物"
        case .licenceSuspension: "暂扣许可证件"
        case .qualificationDowngrade: "降低资质等级"
        case .licenceRevocation: "吊销许可证件"
        case .businessRestriction: "限制开展生产经营活动"
        case .productionHalt: "责令停产停业"
        case .closure: "责令关闭"
        case .practiceRestriction: "限制从业"
        case .detention: "行政拘留"
        case .other: "其他行政处罚"
        }
    }

    /// The kinds a person may be heard on whatever their amount (行政处罚法 第六十三条第一款
    /// 第三、四项): 降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业.
    public var alwaysHeard: Bool {
        [.qualificationDowngrade, .licenceRevocation, .productionHalt, .closure, .practiceRestriction].contains(self)
    }

    /// The kinds the simple procedure may impose on the spot (行政处罚法 第五十一条): 警告、通报批评
    /// and a small fine.
    public var allowedOnTheSpot: Bool { [.warning, .criticism, .fine].contains(self) }

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
        case .businessRestriction: ["限制开展生产经营", "限制生产经营"]
        case .productionHalt: ["责令停产", "责令停业"]
        case .closure: ["责令关闭"]
        case .practiceRestriction: ["限制从业"]
        case .detention: ["拘留"]
        case .other: []
        }
    }

    /// The kinds a penalty's text names.
    public static func named(in text: String) -> Set<PenaltyKind> {
        Set(allCases.filter { kind in kind.words.contains { text.contains($0) } })
    }

    /// The options of a sanctions field, in the order of 第九条.
    static var options: [(code: String, label: String)] {
        allCases.filter { $0 != .detention }.map { (code: $0.rawValue, label: $0.chineseName) }
    }
}
