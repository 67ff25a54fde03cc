import FluentKit
import SunlightCore

/// 010 — the records kept whole between organisations: coordination matters (SUP-3, SUP-7,
/// SUP-11, SUP-12, SUP-13), approval routes, joint meetings, supervision inspections, guiding
/// cases and assessments (SUP-4, SUP-8, SUP-10, SUP-11).
struct M010_Coordination: AsyncMigration {
    var name: String { "010_coordination" }

    static let tables = [CoordinationMatter.table, ApprovalRoute.table, JointMeeting.table, SupervisionInspection.table, GuidingCase.table,
                         AssessmentScheme.table, OrganisationAssessment.table, AssessmentFiling.table]

    func prepare(on database: any Database) async throws {
        for table in Self.tables { try await OrganisationStateTable(table: table).create(on: database) }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables.reversed() { try await OrganisationStateTable(table: table).delete(on: database) }
    }
}
