import Foundation
import SunlightCore

/// The record a ``StateRow`` table keeps whole in its `state` column, read straight from the
/// driver (``StoredRows``) for the lists pages show; the same `decode(stateJSON:)` as the model's.
enum StateColumnRow<Row: StateRow>: RowDecoding where Row.State: Sendable {
    static var table: String { Row.schema }
    static var columns: [String] { ["id", "state"] }

    static func decode(_ row: inout StoredRow) throws -> Row.State {
        let id: UUID = try row.next(), state: String = try row.next()
        do { return try Row.State.decode(stateJSON: state) } catch { throw StoreError.corrupt(table, id) }
    }
}
