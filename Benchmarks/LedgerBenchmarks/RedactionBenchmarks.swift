import Foundation
import SunlightCore

/// 脱敏 throughput (PUB-8): the whole redactor over a decision-like text, line by line as the
/// portal's fields are, for `rounds` rounds; prints MiB/s and findings for the baseline's comparison.
func redaction(file: URL, rounds: Int) throws {
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
    let redactor = Redactor(personNames: ["王小明", "李小红"], personalTerms: ["532328199002021222"], allowed: ["元谋县市场监督管理局"])
    var findings = 0
    let start = Date()
    for _ in 0..<rounds {
        findings = 0
        for line in lines { findings += redactor.redact(line).findings.count }
    }
    let seconds = Date().timeIntervalSince(start)
    let mib = Double(bytes * rounds) / 1_048_576
    print(String(format: "sunlight redactor: %.2f MiB in %.2f s (%.2f MiB/s), %d findings per round", mib, seconds, mib / seconds, findings))
}
