/// The rules of the organisation tree (DOMAIN.md §0).
public enum OrganisationRules {
    /// Checks that an organisation of `kind` at `level` may sit under `parent`.
    ///
    /// Governments nest one level down (province → city → county → town); departments and
    /// justice bureaus sit under a government of their own level; a department may have
    /// internal units (its own level) below it.
    public static func validatePlacement(kind: OrganisationKind, level: AdministrativeLevel,
                                         under parent: Organisation?) throws {
        guard let parent else {
            guard kind == .government else {
                throw SunlightError.invalid("parentID", "顶层机构必须是人民政府；部门和司法行政机关必须隶属于某一级人民政府")
            }
            return
        }
        switch (kind, parent.kind) {
        case (.government, .government):
            guard level.rank == parent.level.rank + 1 else {
                throw SunlightError.invalid("level", "下级人民政府应比上级（\(parent.level.chineseName)）低一级")
            }
        case (.government, _):
            throw SunlightError.invalid("parentID", "人民政府只能隶属于上一级人民政府")
        case (.department, .government), (.justiceBureau, .government), (.department, .department):
            guard level == parent.level else {
                throw SunlightError.invalid("level", "部门的层级应与其所属的\(parent.name)相同（\(parent.level.chineseName)）")
            }
        case (.justiceBureau, _):
            throw SunlightError.invalid("parentID", "司法行政机关只能隶属于人民政府")
        case (.department, .justiceBureau):
            throw SunlightError.invalid("parentID", "部门不能隶属于司法行政机关")
        }
    }

    /// Checks the names of an organisation.
    public static func validateNames(name: String, shortName: String) throws {
        let name = name.trimmed, short = shortName.trimmed
        guard (2...60).contains(name.count) else { throw SunlightError.invalid("name", "机构名称应为 2–60 个字") }
        guard (1...10).contains(short.count) else { throw SunlightError.invalid("shortName", "机构简称应为 1–10 个字（用于文书编号，如“元市监”）") }
    }

    /// The root of the jurisdiction an organisation supervises or administers: a justice bureau's
    /// government (it supervises that government's departments and those below), else itself.
    public static func jurisdictionRoot(of organisation: Organisation, parent: Organisation?) -> Organisation {
        if organisation.kind == .justiceBureau, let parent { return parent }
        return organisation
    }
}

extension String {
    /// The string without leading and trailing white space.
    public var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
