import FluentKit
import Foundation
import SunlightCore

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "kind") var kind: String
    @Field(key: "level") var level: String
    @Field(key: "path") var path: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ o: Organisation) {
        id = o.id
        apply(o)
        createdAt = o.createdAt
    }

    func apply(_ o: Organisation) {
        parentID = o.parentID
        name = o.name
        shortName = o.shortName
        kind = o.kind.rawValue
        level = o.level.rawValue
        path = o.path
    }

    func domain() throws -> Organisation {
        guard let kind = OrganisationKind(rawValue: kind), let level = AdministrativeLevel(rawValue: level) else {
            throw StoreError.corrupt("organisations", id)
        }
        return Organisation(id: try requireID(), parentID: parentID, name: name, shortName: shortName, kind: kind,
                            level: level, path: path, createdAt: createdAt)
    }
}

/// A stored row that the domain cannot read back: a defect or tampering, never user input.
struct StoreError: Error, CustomStringConvertible {
    let description: String

    static func corrupt(_ table: String, _ id: UUID?) -> StoreError {
        StoreError(description: "表 \(table) 的记录 \(id?.uuidString ?? "?") 内容无效")
    }
}

/// A row that keeps its record whole in a `state` column (publications, draws, complaints,
/// instruments, referrals, transfers): read back the same way, or reported as corrupt.
protocol StateRow: Model where IDValue == UUID {
    associatedtype State: StoredState
    var state: String { get }
}

extension StateRow {
    func domain() throws -> State {
        guard let value = try? State.decode(stateJSON: state) else { throw StoreError.corrupt(Self.schema, id) }
        return value
    }
}
