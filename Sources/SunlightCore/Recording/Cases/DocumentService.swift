import Foundation

/// 送达 — one service of one document on the party, as its 送达回证 records it (REC-14;
/// 行政处罚法 第六十一条, 民事诉讼法 第八十七条至第九十五条). The party's periods run from
/// the day the document counts as served, never from the day it was issued.
public struct DocumentService: Sendable, Equatable {
    /// 送达方式.
    public enum Method: String, Sendable, CaseIterable {
        case direct
        case left
        case mail
        case electronic
        case notice

        public var chineseName: String {
            switch self {
            case .direct: "直接送达"
            case .left: "留置送达"
            case .mail: "邮寄送达"
            case .electronic: "电子送达"
            case .notice: "公告送达"
            }
        }
    }

    /// 公告送达: the document counts as served thirty days after the notice is published
    /// (民事诉讼法 第九十五条).
    public static let publicNoticeDays = 30

    /// The 送达回证.
    public let receiptID: UUID
    /// The document served.
    public let documentID: UUID
    public let method: Method
    /// 送达日期 as recorded: the day handed over, left, signed for, received electronically, or
    /// for 公告 the day the notice was published.
    public let recordedOn: CivilDate

    /// The day the document counts as served: the recorded day, or thirty days after a public notice.
    public var servedOn: CivilDate {
        method == .notice ? recordedOn.adding(days: Self.publicNoticeDays) : recordedOn
    }
}

extension DocumentType {
    /// Documents that must reach the party, each through its own 送达回证 (REC-14): notices and
    /// decisions, not the case's internal records.
    public var mustBeServed: Bool {
        [.penaltyNotice, .hearingNotice, .penaltyDecision, .noPenaltyDecision, .simpleDecision, .seizureDecision,
         .permitAcceptance, .permitDecision].contains(self)
    }
}

extension CaseSnapshot {
    /// Every service the case's issued receipts record, in the order issued.
    public var services: [DocumentService] {
        issued(.deliveryReceipt).compactMap { receipt in
            guard let served = Self.servedDocument(of: receipt, among: documents), let on = receipt.terms.date else { return nil }
            return DocumentService(receiptID: receipt.id, documentID: served.id, method: receipt.terms.serviceMethod ?? .direct, recordedOn: on)
        }
    }

    /// The day `document` counts as served on the party — the earliest of its services — or
    /// `nil` while no receipt records its service.
    public func servedOn(_ document: CaseDocument) -> CivilDate? {
        services.filter { $0.documentID == document.id }.map(\.servedOn).min()
    }

    /// The case's issued decision, if any.
    public var decision: CaseDocument? { documents.last { $0.type.isDecision && $0.status == .issued } }

    /// The document a receipt serves: the one its 送达文书 names by ID; for receipts written
    /// before receipts named documents by ID, the issued document whose number (or, failing
    /// that, whose kind) the text names.
    static func servedDocument(of receipt: CaseDocument, among documents: [CaseDocument]) -> CaseDocument? {
        let servable = documents.filter { $0.type.mustBeServed && $0.status == .issued }
        if let id = receipt.terms.servedDocument { return servable.first { $0.id == id } }
        guard let text = receipt.text(.document) else { return nil }
        return servable.first { $0.number.map(text.contains) == true } ?? servable.last { text.contains($0.type.chineseName) }
    }
}

extension CaseRules {
    /// A receipt may be issued only for an issued document of the case that must be served,
    /// dated neither before that document was issued nor after today, and served electronically
    /// only with the party's written consent (REC-14; 民事诉讼法 第九十条).
    public static func checkService(_ receipt: CaseDocument, among documents: [CaseDocument], today: CivilDate) throws {
        guard receipt.type == .deliveryReceipt else { return }
        let terms = receipt.terms
        guard let id = terms.servedDocument,
              let served = documents.first(where: { $0.id == id && $0.caseID == receipt.caseID && $0.status == .issued }) else {
            throw SunlightError.invalid(DocumentField.document.rawValue, "请选择本案已出具、须送达当事人的文书", rule: .rec14)
        }
        guard served.type.mustBeServed else {
            throw SunlightError.invalid(DocumentField.document.rawValue, "\(served.type.chineseName)是案件内部文书，不需要送达当事人", rule: .rec14)
        }
        guard let on = terms.date else {
            throw SunlightError.invalid(DocumentField.date.rawValue, "送达日期格式应为 YYYY-MM-DD", rule: .rec14)
        }
        if let issued = served.issuedOn, on < issued {
            throw refuse(.rec14, "送达日期 \(on.iso) 早于\(served.type.chineseName)的出具日期 \(issued.iso)：文书出具前不能送达", code: "case.service_before_issue")
        }
        guard on <= today else {
            throw refuse(.rec14, "送达日期 \(on.iso) 晚于今天：只能登记已经完成的送达", code: "case.service_in_future")
        }
        if terms.serviceMethod == .electronic, !terms.electronicConsent {
            throw refuse(.rec14, "电子送达须经受送达人书面同意（《中华人民共和国民事诉讼法》第九十条）", code: "case.service_consent")
        }
    }
}
