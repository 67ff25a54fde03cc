import Foundation
import SunlightCore

/// 案件汇总查询 in memory — the same selections as the SQL store's WHERE and GROUP BY.
extension MemoryCaseRepository {
    /// Whether a case is one of these organisations' and matches the filter (the text, a
    /// substring of the title or the number ignoring case, taken literally).
    static func matches(_ c: EnforcementCase, _ organisations: Set<Organisation.ID>, _ filter: CaseFilter) -> Bool {
        guard organisations.contains(c.organisationID) else { return false }
        if let statuses = filter.statuses, !statuses.contains(c.status) { return false }
        if let category = filter.category, c.category != category { return false }
        if let from = filter.openedFrom, c.openedOn < from { return false }
        if let to = filter.openedTo, c.openedOn > to { return false }
        if let text = filter.text, !text.isEmpty, !MemoryText.contains(c.title, text), !MemoryText.contains(c.number, text) { return false }
        return true
    }

    static func newestFirst(_ cases: [EnforcementCase]) -> [EnforcementCase] {
        cases.sorted { ($0.openedAt, $1.id.uuidString) > ($1.openedAt, $0.id.uuidString) }
    }

    func matching(organisations: [Organisation.ID], filter: CaseFilter) async throws -> [EnforcementCase] {
        let wanted = Set(organisations)
        return Self.newestFirst(context.read { $0.cases }.filter { Self.matches($0, wanted, filter) })
    }

    func countsByCategory(organisations: [Organisation.ID], filter: CaseFilter) async throws -> [EnforcementCategory: Int] {
        let wanted = Set(organisations)
        return Dictionary(grouping: context.read { $0.cases }.filter { Self.matches($0, wanted, filter) }, by: \.category).mapValues(\.count)
    }

    func events(organisations: [Organisation.ID], cases filter: CaseFilter, kinds: Set<CaseEvent.Kind>,
                dates: ClosedRange<CivilDate>?) async throws -> [CaseEvent] {
        let wanted = Set(organisations)
        let (cases, events) = context.read { ($0.cases, $0.caseEvents) }
        let selected = Set(cases.filter { Self.matches($0, wanted, filter) }.map(\.id))
        return events.filter { selected.contains($0.caseID) && kinds.contains($0.kind) && (dates?.contains($0.on) ?? true) }
    }

    func reviewable(organisations: [Organisation.ID], decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase] {
        let wanted = Set(organisations)
        let (cases, documents, records) = context.read { ($0.cases, $0.documents, $0.reviewRecords) }
        let decided = Set(documents.filter { $0.status == .issued && decisionTypes.contains($0.type) }.map(\.caseID))
        let reviewed = Set(records.map(\.caseID))
        return Self.newestFirst(cases.filter {
            wanted.contains($0.organisationID) && !$0.simple && (decided.contains($0.id) || reviewed.contains($0.id))
        })
    }

    func referable(organisations: [Organisation.ID], filter: CaseFilter, decisionTypes: Set<DocumentType>) async throws -> [EnforcementCase] {
        let wanted = Set(organisations)
        let (cases, documents, parties) = context.read { ($0.cases, $0.documents, $0.parties) }
        let decided = Set(documents.filter { $0.status == .issued && decisionTypes.contains($0.type) }.map(\.caseID))
        let flagged = Set(parties.filter(\.partyMemberOrOfficial).map(\.caseID))
        return Self.newestFirst(cases.filter { Self.matches($0, wanted, filter) && decided.contains($0.id) && flagged.contains($0.id) })
    }
}

extension MemoryCaseRecordRepository {
    func issuedDocuments(organisations: [Organisation.ID], field: String, value: String) async throws -> [CaseDocument] {
        let wanted = Set(organisations)
        let (cases, documents) = context.read { ($0.cases, $0.documents) }
        let selected = Set(cases.filter { wanted.contains($0.organisationID) }.map(\.id))
        return documents.filter { selected.contains($0.caseID) && $0.status == .issued && $0.fields[field] == value }
            .sorted { ($0.draftedAt, $0.id.uuidString) < ($1.draftedAt, $1.id.uuidString) }
    }

    func documents(organisations: [Organisation.ID], status: CaseDocument.Status) async throws -> [CaseDocument] {
        let wanted = Set(organisations)
        let (cases, documents) = context.read { ($0.cases, $0.documents) }
        let selected = Set(cases.filter { wanted.contains($0.organisationID) }.map(\.id))
        return documents.filter { selected.contains($0.caseID) && $0.status == status }
            .sorted { ($0.draftedAt, $0.id.uuidString) < ($1.draftedAt, $1.id.uuidString) }
    }
}
