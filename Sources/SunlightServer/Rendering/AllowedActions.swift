import SunlightCore

/// A read model's allowed actions as a page's flags: `#if(can.assign):` shows the form whose
/// `data-action` is `complaint.assign`. Every action of the area is present, true or false, so a
/// template never asks for a flag that does not exist. The set comes from Core's
/// ``Permissions``; no page decides a permission itself.
enum Can {
    static func flags<A: CaseIterable & RawRepresentable & Hashable>(_ allowed: Set<A>) -> [String: Bool] where A.RawValue == String {
        Dictionary(uniqueKeysWithValues: A.allCases.map { ($0.rawValue, allowed.contains($0)) })
    }
}

extension Option {
    /// A member of staff, by their ID.
    init(_ person: PersonName) {
        self.init(value: person.id.uuidString.lowercased(), label: person.name)
    }
}
