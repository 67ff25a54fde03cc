import Foundation
import SunlightCore

/// One option of a form's select or checkbox list: the value sent and the label shown.
struct Choice: Encodable {
    let code, label: String

    init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    /// An organisation, by its ID.
    init(_ organisation: Organisation) {
        self.init(code: organisation.id.uuidString.lowercased(), label: organisation.name)
    }
}
