import Foundation
import SunlightCore
import Vapor

/// 文书页面 — a document of a case: its fields (a form while it is a draft), who drafted and
/// signed it, what may happen to it next (REC-6), and for a penalty notice or decision the
/// discretion benchmark of the case's item with the matching range (STD-3).
struct DocumentPageModel: Encodable {
    struct FieldInput: Encodable {
        let key, label, value, hint: String
        let required, long, isChoice: Bool
        /// Any number of options, as checkboxes named `key-code` (`DocumentForm.fields`).
        let isMultiple: Bool
        /// The select starts on an empty option: optional, or a 是/否 nobody has answered yet.
        let blank: Bool
        let options: [Option]
    }

    struct Shown: Encodable { let label, value: String }

    struct Benchmark: Encodable { let circumstance, range, measures: String; let matched: Bool }

    let page: PageContext
    let caseID, caseNumber, caseTitle, type, typeCode, stage: String
    /// Empty for a new draft.
    let id: String
    let creating: Bool
    let status, statusClass, number, drafter, draftedAt, signer, signedAt, issuedOn, signerRule: String
    /// The draft form is shown (a new draft the reader may write, or a draft they may revise).
    let editable: Bool
    /// ``DocumentAction`` → allowed now.
    let can: [String: Bool]
    let fields: [FieldInput]
    let shown: [Shown]
    let showsBenchmarks: Bool
    let benchmarks: [Benchmark]
    let benchmarkNote: String?
    let discretionWarning: String?
    /// Why the notice must offer a hearing, computed from what it proposes (REC-15, art. 63).
    let hearingNote: String?
    let flagged: Bool
    let corrects: String?
    let error: String?
    /// 法制审核 of a decision (REV-2, REV-3); `nil` for other documents.
    let review: DocumentReviewBox?
    /// 当事人既往处罚 beside 首违不罚 (REC-15); only on a 不予行政处罚决定书.
    var partyHistory: PartyHistoryBox? = nil
}

extension DocumentPageModel {
    /// A new draft of `type` for the case's current stage.
    static func draft(_ type: DocumentType, detail: CaseDetail, request: Request, values: [String: String], error: String?) throws -> DocumentPageModel {
        try build(type: type, document: nil, actions: [], detail: detail, request: request, values: values, error: error)
    }

    static func existing(_ document: CaseDocument, actions: Set<DocumentAction>, detail: CaseDetail, request: Request, values: [String: String]?,
                         error: String?, review: DocumentReviewBox? = nil) throws -> DocumentPageModel {
        try build(type: document.type, document: document, actions: actions, detail: detail, request: request, values: values ?? document.fields,
                  error: error, review: review)
    }

    private static func build(type: DocumentType, document: CaseDocument?, actions: Set<DocumentAction>, detail: CaseDetail, request: Request,
                              values: [String: String], error: String?, review: DocumentReviewBox? = nil) throws -> DocumentPageModel {
        let actor = try request.requireStaff().actor
        let theCase = detail.enforcementCase
        let me = actor.user?.id
        func name(_ id: UUID?) -> String { id.flatMap { detail.names[$0] } ?? "—" }

        let status = document?.status
        let editable = document == nil ? detail.actions.contains(.draft) : actions.contains(.revise)
        let servable = detail.documents.filter { $0.type.mustBeServed && $0.status == .issued }
        let fields = type.fields.map { field -> FieldInput in
            var options: [Option] = []
            var long = false
            switch field.kind {
            case .text where type == .deliveryReceipt && field.key == DocumentField.document.rawValue:
                // 送达文书: one of the case's issued documents that must be served (REC-14).
                options = servable.map { Option(value: $0.id.uuidString.lowercased(), label: DocumentDefaults.title(of: $0),
                                                checked: values[field.key] == $0.id.uuidString.lowercased()) }
            case .choice(let choices): options = choices.map { Option(value: $0.code, label: $0.label, checked: values[field.key] == $0.code) }
            case .choices(let choices):
                let chosen = Set((values[field.key] ?? "").split(separator: ",").map(String.init))
                options = choices.map { Option(value: $0.code, label: $0.label, checked: chosen.contains($0.code)) }
            case .yesNo:
                // Nothing is pre-filled: the hearing right is answered, never assumed away (REC-15).
                options = [Option(value: "no", label: "否", checked: values[field.key] == "no"), Option(value: "yes", label: "是", checked: values[field.key] == "yes")]
            case .longText: long = true
            case .text: break
            }
            let multiple = if case .choices = field.kind { true } else { false }
            return FieldInput(key: field.key, label: field.label, value: values[field.key] ?? "", hint: field.hint ?? "", required: field.required,
                              long: long, isChoice: !options.isEmpty, isMultiple: multiple,
                              blank: !field.required || (field.kind == .yesNo && values[field.key] == nil), options: options)
        }
        let shown = type.fields.compactMap { field -> Shown? in
            guard let value = document?.fields[field.key], !value.isEmpty else { return nil }
            if type == .deliveryReceipt, field.key == DocumentField.document.rawValue,
               let served = servable.first(where: { $0.id == document?.terms.servedDocument }) {
                return Shown(label: field.label, value: DocumentDefaults.title(of: served))
            }
            return Shown(label: field.label, value: field.display(value))
        }

        // STD-3: the benchmark of the case's item, the range the chosen circumstance falls in, and a fine outside it.
        let showsBenchmarks = [.penaltyNotice, .penaltyDecision, .simpleDecision].contains(type)
        let terms = DocumentTerms(values)
        let circumstance = terms.circumstance
        let fine = terms.fine
        let benchmarks = detail.benchmarks.map { benchmark in
            Benchmark(circumstance: benchmark.circumstance.chineseName, range: "\(benchmark.minFine)–\(benchmark.maxFine) 元",
                      measures: benchmark.measures.isEmpty ? "—" : benchmark.measures, matched: benchmark.circumstance == circumstance)
        }
        var note: String?
        var warning: String?
        if showsBenchmarks {
            if theCase.itemEntryID == nil {
                note = "本案立案时未选择执法事项，无法对照裁量基准。"
            } else if detail.benchmarks.isEmpty {
                note = "本机构尚未为本案的执法事项设定裁量基准（负责人可在“音像记录清单与裁量基准”中设定）。"
            } else if circumstance == nil, type != .penaltyNotice {
                note = "请选择“违法情节”，对照相应的裁量基准。"
            }
            if let circumstance, let fine, let benchmark = detail.benchmarks.first(where: { $0.circumstance == circumstance }), !benchmark.allows(fine) {
                warning = "罚款 \(fine) 元超出“\(circumstance.chineseName)”情节的裁量基准（\(benchmark.minFine)–\(benchmark.maxFine) 元）："
                    + "须在“超出裁量基准的理由”中写明理由，并提交法制审核（依据《中华人民共和国行政处罚法》第三十四条）"
            }
            if let circumstance, !detail.benchmarks.isEmpty, !detail.benchmarks.contains(where: { $0.circumstance == circumstance }) {
                note = "“\(circumstance.chineseName)”情节尚未设定裁量基准。"
            }
        }

        var hearingNote: String?
        if type == .penaltyNotice {
            let reasons = request.sunlight.settings.hearing.reasons(for: terms, parties: detail.parties)
            if !reasons.isEmpty {
                hearingNote = "依据《中华人民共和国行政处罚法》第六十三条，\(reasons.joined(separator: "；"))的，应当告知当事人有权要求听证。"
            }
        }

        let stage = document?.stage ?? theCase.stage
        return DocumentPageModel(
            page: CaseText.page(request, title: document.map { "\(type.chineseName)（\($0.status.chineseName)）" } ?? "起草\(type.chineseName)"),
            caseID: theCase.id.uuidString.lowercased(), caseNumber: theCase.number, caseTitle: theCase.title, type: type.chineseName,
            typeCode: type.rawValue, stage: CaseText.stageName(stage, in: theCase), id: document?.id.uuidString.lowercased() ?? "",
            creating: document == nil, status: status?.chineseName ?? "新起草", statusClass: status?.rawValue ?? "draft",
            number: document?.number ?? (type.numberCode == nil && type != .openingApproval ? "（本文书不编号）" : "出具时编号"),
            drafter: name(document?.draftedBy ?? me), draftedAt: document.map { ChinaTime.minuteText($0.draftedAt) } ?? "—",
            signer: document?.signedBy.map { name($0) } ?? "尚未签发", signedAt: document?.signedAt.map(ChinaTime.minuteText) ?? "",
            issuedOn: CaseText.date(document?.issuedOn),
            signerRule: type.signedByHead ? "由负责人审签" : "由制作人以外的另一名承办人员核对签名",
            editable: editable, can: Can.flags(actions), fields: fields, shown: shown, showsBenchmarks: showsBenchmarks, benchmarks: benchmarks,
            benchmarkNote: note, discretionWarning: warning, hearingNote: hearingNote, flagged: document?.terms.exceedsDiscretion == true,
            corrects: document?.corrects.map { $0.uuidString.lowercased() }, error: error, review: review)
    }
}

/// What a new draft starts with, from what the case already records: the party, the notice's
/// facts and fine for the decision, the decision's number for the delivery receipt, and the
/// standard wording of rights and remedies.
enum DocumentDefaults {
    static let remedies = DecisionText.standardRemedies
    static let rights = "你（单位）有权进行陈述和申辩。请在收到本告知书之日起三个工作日内提出；逾期视为放弃陈述和申辩的权利。"
    static let payment = "自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款；逾期不缴纳的，每日按罚款数额的百分之三加处罚款。"

    /// How a served document is named on a receipt: 行政处罚决定书 元市监罚〔2026〕3号.
    static func title(of document: CaseDocument) -> String {
        [document.type.chineseName, document.number ?? document.issuedOn.map { "（\($0.iso) 出具）" } ?? ""].joined(separator: " ")
    }

    static func values(for type: DocumentType, in detail: CaseDetail, today: CivilDate) -> [String: String] {
        let party = detail.parties.first?.name ?? ""
        let notice = detail.snapshot.issued(.penaltyNotice).last
        let decision = detail.documents.last { $0.type.isDecision && $0.status == .issued }
        switch type {
        case .inquiryRecord: return ["time": today.chinese, "person": party]
        case .inspectionRecord: return ["time": today.chinese, "present": party]
        case .penaltyNotice: return ["rights": rights]
        case .penaltyDecision, .simpleDecision:
            var values = ["payment": payment, "remedies": remedies]
            for key in [DocumentField.facts, .basis, .sanctions, .fine, .confiscated] { values[key] = notice?.fields[key] }
            return values
        case .noPenaltyDecision, .seizureDecision, .permitDecision: return ["remedies": remedies]
        case .deliveryReceipt:
            // The newest issued document not yet served: usually the decision, or the notice before it.
            let served = Set(detail.snapshot.services.map(\.documentID))
            let next = detail.documents.last { $0.type.mustBeServed && $0.status == .issued && !served.contains($0.id) } ?? decision
            return ["document": next.map { $0.id.uuidString.lowercased() } ?? "", "method": "direct", "recipient": party, "date": today.iso]
        default: return [:]
        }
    }
}

/// A document form as posted: a multiple-choice field arrives as one checkbox per option
/// (`sanctions-fine=yes`), folded here into the field's stored value (`sanctions=warning,fine`).
enum DocumentForm {
    static func fields(from posted: [String: String], type: DocumentType? = nil) -> [String: String] {
        var fields = posted
        for field in type.map(\.fields) ?? DocumentType.allCases.flatMap(\.fields) {
            guard case .choices(let options) = field.kind, fields[field.key] == nil else { continue }
            fields[field.key] = options.filter { posted["\(field.key)-\($0.code)"] != nil }.map(\.code).joined(separator: ",")
        }
        return fields
    }
}
