/// 操作权限 — the one answer to "may this actor take this action on this record now?".
///
/// Each area declares its actions (`ComplaintAction`, `TransferAction`, …) and one
/// `Permissions` value per record that decides them: ``check(_:)`` throws exactly the refusal
/// the use case gives (a missing role, another organisation's record, or a step that is not
/// open now). The use case calls ``check(_:)`` before it changes anything; a page shows a
/// button, and an API response lists an action, exactly when it is in ``allowed``. No face
/// decides a permission on its own.
public protocol Permissions: Sendable {
    associatedtype Action: CaseIterable, Hashable, Sendable, RawRepresentable where Action.RawValue == String

    /// Throws the refusal unless the actor may take `action` now.
    func check(_ action: Action) throws
}

extension Permissions {
    /// Every action the actor may take now.
    public var allowed: Set<Action> { Set(Action.allCases.filter(allows)) }

    public func allows(_ action: Action) -> Bool { passes { try check(action) } }
}

/// Whether a permission check passes. A check reads no storage and refuses only with a
/// ``SunlightError``: that refusal is the answer "no". Anything else thrown is a defect in the
/// check, never a database error turned into "not allowed".
public func passes(_ check: () throws -> Void) -> Bool {
    do {
        try check()
        return true
    } catch is SunlightError {
        return false
    } catch {
        preconditionFailure("权限判定抛出了非拒绝错误：\(error)")
    }
}

/// The actions a page offers, as the names its forms carry (`complaint.assign`): what the
/// drift test compares with ``Permissions/allowed``.
public protocol NamedAction {
    /// The area's prefix, e.g. `complaint`.
    static var area: String { get }
}

extension NamedAction where Self: RawRepresentable, RawValue == String {
    /// `complaint.assign`.
    public var qualifiedName: String { "\(Self.area).\(rawValue)" }
}
