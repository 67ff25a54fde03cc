/// 脱敏结果 — the redacted text of a decision plus every replacement that was made,
/// ready for the clerk's preview and confirmation before publication (rule PUB-8).
public struct RedactedText: Sendable, Equatable {
    /// The text with every finding replaced by its mask.
    public let text: String
    /// The replacements made, sorted by offset in the *original* text, never overlapping.
    public let findings: [RedactionFinding]

    /// Creates a result; normally only ``Redactor`` does this.
    public init(text: String, findings: [RedactionFinding]) {
        self.text = text
        self.findings = findings
    }
}
