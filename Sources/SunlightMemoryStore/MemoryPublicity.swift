import Foundation
import SunlightCore

/// Append-only evidence files.
struct MemoryEvidenceRepository: EvidenceRepository {
    let context: MemoryContext

    func insert(_ files: [EvidenceFile]) async throws {
        for file in files { try await insert(file) }
    }

    func insert(_ file: EvidenceFile) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.evidenceFiles, \.id, file.id, "音像记录")
            t.evidenceFiles.append(file)
        }
    }

    func find(_ id: EvidenceFile.ID) async throws -> EvidenceFile? {
        context.read { $0.evidenceFiles.first { $0.id == id } }
    }

    func list(in organisations: [Organisation.ID], limit: Int) async throws -> [EvidenceFile] {
        let wanted = Set(organisations)
        return context.read { $0.evidenceFiles }.filter { wanted.contains($0.organisationID) }
            .stableSorted { $0.uploadedAt > $1.uploadedAt }.limited(limit)
    }

    func chronological(offset: Int, limit: Int) async throws -> [EvidenceFile] {
        context.read { $0.evidenceFiles }.sorted { ($0.uploadedAt, $0.id.uuidString) < ($1.uploadedAt, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }
}

struct MemoryListEntryRepository: ListEntryRepository {
    let context: MemoryContext

    func insert(_ version: ListEntryVersion) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.listEntries, \.id, version.id, "清单条目版本")
            if t.listEntries.contains(where: { $0.entryID == version.entryID && $0.version == version.version }) {
                throw MemoryStoreError(description: "清单条目版本号 已存在（唯一约束）")
            }
            t.listEntries.append(version)
        }
    }

    /// Only the check (status, checker, time, note) changes.
    func update(_ version: ListEntryVersion) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.listEntries, \.id, version.id, missing: SunlightError.notFound("清单条目"))
            t.listEntries[i].status = version.status
            t.listEntries[i].checkedBy = version.checkedBy
            t.listEntries[i].checkedAt = version.checkedAt
            t.listEntries[i].checkNote = version.checkNote
        }
    }

    func find(_ id: ListEntryVersion.ID) async throws -> ListEntryVersion? {
        context.read { $0.listEntries.first { $0.id == id } }
    }

    func versions(entryID: UUID) async throws -> [ListEntryVersion] {
        context.read { $0.listEntries }.filter { $0.entryID == entryID }.sorted { $0.version < $1.version }
    }

    func versions(kind: ListKind?, organisations: [Organisation.ID], statuses: [ListEntryVersion.Status]) async throws -> [ListEntryVersion] {
        let wanted = Set(organisations)
        return context.read { $0.listEntries }.filter {
            wanted.contains($0.organisationID) && statuses.contains($0.status) && (kind == nil || $0.kind == kind)
        }.stableSorted { $0.draftedAt < $1.draftedAt }
    }

    func recentlyChecked(organisations: [Organisation.ID]?, limit: Int) async throws -> [ListEntryVersion] {
        let wanted = organisations.map(Set.init)
        return context.read { $0.listEntries }.filter { $0.checkedAt != nil && (wanted?.contains($0.organisationID) ?? true) }
            .stableSorted { $0.checkedAt! > $1.checkedAt! }.limited(limit)
    }

    func chronological(offset: Int, limit: Int) async throws -> [ListEntryVersion] {
        context.read { $0.listEntries }.sorted { ($0.draftedAt, $0.id.uuidString) < ($1.draftedAt, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }
}

struct MemoryOfficerRecordRepository: OfficerRecordRepository {
    let context: MemoryContext

    func insert(review: CertificateReview) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.certificateReviews, \.id, review.id, "年度审验")
            t.certificateReviews.append(review)
        }
    }

    func insert(training: TrainingRecord) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.trainings, \.id, training.id, "培训记录")
            t.trainings.append(training)
        }
    }

    func reviews(certificates: [EnforcementCertificate.ID]) async throws -> [CertificateReview] {
        let wanted = Set(certificates)
        return context.read { $0.certificateReviews }.filter { wanted.contains($0.certificateID) }.stableSorted { $0.year < $1.year }
    }

    func trainings(users: [StaffUser.ID]) async throws -> [TrainingRecord] {
        let wanted = Set(users)
        return context.read { $0.trainings }.filter { wanted.contains($0.userID) }.stableSorted { $0.date < $1.date }
    }
}

/// The portal's search as `SearchText` decides it: every folded word (split on white space, at
/// most eight) in the title line or the body; more words in the title first, then newest, ties
/// by ID; at most 500.
struct MemorySearchRepository: SearchRepository {
    let context: MemoryContext

    func upsert(_ document: SearchDocument) async throws {
        try await context.write { t in
            t.searchDocuments.removeAll { $0.id == document.id }
            t.searchDocuments.append(document)
        }
    }

    func remove(id: String) async throws {
        try await context.write { t in t.searchDocuments.removeAll { $0.id == id } }
    }

    func search(_ query: String, organisations: [Organisation.ID]?, limit: Int) async throws -> [SearchDocument] {
        let words = SearchText.words(query)
        guard !words.isEmpty, organisations?.isEmpty != true else { return [] }
        let wanted = organisations.map(Set.init)
        return context.read { $0.searchDocuments }.filter { d in
            (wanted?.contains(d.organisationID) ?? true) && SearchText.matches(d.searchText, words: words)
        }.map { (SearchText.score($0.searchText, words: words), $0) }
            .sorted { ($0.0, $0.1.updatedAt, $1.1.id) > ($1.0, $1.1.updatedAt, $0.1.id) }
            .map(\.1).limited(max(1, min(limit, 500)))
    }

    func documents(offset: Int, limit: Int) async throws -> [SearchDocument] {
        context.read { $0.searchDocuments }.sorted { $0.id < $1.id }.page(offset: offset, limit: limit)
    }

    /// The memory store keeps no separate index.
    func indexMismatches() async throws -> [String] { [] }
}

struct MemoryPublicationRepository: PublicationRepository {
    let context: MemoryContext

    func insert(_ publications: [DecisionPublication]) async throws {
        for publication in publications { try await insert(publication) }
    }

    func insert(_ publication: DecisionPublication) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.publications, \.id, publication.id, "决定公开")
            try MemoryTables.unique(t.publications, \.documentID, publication.documentID, "决定文书")
            t.publications.append(publication)
        }
    }

    func update(_ publication: DecisionPublication) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.publications, \.id, publication.id,
                                           missing: MemoryStoreError(description: "表 decision_publications 的记录 \(publication.id) 不存在"))
            t.publications[i] = publication
        }
    }

    func find(_ id: DecisionPublication.ID) async throws -> DecisionPublication? {
        context.read { $0.publications.first { $0.id == id } }
    }

    func find(document: UUID) async throws -> DecisionPublication? {
        context.read { $0.publications.first { $0.documentID == document } }
    }

    /// Newest decision first, then by number, descending.
    func list(organisations: [Organisation.ID], statuses: Set<DecisionPublication.Status>) async throws -> [DecisionPublication] {
        let wanted = Set(organisations)
        return context.read { $0.publications }.filter { wanted.contains($0.organisationID) && (statuses.isEmpty || statuses.contains($0.status)) }
            .sorted { ($0.decidedOn, $0.number) > ($1.decidedOn, $1.number) }
    }

    func pending(organisations: [Organisation.ID]) async throws -> [DecisionPublication] {
        try await list(organisations: organisations, statuses: []).filter { $0.pendingStep != nil }
    }

    /// Published or withdrawn; every word in the number or the published text (never the
    /// unredacted fields); more words in the number first, then newest decision, ties by ID; a
    /// page of at most 5000.
    func publicDecisions(_ filter: DecisionFilter) async throws -> [DecisionPublication] {
        if filter.organisations?.isEmpty == true { return [] }
        let wanted = filter.organisations.map(Set.init)
        let words = filter.words
        return context.read { $0.publications }.filter { p in
            guard p.status == .published || p.status == .withdrawn else { return false }
            if let wanted, !wanted.contains(p.organisationID) { return false }
            if let category = filter.category, p.category != category { return false }
            if let from = filter.from, p.decidedOn < from { return false }
            if let to = filter.to, p.decidedOn > to { return false }
            return SearchText.matches(p.searchText, words: words)
        }.map { (SearchText.score($0.searchText, words: words), $0) }
            .sorted { ($0.0, $0.1.decidedOn, $1.1.id.uuidString) > ($1.0, $1.1.decidedOn, $0.1.id.uuidString) }.map(\.1)
            .page(offset: max(0, filter.offset), limit: max(1, min(filter.limit, 5000)))
    }

    func chronological(offset: Int, limit: Int) async throws -> [DecisionPublication] {
        context.read { $0.publications }.sorted { UUID.ascending($0.id, $1.id) }.page(offset: offset, limit: limit)
    }

    /// The memory store keeps no separate query columns.
    func queryColumnMismatches() async throws -> [DecisionPublication.ID] { [] }

    func append(_ events: [PublicationEvent]) async throws {
        for event in events { try await append(event) }
    }

    func append(_ event: PublicationEvent) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.publicationEvents, \.id, event.id, "公开记录")
            t.publicationEvents.append(event)
        }
    }

    func events(of publication: DecisionPublication.ID) async throws -> [PublicationEvent] {
        context.read { $0.publicationEvents }.filter { $0.publicationID == publication }
    }

    func events(offset: Int, limit: Int) async throws -> [PublicationEvent] {
        context.read { $0.publicationEvents }.page(offset: offset, limit: limit)
    }

    func policies() async throws -> [PublicationPolicy] {
        context.read { $0.policies }.sorted { $0.category.rawValue < $1.category.rawValue }
    }

    func save(_ policy: PublicationPolicy) async throws {
        try await context.write { t in
            t.policies.removeAll { $0.category == policy.category }
            t.policies.append(policy)
        }
    }
}

struct MemoryOutboxRepository: OutboxRepository {
    let context: MemoryContext

    func insert(_ message: OutboxMessage) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.outbox, \.id, message.id, "推送消息")
            t.outbox.append(message)
        }
    }

    /// Only the delivery state changes.
    func update(_ message: OutboxMessage) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.outbox, \.id, message.id, missing: MemoryStoreError(description: "表 outbox 的记录 \(message.id) 不存在"))
            t.outbox[i].status = message.status
            t.outbox[i].attempts = message.attempts
            t.outbox[i].nextAttemptAt = message.nextAttemptAt
            t.outbox[i].lastAttemptAt = message.lastAttemptAt
            t.outbox[i].lastError = message.lastError
            t.outbox[i].deliveredAt = message.deliveredAt
        }
    }

    func find(_ id: OutboxMessage.ID) async throws -> OutboxMessage? {
        context.read { $0.outbox.first { $0.id == id } }
    }

    func due(at time: Date, limit: Int) async throws -> [OutboxMessage] {
        context.read { $0.outbox }.filter { $0.status == .pending && $0.nextAttemptAt <= time }.limited(limit)
    }

    func recent(limit: Int, pendingOnly: Bool, organisations: [Organisation.ID]?) async throws -> [OutboxMessage] {
        scoped(organisations).reversed().filter { !pendingOnly || $0.status == .pending }.limited(limit)
    }

    private func scoped(_ organisations: [Organisation.ID]?) -> [OutboxMessage] {
        let all = context.read { $0.outbox }
        guard let organisations else { return Array(all) }
        return all.filter { $0.organisationID.map(organisations.contains) == true }
    }

    func counts(organisations: [Organisation.ID]?) async throws -> (pending: Int, failing: Int, delivered: Int) {
        let all = scoped(organisations)
        return (all.count { $0.status == .pending }, all.count { $0.status == .pending && $0.lastError != nil },
                all.count { $0.status == .delivered })
    }

    func chronological(offset: Int, limit: Int) async throws -> [OutboxMessage] {
        context.read { $0.outbox }.page(offset: offset, limit: limit)
    }

    func lastCheckpointSize() async throws -> UInt64? {
        context.read { $0.outbox }.last { $0.kind == .checkpoint }.flatMap { UInt64($0.subject) }
    }
}

struct MemoryDrawRepository: DrawRepository {
    let context: MemoryContext

    func insert(_ draw: InspectionDraw) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.draws, \.id, draw.id, "双随机抽查")
            t.draws.append(draw)
        }
    }

    func update(_ draw: InspectionDraw) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.draws, \.id, draw.id, missing: MemoryStoreError(description: "表 inspection_draws 的记录 \(draw.id) 不存在"))
            t.draws[i] = draw
        }
    }

    func find(_ id: InspectionDraw.ID) async throws -> InspectionDraw? {
        context.read { $0.draws.first { $0.id == id } }
    }

    func list(organisations: [Organisation.ID]?) async throws -> [InspectionDraw] {
        if organisations?.isEmpty == true { return [] }
        let wanted = organisations.map(Set.init)
        return context.read { $0.draws }.filter { wanted?.contains($0.organisationID) ?? true }
            .sorted { ($0.committedAt, $1.id.uuidString) > ($1.committedAt, $0.id.uuidString) }
    }

    func chronological(offset: Int, limit: Int) async throws -> [InspectionDraw] {
        context.read { $0.draws }.sorted { ($0.committedAt, $0.id.uuidString) < ($1.committedAt, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }
}
