/// 法律依据 — what a page or a refusal cites for a rule: the statute and article, or the State
/// Council document, in plain Chinese. Rule IDs stay in code, tests, API error codes and the
/// log; people read this.
extension RuleID {
    /// The legal basis people read for this rule; `nil` where the rule rests only on local
    /// implementation documents (the seeds), which pages then do not pretend to cite.
    public var legalBasis: String? { Self.legalBases[self] }

    private static let penaltyLaw = "《中华人民共和国行政处罚法》"
    private static let licensingLaw = "《中华人民共和国行政许可法》"
    private static let coercionLaw = "《中华人民共和国行政强制法》"
    /// 国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见.
    private static let threeSystems = "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）"

    private static let legalBases: [RuleID: String] = [
        .cal1: "国务院办公厅当年发布的部分节假日安排通知",
        .cal2: "\(penaltyLaw)第八十五条、\(licensingLaw)第八十二条、\(coercionLaw)第六十九条",
        .cal3: "《中华人民共和国民法典》第二百零一条",
        .cal4: "国务院办公厅当年发布的部分节假日安排通知",
        .pub1: threeSystems, .pub2: threeSystems, .pub3: threeSystems, .pub4: threeSystems, .pub5: threeSystems,
        .pub6: "\(penaltyLaw)第四十八条、\(threeSystems)",
        .pub7: "\(penaltyLaw)第四十八条第二款",
        .pub8: "《中华人民共和国政府信息公开条例》第十四条、第十五条",
        .pub9: threeSystems, .pub10: threeSystems, .pub11: threeSystems, .pub12: threeSystems, .pub13: threeSystems,
        .rec1: "\(penaltyLaw)第四十七条",
        .rec2: "\(penaltyLaw)第四十七条", .rec3: threeSystems, .rec4: threeSystems, .rec5: threeSystems,
        .rec6: "\(penaltyLaw)第四十七条",
        .rec7: "\(penaltyLaw)第四十二条",
        .rec8: "\(penaltyLaw)第四十六条",
        .rec10: "\(penaltyLaw)第四十七条",
        .rec11: "\(penaltyLaw)第五十条",
        .rec12: threeSystems,
        .rec14: "\(penaltyLaw)第六十一条、《中华人民共和国民事诉讼法》第八十七条至第九十五条",
        .rec15: "\(penaltyLaw)第九条、第三十三条、第四十五条、第五十一条、第六十三条",
        .rec16: "\(coercionLaw)第二十四条至第二十八条",
        .rec17: "\(penaltyLaw)第六十条",
        .rec18: "《市场监督管理行政处罚程序规定》第十八条、\(threeSystems)",
        .rev1: "\(penaltyLaw)第五十八条", .rev2: "\(penaltyLaw)第五十八条",
        .rev3: threeSystems, .rev4: threeSystems, .rev5: threeSystems, .rev6: threeSystems,
        .rev7: "\(penaltyLaw)第五十七条第二款",
        .rev8: "\(penaltyLaw)第五十八条第二款",
        .rev9: threeSystems,
        .rev10: "\(penaltyLaw)第五十七条、第五十八条",
        .std2: "\(penaltyLaw)第四十二条",
        .std3: "\(penaltyLaw)第三十四条",
        .std4: "\(penaltyLaw)第五十一条",
        .sup1: "\(penaltyLaw)第七十五条第二款",
        .sup2: "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）、\(penaltyLaw)第二十七条",
        .sup4: "\(penaltyLaw)第七十五条第一款",
        .sup7: "\(penaltyLaw)第七十六条",
    ]
}
