import Foundation
import SunlightCore

extension DocumentType {
    /// Every required field filled with plausible text (first choice, “否”), then `overrides`.
    public func sampleFields(_ overrides: [String: String] = [:]) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields where field.required {
            switch field.kind {
            case .text, .longText: values[field.key] = "\(field.label)（示例）"
            case .choice(let options): values[field.key] = options[0].code
            case .yesNo: values[field.key] = "no"
            }
        }
        return values.merging(overrides) { $1 }
    }
}
