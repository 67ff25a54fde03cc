/// 案卷版式 — how the pages of a case file are written (REC-10): each issued document's A4
/// page and the contents page. Core decides what goes in the package and signs the manifest
/// over the bytes; `SunlightRendering.CaseFilePages` writes them.
public protocol CaseFileLayout: Sendable {
    /// The self-contained HTML page of one document.
    func page(_ sheet: DocumentSheet) -> String
    /// The contents page (`index.html`).
    func contents(_ contents: CaseFileContents) -> String
}
