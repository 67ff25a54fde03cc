extension MajorDecisionCatalogue {
    /// 默认目录 — what applies until an organisation adopts its own version (REV-2): the four
    /// cases of 行政处罚法 第五十八条, seed 002 第四条 (a), and a 较大数额 rule in the spirit of
    /// 国办发〔2017〕14号 (三)2, whose thresholds each organisation sets to its local standard.
    public static let builtIn = MajorDecisionCatalogue(organisationID: nil, version: 0, effectiveOn: nil, rules: [
        MajorDecisionRule(code: "R1", title: "涉及重大公共利益的",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（一）项", factors: [.publicInterest], collectiveDiscussion: true),
        MajorDecisionRule(code: "R2", title: "直接关系当事人或者第三人重大权益，经过听证程序的",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（二）项；重大执法决定法制审核办法第四条第（二）项",
                          hearingHeld: true),
        MajorDecisionRule(code: "R3", title: "案件情况疑难复杂、涉及多个法律关系的",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（三）项；重大执法决定法制审核办法第四条第（三）项",
                          factors: [.complex], collectiveDiscussion: true),
        MajorDecisionRule(code: "R4", title: "法律、法规规定应当进行法制审核的其他情形",
                          source: "《中华人民共和国行政处罚法》第五十八条第一款第（四）项；重大执法决定法制审核办法第四条第（四）项",
                          factors: [.requiredByLaw]),
        MajorDecisionRule(code: "R5", title: "可能造成重大社会影响或引发社会风险，经过听证程序的",
                          source: "重大执法决定法制审核办法第四条第（一）项", hearingHeld: true, factors: [.socialImpact], collectiveDiscussion: true),
        MajorDecisionRule(code: "R6", title: "较大数额罚款、没收较大数额违法所得或非法财物的",
                          source: "国办发〔2017〕14号 试点工作方案（三）2：结合涉案金额等因素确定重大执法决定范围（金额按本地标准设定）",
                          categories: [.penalty], minAmountPerson: 10_000, minAmountOrganisation: 100_000),
    ], note: "行政处罚法第五十八条与重大执法决定法制审核办法第四条")
}
