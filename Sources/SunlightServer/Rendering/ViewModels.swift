import Foundation
import SunlightCore
import Vapor

/// An organisation as a row of a tree or an option of a select.
struct OrganisationRow: Encodable {
    let id: String
    let name: String
    let shortName: String
    let kind: String
    let depth: Int
    /// Full-width spaces for indentation inside `<option>`, where CSS cannot indent.
    let indent: String

    init(_ node: OrganisationTree.Node) {
        id = node.organisation.id.uuidString.lowercased()
        name = node.organisation.name
        shortName = node.organisation.shortName
        kind = node.organisation.kind.chineseName + "（" + node.organisation.level.chineseName + "）"
        depth = min(node.depth, 6)
        indent = String(repeating: "　", count: node.depth)
    }

    static func rows(_ tree: OrganisationTree) -> [OrganisationRow] { tree.nodes.map(OrganisationRow.init) }
}

/// A choice in a select or a checkbox list.
struct Option: Encodable {
    let value: String
    let label: String
    var checked = false
}

enum Options {
    static func roles(checked: Set<Role> = []) -> [Option] {
        Role.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, checked: checked.contains($0)) }
    }

    static let kinds = OrganisationKind.allCases.map { Option(value: $0.rawValue, label: $0.chineseName) }
    static let levels = AdministrativeLevel.allCases.map { Option(value: $0.rawValue, label: $0.chineseName) }
    static let categories = EnforcementCategory.allCases.map { Option(value: $0.rawValue, label: $0.chineseName) }
    static let actions = AccessLogEntry.Action.allCases.map { Option(value: $0.rawValue, label: $0.chineseName) }
}

/// How a deadline state is shown: a CSS class and a word.
struct DeadlineBadge {
    let cssClass: String
    let text: String

    init(_ state: DeadlineState?) {
        cssClass = state?.rawValue ?? "unknown"
        text = state?.chineseName ?? "无法判断"
    }
}

extension Request {
    /// A UUID path parameter; anything else is an unknown record (404), not a server error.
    func uuid(_ name: String, _ what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw SunlightError.notFound(what) }
        return id
    }

    /// An optional `YYYY-MM-DD` in the query string: absent or empty is `nil`, malformed is invalid.
    func queryDate(_ key: String, rule: RuleID) throws -> CivilDate? {
        guard let text = query[String.self, at: key], !text.isEmpty else { return nil }
        guard let date = CivilDate(iso: text) else { throw SunlightError.invalid(key, "日期格式应为 YYYY-MM-DD", rule: rule) }
        return date
    }

    /// A file download of CSV that Excel opens as UTF-8.
    func csvResponse(_ text: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export.csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"export.csv\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

extension Optional where Wrapped == String {
    /// `—` for a missing value in a table cell.
    var orDash: String { self ?? "—" }
}

extension Option {
    /// An organisation, by its ID.
    init(_ organisation: Organisation) {
        self.init(value: organisation.id.uuidString.lowercased(), label: organisation.name)
    }
}
