import Foundation
import SunlightCore

/// 办案期限摘要 in memory, as migration 022 keeps them.
struct MemoryCaseClockSummaryRepository: CaseClockSummaryRepository {
    let context: MemoryContext

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
}

/// 法制审核线索 in memory, as migration 024 keeps them.
struct MemoryReviewFlagRepository: ReviewFlagRepository {
    let context: MemoryContext

    func replace(cases: [EnforcementCase.ID], with flags: [ReviewFlag]) async throws {
        try await context.write { tables in
            for id in cases { tables.reviewFlags[id] = nil }
            for flag in flags { tables.reviewFlags[flag.caseID, default: []].append(flag) }
        }
    }

    func flags(organisations: [Organisation.ID]) async throws -> [ReviewFlag] {
        let wanted = Set(organisations)
        return context.read { $0.reviewFlags.values.joined().filter { wanted.contains($0.organisationID) } }
            .sorted { ($0.on, $0.caseNumber) > ($1.on, $1.caseNumber) }
    }

    func all(offset: Int, limit: Int) async throws -> [ReviewFlag] {
        let all = context.read { $0.reviewFlags }.sorted { $0.key.uuidString.lowercased() < $1.key.uuidString.lowercased() }.flatMap(\.value)
        return Array(all.dropFirst(offset).prefix(limit))
    }

    func removeAll() async throws { try await context.write { $0.reviewFlags = [:] } }
}

/// 案件统计事实 in memory, as migration 025 keeps them; added up as the databases' `GROUP BY` does.
struct MemoryCaseFactRepository: CaseFactRepository {
    let context: MemoryContext

    func replace(cases: [EnforcementCase.ID], with facts: [CaseFacts]) async throws {
        try await context.write { tables in
            for id in cases { tables.caseFacts[id] = nil }
            for fact in facts { tables.caseFacts[fact.caseID] = fact }
        }
    }

    private func facts(_ organisations: [Organisation.ID], _ opened: ClosedRange<CivilDate>) -> [CaseFacts] {
        let wanted = Set(organisations)
        return context.read { $0.caseFacts.values.filter { wanted.contains($0.organisationID) && opened.contains($0.openedOn) } }
    }

    func tallies(organisations: [Organisation.ID], opened: ClosedRange<CivilDate>) async throws -> [CaseTally] {
        CaseTally.tally(facts(organisations, opened))
    }

    func stageTallies(organisations: [Organisation.ID], opened: ClosedRange<CivilDate>) async throws -> [StageTally] {
        StageTally.tally(facts(organisations, opened))
    }

    func all(offset: Int, limit: Int) async throws -> [CaseFacts] {
        let all = context.read { $0.caseFacts.values }.sorted { $0.caseID.uuidString.lowercased() < $1.caseID.uuidString.lowercased() }
        return Array(all.dropFirst(offset).prefix(limit))
    }

    func removeAll() async throws { try await context.write { $0.caseFacts = [:] } }
}

/// 读模型登记 in memory.
struct MemoryReadModelRepository: ReadModelRepository {
    let context: MemoryContext

    func builtVersion(of name: String) async throws -> Int? { context.read { $0.readModels[name] } }

    func markBuilt(_ name: String, version: Int) async throws { try await context.write { $0.readModels[name] = version } }
}
