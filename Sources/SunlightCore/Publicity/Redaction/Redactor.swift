/// 脱敏器 — automatic redaction of a decision's text before publication (rule PUB-8:
/// no state secrets, trade secrets or personal privacy are published).
///
/// Finds ID-card numbers, mobile and landline numbers, bank card/account numbers,
/// e-mail addresses, detailed home addresses, licence plates and names of natural
/// persons, and replaces each with a mask that keeps only what the publication
/// practice allows (`532328********123X`, `138****8000`, `张某某`, `元谋县元马镇***`).
/// The result is a preview: a clerk confirms it before publication.
///
/// Detection runs every rule over the text, resolves overlaps (``OverlapResolver``)
/// and re-checks its own output (``RedactionPass``), so redaction is idempotent:
/// redacting already-redacted text finds nothing new.
/// A value is immutable and `Sendable`; one instance can serve many threads.
public struct Redactor: Sendable {
    private let known: KnownTerms

    /// - Parameters:
    ///   - personNames: names of natural persons known from the case's parties
    ///     (always redacted, everywhere in the text).
    ///   - personalTerms: other exact personal strings known from the case (a party's
    ///     address, phone, ID) — always masked.
    ///   - allowed: strings never redacted (the organisation's own name, public phone,
    ///     public address): any finding overlapping one of them is dropped.
    public init(personNames: [String] = [], personalTerms: [String] = [], allowed: [String] = []) {
        known = KnownTerms(personNames: personNames, personalTerms: personalTerms, allowed: allowed)
    }

    /// How many times the output is re-checked (see ``RedactionPass``); in practice
    /// the first re-check finds nothing.
    private static let maximumRechecks = 3

    /// Redacts `text`: every finding is replaced by its mask.
    public func redact(_ text: String) -> RedactedText {
        let pass = redactionPass(text)
        return RedactedText(text: String(pass.output), findings: findings(of: pass))
    }

    /// The same detection as ``redact(_:)``, reported without the rewritten text —
    /// used to audit text that has already been published.
    public func findings(in text: String) -> [RedactionFinding] {
        findings(of: redactionPass(text))
    }

    private func redactionPass(_ text: String) -> RedactionPass {
        let scan = ScanText(text)
        var pass = RedactionPass(input: scan.chars, resolved: resolvedCandidates(in: scan))
        for _ in 0..<Redactor.maximumRechecks {
            let extra = resolvedCandidates(in: ScanText(chars: pass.output))
            if extra.isEmpty { break }
            pass.fold(extra)
        }
        return pass
    }

    private func findings(of pass: RedactionPass) -> [RedactionFinding] {
        pass.findings.map { applied in
            RedactionFinding(
                kind: applied.kind,
                original: String(pass.input[applied.range]),
                replacement: String(applied.replacement),
                offset: applied.range.lowerBound
            )
        }
    }

    /// Runs every detector, then resolves overlaps (see ``OverlapResolver``).
    private func resolvedCandidates(in scan: ScanText) -> [Candidate] {
        var candidates = known.candidates(in: scan)
        candidates += LongNumberDetector.candidates(in: scan)
        candidates += MobileDetector.candidates(in: scan)
        candidates += LandlineDetector.candidates(in: scan)
        candidates += EmailDetector.candidates(in: scan)
        candidates += AddressDetector.candidates(in: scan)
        candidates += PlateDetector.candidates(in: scan)
        candidates += PersonNameDetector.candidates(in: scan)
        return OverlapResolver.resolve(candidates, allowed: known.allowedRanges(in: scan), textLength: scan.count)
    }

}
