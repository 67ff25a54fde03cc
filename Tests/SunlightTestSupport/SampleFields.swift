import Foundation
import SunlightCore

extension DocumentType {
    /// Every required field filled with plausible text (first choice, “否”), then `overrides`.
    public func sampleFields(_ overrides: [String: String] = [:]) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields where field.required {
            switch field.kind {
            case .text where field.key == "term": values[field.key] = "30"  // 查封扣押期限（日）, REC-16
            case .text, .longText: values[field.key] = "\(field.label)（示例）"
            case .choice(let options): values[field.key] = options[0].code
            case .choices: break
            case .yesNo: values[field.key] = "no"
            }
        }
        var sample = values.merging(overrides) { $1 }
        // 处罚种类 follow the amounts given: a fine, a confiscation, else a warning (REC-15).
        if fields.contains(where: { $0.key == "sanctions" }), sample["sanctions"] == nil {
            let kinds = [("fine", "fine"), ("confiscated", "confiscation")].filter { (Int(sample[$0.0] ?? "") ?? 0) > 0 }.map(\.1)
            sample["sanctions"] = kinds.isEmpty ? "warning" : kinds.joined(separator: ",")
        }
        return sample
    }
}
