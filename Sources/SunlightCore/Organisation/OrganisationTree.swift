/// 机构树 — organisations arranged for display: each with its depth, parents before children.
public struct OrganisationTree: Sendable {
    public struct Node: Sendable {
        public let organisation: Organisation
        public let depth: Int
    }

    public let nodes: [Node]

    /// Orders the organisations depth-first; siblings by kind (government, justice bureau,
    /// departments) and then by name, so a tree reads the way people expect.
    public init(_ organisations: [Organisation]) {
        let ids = Set(organisations.map(\.id))
        var children: [Organisation.ID?: [Organisation]] = [:]
        for organisation in organisations {
            // An organisation whose parent is not in the list is shown as a root.
            let key = organisation.parentID.flatMap { ids.contains($0) ? $0 : nil }
            children[key, default: []].append(organisation)
        }
        func order(_ o: Organisation) -> (Int, String) {
            let rank = switch o.kind { case .government: 0; case .justiceBureau: 1; case .department: 2 }
            return (rank, o.name)
        }
        var nodes: [Node] = []
        func visit(_ parent: Organisation.ID?, _ depth: Int) {
            for child in (children[parent] ?? []).sorted(by: { order($0) < order($1) }) {
                nodes.append(Node(organisation: child, depth: depth))
                visit(child.id, depth + 1)
            }
        }
        visit(nil, 0)
        self.nodes = nodes
    }
}
