/// 数据范围 — which organisations' data an actor may read, change and administer (DOMAIN.md §0).
///
/// A user reads and changes the data of their own organisation. A supervisor also reads the
/// data of every organisation in their jurisdiction (a justice bureau supervises its
/// government's departments and everything below). An administrator administers the
/// organisations, users and tokens of their jurisdiction. Scope is enforced in the use cases.
public struct AccessScope: Sendable, Equatable {
    /// Path of the actor's own organisation.
    public let ownPath: String
    /// Path of the subtree a supervisor may read, if the actor supervises.
    public let supervisedPath: String?
    /// Path of the subtree an administrator may administer, if the actor administers.
    public let administeredPath: String?

    public init(ownPath: String, supervisedPath: String?, administeredPath: String?) {
        self.ownPath = ownPath
        self.supervisedPath = supervisedPath
        self.administeredPath = administeredPath
    }

    /// The scope of a user in `organisation`, whose parent is `parent`.
    public init(user: StaffUser, organisation: Organisation, parent: Organisation?) {
        let jurisdiction = OrganisationRules.jurisdictionRoot(of: organisation, parent: parent).path
        self.init(ownPath: organisation.path,
                  supervisedPath: user.has(.supervisor) ? jurisdiction : nil,
                  administeredPath: user.has(.administrator) ? jurisdiction : nil)
    }

    /// The operator at the console of the installation: everything.
    public static let everything = AccessScope(ownPath: "/", supervisedPath: "/", administeredPath: "/")

    /// May read this organisation's data.
    public func canRead(_ organisation: Organisation) -> Bool {
        organisation.path == ownPath
            || supervisedPath.map(organisation.path.hasPrefix) == true
            || administeredPath.map(organisation.path.hasPrefix) == true
    }

    /// May change this organisation's (operational) data.
    public func canChange(_ organisation: Organisation) -> Bool {
        ownPath == "/" || organisation.path == ownPath
    }

    /// May administer this organisation: its details, its users and their tokens.
    public func canAdminister(_ organisation: Organisation) -> Bool {
        administeredPath.map(organisation.path.hasPrefix) == true
    }

    /// The widest subtree this actor may read, for list queries.
    public var readablePaths: [String] {
        var paths = [ownPath]
        for path in [supervisedPath, administeredPath].compactMap({ $0 })
        where !paths.contains(where: { path.hasPrefix($0) }) {
            paths.removeAll { $0.hasPrefix(path) }
            paths.append(path)
        }
        return paths
    }
}
