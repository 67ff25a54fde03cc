import Foundation
import SunlightCore

/// 办案期限摘要 in memory, as migration 022 keeps them.
struct MemoryCaseClockSummaryRepository: CaseClockSummaryRepository {
    let context: MemoryContext
    static let name = "case_clock_summaries"

    func save(_ summaries: [CaseClockSummary], removing removed: [EnforcementCase.ID]) async throws {
        try await context.write { tables in
            for id in removed { tables.caseClockSummaries[id] = nil }
            for summary in summaries { tables.caseClockSummaries[summary.caseID] = summary }
        }
    }

    func candidates(organisations: [Organisation.ID], dueBefore day: CivilDate) async throws -> [CaseClockSummary] {
        let wanted = Set(organisations)
        return context.read { $0.caseClockSummaries.values }.filter { summary in
            wanted.contains(summary.organisationID) && (summary.moving || (summary.earliestDue.map { $0 < day } ?? false))
        }.sorted { $0.caseID.uuidString < $1.caseID.uuidString }
    }

    func counts(organisations: [Organisation.ID], dueBefore day: CivilDate) async throws -> [Organisation.ID: Int] {
        let wanted = Set(organisations)
        var counts: [Organisation.ID: Int] = [:]
        for summary in context.read({ $0.caseClockSummaries.values })
        where wanted.contains(summary.organisationID) && (summary.earliestDue.map { $0 < day } ?? false) {
            counts[summary.organisationID, default: 0] += 1
        }
        return counts
    }

    func summaries(offset: Int, limit: Int) async throws -> [CaseClockSummary] {
        let all = context.read { $0.caseClockSummaries.values }.sorted { $0.caseID.uuidString.lowercased() < $1.caseID.uuidString.lowercased() }
        return Array(all.dropFirst(offset).prefix(limit))
    }

    func removeAll() async throws { try await context.write { $0.caseClockSummaries = [:] } }

    func builtVersion() async throws -> Int? { context.read { $0.readModels[Self.name] } }

    func markBuilt(version: Int) async throws { try await context.write { $0.readModels[Self.name] = version } }
}
