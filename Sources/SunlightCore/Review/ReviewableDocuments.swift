import Foundation

extension DocumentType {
    /// 须经法制审核的决定 — the documents legal review gates when the catalogue says so: the
    /// decisions that end a case, and the 查封（扣押）决定书 of a coercive measure (REV-1, REV-2;
    /// 行政强制法 and 重大执法决定法制审核办法 treat it as an enforcement decision like the others).
    public var isReviewable: Bool { isDecision || self == .seizureDecision }

    /// Every type ``isReviewable`` holds for.
    static let reviewable = Set(DocumentType.allCases.filter(\.isReviewable))
}

