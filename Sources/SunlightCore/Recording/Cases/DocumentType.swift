/// 执法文书种类 — the standard documents of a case (REC-2, REC-6), each with its fields, its
/// number code (元市监**罚**〔2026〕3号), who signs it, where it stands in the case file, and how
/// long it is kept.
public enum DocumentType: String, Codable, Sendable, CaseIterable, ClosedChoice {
    case openingApproval = "opening_approval"
    case inquiryRecord = "inquiry_record"
    case inspectionRecord = "inspection_record"
    case investigationReport = "investigation_report"
    case penaltyNotice = "penalty_notice"
    case hearingNotice = "hearing_notice"
    case hearingRecord = "hearing_record"
    case penaltyDecision = "penalty_decision"
    case noPenaltyDecision = "no_penalty_decision"
    case simpleDecision = "simple_decision"
    case seizureDecision = "seizure_decision"
    case permitAcceptance = "permit_acceptance"
    case permitDecision = "permit_decision"
    case deliveryReceipt = "delivery_receipt"
    case closingReport = "closing_report"

    public var chineseName: String {
        switch self {
        case .openingApproval: "立案审批表"
        case .inquiryRecord: "询问笔录"
        case .inspectionRecord: "现场检查笔录"
        case .investigationReport: "案件调查终结报告"
        case .penaltyNotice: "行政处罚事先告知书"
        case .hearingNotice: "听证通知书"
        case .hearingRecord: "听证笔录"
        case .penaltyDecision: "行政处罚决定书"
        case .noPenaltyDecision: "不予行政处罚决定书"
        case .simpleDecision: "当场行政处罚决定书"
        case .seizureDecision: "查封（扣押）决定书"
        case .permitAcceptance: "受理通知书"
        case .permitDecision: "行政许可决定书"
        case .deliveryReceipt: "送达回证"
        case .closingReport: "结案审批表"
        }
    }

    /// The code in the document number; `nil` for documents that are not numbered (the
    /// opening approval carries the case number).
    public var numberCode: String? {
        switch self {
        case .penaltyNotice: "罚告"
        case .hearingNotice: "听通"
        case .penaltyDecision: "罚"
        case .noPenaltyDecision: "不罚"
        case .simpleDecision: "简罚"
        case .seizureDecision: "强"
        case .permitAcceptance: "受"
        case .permitDecision: "许"
        case .openingApproval, .inquiryRecord, .inspectionRecord, .investigationReport, .hearingRecord, .deliveryReceipt, .closingReport: nil
        }
    }

    /// Approvals, notices and decisions are signed by the head; records by a second officer of the case.
    public var signedByHead: Bool {
        switch self {
        case .inquiryRecord, .inspectionRecord, .hearingRecord, .deliveryReceipt: false
        default: true
        }
    }

    /// Decisions that end a penalty's decision stage.
    public var isDecision: Bool { [.penaltyDecision, .noPenaltyDecision, .simpleDecision, .permitDecision].contains(self) }

    /// 案卷排列顺序 — the order of documents in the case file (REC-10).
    public var fileOrder: Int { Self.allCases.firstIndex(of: self)! }

    /// 保管期限.
    public var retention: RetentionClass {
        switch self {
        case .penaltyDecision, .noPenaltyDecision, .permitDecision, .seizureDecision, .simpleDecision: .permanent
        case .openingApproval, .penaltyNotice, .hearingNotice, .hearingRecord, .investigationReport, .closingReport: .long
        default: .long
        }
    }

    /// What the document says, field by field; the keys are `DocumentField`s, and what the rules
    /// read of them is decoded by `DocumentTerms`.
    public var fields: [ListField] {
        switch self {
        case .openingApproval:
            [ListField(.facts, "案件来源及简要案情", .longText(max: 2000)), ListField(.basis, "立案依据", .longText(max: 500)),
             ListField(.opinion, "承办人意见", .longText(max: 500))]
        case .inquiryRecord:
            [ListField(.time, "询问时间", .text(max: 60)), ListField(.place, "询问地点", .text(max: 100)),
             ListField(.person, "被询问人", .text(max: 60)), ListField(.content, "询问内容", .longText(max: 8000))]
        case .inspectionRecord:
            [ListField(.time, "检查时间", .text(max: 60)), ListField(.place, "检查地点", .text(max: 100)),
             ListField(.present, "在场人员", .text(max: 200)), ListField(.content, "检查情况", .longText(max: 8000))]
        case .investigationReport:
            [ListField(.facts, "违法事实", .longText(max: 4000)), ListField(.evidence, "证据", .longText(max: 4000)),
             ListField(.basis, "法律依据", .longText(max: 1000)), ListField(.opinion, "处理意见", .longText(max: 1000))]
        case .penaltyNotice:
            [ListField(.facts, "违法事实", .longText(max: 4000)), ListField(.reasons, "理由及证据", .longText(max: 4000)),
             ListField(.basis, "依据", .longText(max: 1000)), ListField(.penalty, "拟作出的行政处罚", .longText(max: 1000)),
             ListField(.sanctions, "拟处罚种类", .choices(PenaltyKind.options), hint: "可多选（行政处罚法第九条）"),
             ListField(.fine, "拟罚款金额（元）", .text(max: 12), required: false, hint: "只填数字；不罚款的留空"),
             ListField(.confiscated, "拟没收违法所得、非法财物价值（元）", .text(max: 12), required: false, hint: "只填数字；不没收的留空"),
             ListField(.amountInvolved, "涉案金额（元）", .text(max: 12), required: false, hint: "货值金额、违法所得等，只填数字"),
             ListField(.hearing, "告知听证权利", .yesNo,
                       hint: "较大数额罚款或没收、降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业等，必须告知（行政处罚法第六十三条）"),
             ListField(.rights, "陈述、申辩及听证权利", .longText(max: 1000))]
        case .hearingNotice:
            [ListField(.date, "听证日期", .text(max: 10), hint: "YYYY-MM-DD"), ListField(.time, "时间", .text(max: 20)),
             ListField(.place, "听证地点", .text(max: 100)), ListField(.host, "听证主持人", .text(max: 30))]
        case .hearingRecord:
            [ListField(.content, "听证情况", .longText(max: 8000)), ListField(.opinion, "听证主持人意见", .longText(max: 1000))]
        case .penaltyDecision, .simpleDecision:
            [ListField(.facts, "违法事实", .longText(max: 4000)), ListField(.evidence, "证据", .longText(max: 4000)),
             ListField(.basis, "处罚依据", .longText(max: 1000)), ListField(.discretion, "裁量基准适用情况及理由", .longText(max: 1000)),
             ListField(.penalty, "处罚内容", .longText(max: 1000)),
             ListField(.sanctions, "处罚种类", .choices(PenaltyKind.options), hint: "可多选（行政处罚法第九条）"),
             ListField(.fine, "罚款金额（元）", .text(max: 12), required: false, hint: "只填数字；警告等不罚款的留空"),
             ListField(.confiscated, "没收违法所得、非法财物价值（元）", .text(max: 12), required: false, hint: "只填数字；不没收的留空"),
             ListField(.amountInvolved, "涉案金额（元）", .text(max: 12), required: false, hint: "货值金额、违法所得等，只填数字；法制审核目录按其与罚款中较大者判断"),
             ListField(.circumstance, "违法情节", .choice(DiscretionBenchmark.Circumstance.allCases.map { (code: $0.rawValue, label: $0.chineseName) }),
                       required: false, hint: "对照裁量基准（依据《中华人民共和国行政处罚法》第三十四条）"),
             ListField(.deviationReason, "超出裁量基准的理由", .longText(max: 1000), required: false, hint: "罚款超出基准范围时必填，并提示法制审核"),
             ListField(.payment, "履行方式和期限", .longText(max: 500)),
             ListField(.remedies, "救济途径和期限", .longText(max: 500))]
        case .noPenaltyDecision:
            [ListField(.facts, "违法事实", .longText(max: 4000)), ListField(.basis, "不予处罚的依据", .longText(max: 1000)),
             ListField(.firstOffence, "首次违法", .yesNo, hint: "首违不罚须同时满足三项（行政处罚法第三十三条）"),
             ListField(.minor, "危害后果轻微", .yesNo), ListField(.corrected, "及时改正", .yesNo),
             ListField(.remedies, "救济途径和期限", .longText(max: 500))]
        case .seizureDecision:
            [ListField(.reason, "理由和依据", .longText(max: 2000)), ListField(.items, "查封扣押的场所、设施或者财物清单", .longText(max: 4000)),
             ListField(.place, "查封扣押的地点", .text(max: 100)),
             ListField(.term, "期限（日）", .text(max: 2), hint: "不超过 30 日；情况复杂的，经负责人批准可延长一次，不超过 30 日（行政强制法第二十五条）"),
             ListField(.remedies, "救济途径和期限", .longText(max: 500))]
        case .permitAcceptance:
            [ListField(.applicant, "申请人", .text(max: 100)), ListField(.item, "申请事项", .text(max: 200)),
             ListField(.materials, "申请材料", .longText(max: 2000))]
        case .permitDecision:
            [ListField(.result, "许可决定", .choice(PermitResult.allCases.map { (code: $0.rawValue, label: $0.chineseName) })),
             ListField(.content, "许可内容或不予许可的理由", .longText(max: 2000)), ListField(.remedies, "救济途径和期限", .longText(max: 500))]
        case .deliveryReceipt:
            [ListField(.document, "送达文书", .text(max: 100), hint: "本案已出具、须送达当事人的文书"),
             ListField(.method, "送达方式", .choice(DocumentService.Method.allCases.map { (code: $0.rawValue, label: $0.chineseName) })),
             ListField(.consent, "受送达人书面同意电子送达", .yesNo, required: false, hint: "电子送达须经受送达人书面同意（民事诉讼法第九十条）"),
             ListField(.recipient, "受送达人", .text(max: 60)),
             ListField(.date, "送达日期", .text(max: 10), hint: "YYYY-MM-DD；公告送达填公告发布之日，满 30 日视为送达")]
        case .closingReport:
            [ListField(.summary, "处理结果及执行情况", .longText(max: 2000)), ListField(.opinion, "结案意见", .longText(max: 500))]
        }
    }
}

/// 保管期限 — how long a record is kept (REC-10).
public enum RetentionClass: String, Codable, Sendable {
    case permanent, long, short, surveillance

    public var chineseName: String {
        switch self {
        case .permanent: "永久"
        case .long: "长期（30 年）"
        case .short: "短期（10 年）"
        case .surveillance: "监控录像（不少于 30 日）"
        }
    }
}
