import Foundation
import SunlightCore

/// Copies one snapshot of the memory tables into another store, table by table, from each
/// table's copy mark, in transactions of `batch` rows.
struct MemoryCopier {
    let tables: MemoryTables
    let target: any Store
    let batch: Int
    let progress: @Sendable (String, Int) -> Void
    var marks: [String: Int]
    var count = BulkLoadCount()

    /// The tables ``MemoryStore/forgetCopiedCases()`` keeps, whose marks stay.
    static let keptTables: Set<String> = [
        "organisations", "users", "certificates", "staff_sessions", "api_tokens", "login_failures", "holiday_notices",
        "discretion_benchmarks", "audio_video_list", "review_catalogues", "list_entries", "certificate_reviews", "trainings",
        "publication_policies", "inspection_draws",
    ]

    init(tables: MemoryTables, target: any Store, batch: Int, progress: @escaping @Sendable (String, Int) -> Void) {
        self.tables = tables
        self.target = target
        self.batch = Swift.max(1, batch)
        self.progress = progress
        self.marks = tables.copiedMarks
    }

    /// Rows `name` holds past its mark, written with `write` in transactions of `batch`.
    mutating func copy<Row: Sendable>(_ name: String, _ rows: MemoryRows<Row>,
                                      _ write: @escaping @Sendable (any Store, Row) async throws -> Void) async throws {
        let start = marks[name] ?? 0
        guard start < rows.count else { return }
        var position = start
        while position < rows.count {
            let chunk = Array(rows[position..<Swift.min(rows.count, position + batch)])
            try await target.transaction { tx in
                for row in chunk { try await write(tx, row) }
            }
            position += chunk.count
        }
        marks[name] = rows.count
        count.records += rows.count - start
        progress(name, rows.count - start)
    }

    /// Every table, parents first.
    mutating func copyRecords(place: @escaping @Sendable (any Store, [SequencedLedgerEntry]) async throws -> Void) async throws {
        let t = tables
        try await copy("organisations", t.organisations) { try await $0.organisations.insert($1) }
        try await copy("users", t.users) { try await $0.users.insert($1) }
        try await copy("certificates", t.certificates) { try await $0.certificates.insert($1) }
        try await copy("staff_sessions", t.sessions) { try await $0.sessions.insert($1) }
        try await copy("api_tokens", t.apiTokens) { try await $0.apiTokens.insert($1) }
        try await copy("login_failures", t.loginFailures) { try await $0.loginFailures.record(username: $1.username, address: $1.address, at: $1.at) }
        try await copy("holiday_notices", t.holidayNotices) { try await $0.holidayNotices.insert($1) }
        try await copy("discretion_benchmarks", t.benchmarks) { try await $0.caseSettings.save($1) }
        try await copy("audio_video_list", t.audioVideo) {
            try await $0.caseSettings.setAudioVideo(organisation: $1.organisationID, category: $1.category, stage: $1.stage, required: $1.required)
        }
        try await copy("review_catalogues", t.catalogues) { try await $0.reviews.insert(catalogue: $1) }
        try await copy("list_entries", t.listEntries) { try await $0.lists.insert($1) }
        try await copy("certificate_reviews", t.certificateReviews) { try await $0.officerRecords.insert(review: $1) }
        try await copy("trainings", t.trainings) { try await $0.officerRecords.insert(training: $1) }
        try await copy("publication_policies", t.policies) { try await $0.publications.save($1) }
        try await copy("inspection_draws", t.draws) { try await $0.draws.insert($1) }
        try await copyInBatches("evidence_files", t.evidenceFiles) { try await $0.evidence.insert($1) }
        try await copy("upload_claims", t.uploadClaims) { try await $0.uploadClaims.insert($1) }
        try await copyInBatches("cases", t.cases) { try await $0.cases.insert($1) }
        let lookups = t.partyLookups
        try await copyInBatches("case_parties", t.parties) { try await $0.cases.insert(parties: $1, lookups: lookups) }
        try await copyInBatches("case_officers", MemoryRows(t.officers.map(\.value))) { try await $0.cases.insert(officers: $1) }
        try await copyInBatches("case_events", t.caseEvents) { try await $0.cases.append($1) }
        try await copyInBatches("case_documents", t.documents) { try await $0.caseRecords.insert($1) }
        try await copyInBatches("case_evidence", t.caseEvidence) { try await $0.caseRecords.insert($1) }
        try await copy("interference_records", t.interference) { try await $0.caseRecords.insert($1) }
        try await copy("review_records", t.reviewRecords) { try await $0.reviews.insert($1) }
        try await copyInBatches("decision_publications", t.publications) { try await $0.publications.insert($1) }
        try await copyInBatches("publication_events", t.publicationEvents) { try await $0.publications.append($1) }
        try await copy("search_documents", t.searchDocuments) { try await $0.search.upsert($1) }
        try await copy("outbox", t.outbox) { try await $0.outbox.insert($1) }
        try await copy("complaints", t.complaints) { try await $0.complaints.insert($1) }
        try await copy("complaint_events", t.complaintEvents) { try await $0.complaints.append($1) }
        try await copy("supervision_instruments", t.instruments) { try await $0.instruments.insert($1) }
        try await copy("discipline_referrals", t.referrals) { try await $0.referrals.insert($1) }
        try await copy("case_transfers", t.transfers) { try await $0.transfers.insert($1) }
        for table in t.states.keys.sorted() {
            let rows: MemoryRows<any OrganisationState> = MemoryRows(t.states[table] ?? [])
            try await copy(table, rows) { (tx: any Store, state: any OrganisationState) in try await Self.insertState(state, into: tx) }
        }
        let counters = t.counters
        try await target.transaction { tx in
            for (key, last) in counters {
                try await tx.caseSettings.raiseNumber(organisation: key.organisation, code: key.code, year: key.year, to: last)
            }
        }
        try await copyInBatches("access_log", t.accessLog) { try await $0.accessLog.append($1) }
        try await copyInBatches("personal_data", t.personalData) { try await $0.personalData.insert($1) }
        let before = count.records
        try await copyInBatches("ledger_sequence", t.ledgerSequence, batch: Sunlight.integrationBatch, place)
        count.leaves += count.records - before
        count.records = before
    }

    /// Like ``copy(_:_:_:)`` for tables whose repository takes many rows in one statement.
    mutating func copyInBatches<Row: Sendable>(_ name: String, _ rows: MemoryRows<Row>, batch: Int? = nil,
                                               _ write: @escaping @Sendable (any Store, [Row]) async throws -> Void) async throws {
        let start = marks[name] ?? 0
        guard start < rows.count else { return }
        let batch = batch ?? self.batch
        var position = start
        while position < rows.count {
            let chunk = Array(rows[position..<Swift.min(rows.count, position + batch)])
            try await target.transaction { tx in try await write(tx, chunk) }
            position += chunk.count
        }
        marks[name] = rows.count
        count.records += rows.count - start
        progress(name, rows.count - start)
    }

    static func insertState<S: OrganisationState>(_ state: S, into store: any Store) async throws {
        try await store.records(S.self).insert(state)
    }
}
