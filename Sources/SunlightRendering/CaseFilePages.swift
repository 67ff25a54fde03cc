import SunlightCore

/// 案卷版式 — the HTML pages of a case file (REC-10): each document's A4 page and the contents
/// page, as ``DocumentSheet/html`` and ``CaseFileContents/html`` write them.
public struct CaseFilePages: CaseFileLayout {
    public init() {}

    public func page(_ sheet: DocumentSheet) -> String { sheet.html }

    public func contents(_ contents: CaseFileContents) -> String { contents.html }
}
