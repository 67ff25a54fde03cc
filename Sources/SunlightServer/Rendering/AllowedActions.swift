import SunlightCore

/// A read model's allowed actions as a page's flags, keyed by the action's Swift name:
/// `#if(can.recordOutcome):` shows the form whose `data-action` is `transfer.outcome` (the raw
/// value, which is also the form's address). Every action of the area is present, true or false,
/// so a template never asks for a flag that does not exist. The set comes from Core's
/// ``Permissions``; no page decides a permission itself.
enum Can {
    static func flags<A: CaseIterable & Hashable>(_ allowed: Set<A>) -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: A.allCases.map { (String(describing: $0), allowed.contains($0)) })
    }
}

extension Option {
    /// A member of staff, by their ID.
    init(_ person: PersonName) {
        self.init(value: person.id.uuidString.lowercased(), label: person.name)
    }
}
