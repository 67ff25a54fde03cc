/// 数据范围 — which organisations' data an actor may read, change and administer (DOMAIN.md §0).
///
/// A user reads and changes the data of their own organisation. A supervisor also reads the
/// data of every organisation in their jurisdiction (a justice bureau supervises its
/// government's departments and everything below). An administrator administers the
/// organisations, users and tokens of their jurisdiction — and reads no operational record
/// (case, document, evidence file, review) of another organisation for it: administering is
/// not supervising (issue 15 item 5). Installation-wide settings (the holiday calendar) belong
/// to the administrator of the top organisation. Scope is enforced in the use cases.
public struct AccessScope: Sendable, Equatable {
    /// Path of the actor's own organisation.
    public let ownPath: String
    /// Path of the subtree a supervisor may read, if the actor supervises.
    public let supervisedPath: String?
    /// Path of the subtree an administrator may administer, if the actor administers.
    public let administeredPath: String?
    /// Whether the actor administers the whole installation (the top organisation's
    /// administrator, or the console).
    public let administersInstallation: Bool

    public init(ownPath: String, supervisedPath: String?, administeredPath: String?, administersInstallation: Bool = false) {
        self.ownPath = ownPath
        self.supervisedPath = supervisedPath
        self.administeredPath = administeredPath
        self.administersInstallation = administeredPath != nil && administersInstallation
    }

    /// The scope of a user in `organisation`, whose parent is `parent`.
    public init(user: StaffUser, organisation: Organisation, parent: Organisation?) {
        let root = OrganisationRules.jurisdictionRoot(of: organisation, parent: parent)
        self.init(ownPath: organisation.path,
                  supervisedPath: user.has(.supervisor) ? root.path : nil,
                  administeredPath: user.has(.administrator) ? root.path : nil,
                  administersInstallation: root.parentID == nil)
    }

    /// The operator at the console of the installation: everything.
    public static let everything = AccessScope(ownPath: "/", supervisedPath: "/", administeredPath: "/", administersInstallation: true)

    /// May read this organisation's operational data (cases, documents, files, reviews,
    /// publications, supervision records): its own staff and the supervisors above it.
    public func canRead(_ organisation: Organisation) -> Bool {
        organisation.path == ownPath || supervisedPath.map(organisation.path.hasPrefix) == true
    }

    /// May read this organisation's administrative data (its details, users, officers,
    /// catalogue): whoever may read its operational data, and its administrators.
    public func canReadAdministration(_ organisation: Organisation) -> Bool {
        canRead(organisation) || canAdminister(organisation)
    }

    /// May change this organisation's (operational) data.
    public func canChange(_ organisation: Organisation) -> Bool {
        ownPath == "/" || organisation.path == ownPath
    }

    /// May administer this organisation: its details, its users and their tokens.
    public func canAdminister(_ organisation: Organisation) -> Bool {
        administeredPath.map(organisation.path.hasPrefix) == true
    }

    /// The subtrees whose operational data this actor may read, for list queries.
    public var readablePaths: [String] { Self.widest([ownPath, supervisedPath].compactMap { $0 }) }

    /// The subtrees whose administrative data this actor may read.
    public var administrativePaths: [String] { Self.widest([ownPath, supervisedPath, administeredPath].compactMap { $0 }) }

    /// The paths with every one that lies inside another removed.
    private static func widest(_ candidates: [String]) -> [String] {
        var paths: [String] = []
        for path in candidates where !paths.contains(where: { path.hasPrefix($0) }) {
            paths.removeAll { $0.hasPrefix(path) }
            paths.append(path)
        }
        return paths
    }
}
