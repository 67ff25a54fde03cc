/// 执法环节 — one stage of an enforcement procedure (REC-1), with what it takes to complete it.
public struct ProcedureStage: Sendable, Equatable {
    public let code: String
    public let name: String
    /// Only some cases pass through it (听证 when asked for, 法制审核 for major decisions).
    public let optional: Bool
    /// The time limit or condition people need to know, shown under the stage.
    public let note: String?
    /// On the 音像记录事项清单 by default (REC-3; 国办发〔2018〕118号).
    public let audioVideo: Bool
    /// Done on site: at least two officers with valid certificates (REC-7).
    public let onSite: Bool
    /// Documents that must be issued before the stage completes (REC-2, REC-6).
    public let documents: [DocumentType]

    init(_ code: String, _ name: String, optional: Bool = false, note: String? = nil, audioVideo: Bool = false,
         onSite: Bool = false, documents: [DocumentType] = []) {
        self.code = code
        self.name = name
        self.optional = optional
        self.note = note
        self.audioVideo = audioVideo
        self.onSite = onSite
        self.documents = documents
    }
}

/// 执法流程 — the stages of each category's procedure as Sunlight runs them (REC-1). The
/// portal's flowcharts (PUB-5) are drawn from these definitions, so what is published is what
/// the system enforces.
public enum Procedures {
    /// 简易程序 (STD-4, 行政处罚法 第五十一、五十二条): decided and handed over on the spot.
    public static let simplePenalty: [ProcedureStage] = [
        ProcedureStage("onsite_notice", "当场告知", note: "出示证件，告知事实、理由、依据和陈述申辩权利", audioVideo: true, onSite: true),
        ProcedureStage("decision", "当场决定", note: "警告，或对公民 200 元以下、对法人或其他组织 3000 元以下罚款", documents: [.simpleDecision]),
        ProcedureStage("delivery", "当场交付", note: "当场交付决定书，当事人签收", documents: [.deliveryReceipt]),
        ProcedureStage("execution", "执行", note: "100 元以下可当场收缴"),
        ProcedureStage("archiving", "备案归档", note: "报所属行政机关备案"),
    ]

    /// The stages of a case of `category` under the general or the simple procedure.
    public static func stages(for category: EnforcementCategory, simple: Bool) -> [ProcedureStage] {
        simple && category == .penalty ? simplePenalty : stages(for: category)
    }

    public static func stages(for category: EnforcementCategory) -> [ProcedureStage] {
        switch category {
        case .penalty:
            [ProcedureStage("opening", "立案", note: "发现违法行为后审批立案", documents: [.openingApproval]),
             ProcedureStage("investigation", "调查取证", note: "两名以上执法人员，出示证件，全程记录", audioVideo: true, onSite: true,
                            documents: [.investigationReport]),
             ProcedureStage("notice", "事先告知", note: "告知事实、理由、依据和陈述申辩、听证权利", documents: [.penaltyNotice]),
             ProcedureStage("hearing", "听证", optional: true, note: "当事人 5 个工作日内要求；提前 7 个工作日通知", audioVideo: true,
                            documents: [.hearingNotice, .hearingRecord]),
             ProcedureStage("review", "法制审核", optional: true, note: "重大执法决定，未经审核不得决定"),
             ProcedureStage("decision", "作出决定", note: "立案之日起 90 日内", documents: [.penaltyDecision]),
             ProcedureStage("delivery", "送达", note: "7 个工作日内送达", audioVideo: true, documents: [.deliveryReceipt]),
             ProcedureStage("execution", "执行", note: "15 日内缴纳罚款"),
             ProcedureStage("closing", "结案", documents: [.closingReport]),
             ProcedureStage("archiving", "归档")]
        case .permit:
            [ProcedureStage("application", "申请", note: "提交申请材料"),
             ProcedureStage("acceptance", "受理", note: "材料不全的一次性告知", documents: [.permitAcceptance]),
             ProcedureStage("examination", "审查", note: "必要时现场核查"),
             ProcedureStage("hearing", "听证", optional: true, note: "依法需要听证的", audioVideo: true, documents: [.hearingNotice, .hearingRecord]),
             ProcedureStage("decision", "决定", note: "受理之日起 20 个工作日内，经批准可延长 10 个工作日", documents: [.permitDecision]),
             ProcedureStage("delivery", "送达", note: "作出决定之日起 10 个工作日内送达", documents: [.deliveryReceipt])]
        case .inspection:
            [ProcedureStage("planning", "制定计划", note: "双随机抽取检查对象与执法人员"),
             ProcedureStage("onsite", "现场检查", note: "两名以上执法人员，出示证件，音像记录", audioVideo: true, onSite: true,
                            documents: [.inspectionRecord]),
             ProcedureStage("record", "检查记录", note: "制作现场检查笔录"),
             ProcedureStage("handling", "结果处理", note: "责令改正、立案或移送"),
             ProcedureStage("publication", "结果公示", note: "检查结束后 20 个工作日内公示"),
             ProcedureStage("archiving", "归档")]
        case .coercion:
            [ProcedureStage("approval", "报告批准", note: "实施前向负责人报告并经批准", documents: [.openingApproval]),
             ProcedureStage("enforcement", "实施强制措施", note: "两名以上执法人员，制作现场笔录，全程音像记录", audioVideo: true, onSite: true,
                            documents: [.inspectionRecord]),
             ProcedureStage("delivery", "送达决定书", note: "当场交付查封、扣押决定书和清单", audioVideo: true, documents: [.seizureDecision]),
             ProcedureStage("handling", "作出处理决定", note: "查封、扣押不超过 30 日，经批准可延长 30 日"),
             ProcedureStage("release", "解除或依法处理"),
             ProcedureStage("archiving", "归档")]
        case .levy, .fee:
            [ProcedureStage("assessment", "核定", note: "依法定标准核定金额"),
             ProcedureStage("notice", "告知缴纳", note: "送达缴款通知"),
             ProcedureStage("payment", "缴纳"),
             ProcedureStage("reminder", "催缴", optional: true, note: "逾期未缴的"),
             ProcedureStage("enforcement", "强制执行", optional: true, note: "依法申请或实施"),
             ProcedureStage("archiving", "归档")]
        case .benefit, .adjudication, .confirmation, .reward, .other:
            [ProcedureStage("application", "申请或启动"),
             ProcedureStage("acceptance", "受理"),
             ProcedureStage("examination", "审查"),
             ProcedureStage("decision", "决定"),
             ProcedureStage("delivery", "送达")]
        }
    }
}
