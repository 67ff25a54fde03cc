import Foundation
import SunlightLedger

/// 留痕表 — every table whose records are in the log, and how to read its current records as
/// the log sees them. `sunlight verify` compares each record's newest leaf with this.
struct LoggedTable: Sendable {
    let name: String
    /// Current records in a stable order, a page at a time; an empty page ends.
    let page: @Sendable (any Store, _ offset: Int, _ limit: Int) async throws -> [LedgerRecord]

    /// A small table read whole on the first page.
    static func whole(_ name: String, _ load: @escaping @Sendable (any Store) async throws -> [LedgerRecord]) -> LoggedTable {
        LoggedTable(name: name) { store, offset, _ in offset == 0 ? try await load(store) : [] }
    }

    /// Every user's ID, and the organisation each belongs to.
    static func staff(_ store: any Store) async throws -> ([StaffUser.ID], [StaffUser.ID: Organisation.ID]) {
        let users = try await store.users.list(in: try await store.organisations.all().map(\.id))
        return (users.map(\.id), Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.organisationID) }))
    }

    static let all: [LoggedTable] = [
        .whole("organisations") { store in try await store.organisations.all().map { $0.ledgerRecord("") } },
        .whole("users") { store in
            let organisations = try await store.organisations.all().map(\.id)
            return try await store.users.list(in: organisations).map { $0.ledgerRecord("") }
        },
        .whole("certificates") { store in
            let (users, organisationOf) = try await staff(store)
            return try await store.certificates.list(holders: users).map {
                $0.ledgerRecord("", organisationID: organisationOf[$0.holderID]!)
            }
        },
        .whole("api_tokens") { store in
            let (users, organisationOf) = try await staff(store)
            return try await store.apiTokens.list(for: users).map {
                $0.ledgerRecord("", organisationID: organisationOf[$0.userID]!)
            }
        },
        .whole("holiday_notices") { store in try await store.holidayNotices.all().map { $0.ledgerRecord(organisationID: nil) } },
        LoggedTable(name: "access_log") { store, offset, limit in
            let entries = try await store.accessLog.chronological(offset: offset, limit: limit)
            let sealed = try await store.personalData.values(table: "access_log", recordIDs: entries.map { $0.id.uuidString.lowercased() })
            let addresses = Dictionary(sealed.map { ($0.recordID, $0) }, uniquingKeysWith: { $1 })
            return entries.map { $0.ledgerRecord(address: addresses[$0.id.uuidString.lowercased()]) }
        },
        LoggedTable(name: "list_entries") { store, offset, limit in
            try await store.lists.chronological(offset: offset, limit: limit).map { $0.ledgerRecord("") }
        },
        .whole("certificate_reviews") { store in
            let (users, organisationOf) = try await staff(store)
            let certificates = try await store.certificates.list(holders: users)
            let holderOf = Dictionary(uniqueKeysWithValues: certificates.map { ($0.id, $0.holderID) })
            return try await store.officerRecords.reviews(certificates: certificates.map(\.id)).map {
                $0.ledgerRecord(organisationID: organisationOf[holderOf[$0.certificateID]!]!)
            }
        },
        .whole("trainings") { store in
            let (users, organisationOf) = try await staff(store)
            return try await store.officerRecords.trainings(users: users).map { $0.ledgerRecord(organisationID: organisationOf[$0.userID]!) }
        },
        LoggedTable(name: "evidence_files") { store, offset, limit in
            let files = try await store.evidence.chronological(offset: offset, limit: limit)
            let sealed = try await store.personalData.values(table: "evidence_files", recordIDs: files.map { $0.id.uuidString.lowercased() })
            let parties = Dictionary(sealed.map { ($0.recordID, $0) }, uniquingKeysWith: { $1 })
            return files.map { $0.ledgerRecord(parties: parties[$0.id.uuidString.lowercased()]) }
        },
        LoggedTable(name: "cases") { store, offset, limit in
            let cases = try await store.cases.chronological(offset: offset, limit: limit)
            let sealed = try await store.personalData.values(table: EnforcementCase.personalTable, recordIDs: cases.map { $0.id.uuidString.lowercased() })
            let titles = Dictionary(sealed.filter { $0.field == EnforcementCase.titleField }.map { ($0.recordID, $0) }, uniquingKeysWith: { $1 })
            return cases.map { $0.ledgerRecord("", title: titles[$0.id.uuidString.lowercased()]) }
        },
        LoggedTable(name: "case_parties") { store, offset, limit in
            let parties = try await store.cases.parties(offset: offset, limit: limit)
            let sealed = Dictionary(grouping: try await store.personalData.values(table: "case_parties", recordIDs: parties.map { $0.id.uuidString.lowercased() }),
                                    by: \.recordID)
            var records: [LedgerRecord] = []
            for party in parties {
                guard let theCase = try await store.cases.find(party.caseID) else { continue }
                let values = Dictionary((sealed[party.id.uuidString.lowercased()] ?? []).map { ($0.field, $0) }, uniquingKeysWith: { $1 })
                records.append(party.ledgerRecord(organisationID: theCase.organisationID, sealed: values))
            }
            return records
        },
        caseRecords("case_events") { store, offset, limit in try await store.cases.events(offset: offset, limit: limit).map { ($0.caseID, $0.ledgerRecord) } },
        caseRecords("case_officers") { store, offset, limit in
            try await store.cases.officers(offset: offset, limit: limit).map { officer in (officer.caseID, { officer.ledgerRecord("", organisationID: $0) }) }
        },
        caseRecords("case_documents") { store, offset, limit in
            let documents = try await store.caseRecords.documents(offset: offset, limit: limit)
            let sealed = Dictionary(grouping: try await store.personalData.values(table: CaseDocument.personalTable,
                                                                                 recordIDs: documents.map { $0.id.uuidString.lowercased() }), by: \.recordID)
            return documents.map { document in
                let values = Dictionary((sealed[document.id.uuidString.lowercased()] ?? []).map { ($0.field, $0) }, uniquingKeysWith: { $1 })
                return (document.caseID, { document.ledgerRecord("", organisationID: $0, sealed: values) })
            }
        },
        caseRecords("case_evidence") { store, offset, limit in
            let evidence = try await store.caseRecords.evidence(offset: offset, limit: limit)
            let sealed = try await store.personalData.values(table: CaseEvidence.personalTable, recordIDs: evidence.map { $0.id.uuidString.lowercased() })
            let confirmed = Dictionary(sealed.filter { $0.field == CaseEvidence.confirmedByField }.map { ($0.recordID, $0) }, uniquingKeysWith: { $1 })
            return evidence.map { item in
                let seal = confirmed[item.id.uuidString.lowercased()]
                return (item.caseID, { item.ledgerRecord(organisationID: $0, confirmedBy: seal) })
            }
        },
        caseRecords("case_interference") { store, offset, limit in
            try await store.caseRecords.interference(offset: offset, limit: limit).map { ($0.caseID, $0.ledgerRecord) }
        },
        LoggedTable(name: "discretion_benchmarks") { store, offset, limit in
            try await store.caseSettings.benchmarks(offset: offset, limit: limit).map { $0.ledgerRecord() }
        },
        .whole("audio_video_list") { store in try await store.caseSettings.audioVideoEntries().map(\.ledgerRecord) },
        .whole("review_catalogues") { store in try await store.reviews.allCatalogues().map { try $0.ledgerRecord } },
        LoggedTable(name: "review_records") { store, offset, limit in
            try await store.reviews.records(offset: offset, limit: limit).map { try $0.ledgerRecord }
        },
        LoggedTable(name: "decision_publications") { store, offset, limit in
            try await store.publications.chronological(offset: offset, limit: limit).map { try $0.ledgerRecord("") }
        },
        LoggedTable(name: "publication_events") { store, offset, limit in
            try await store.publications.events(offset: offset, limit: limit).map { try $0.ledgerRecord() }
        },
        LoggedTable(name: "inspection_draws") { store, offset, limit in
            try await store.draws.chronological(offset: offset, limit: limit).map { try $0.ledgerRecord("") }
        },
        LoggedTable(name: "case_transfers") { store, offset, limit in
            try await store.transfers.chronological(offset: offset, limit: limit).map { try $0.ledgerRecord("") }
        },
        LoggedTable(name: "discipline_referrals") { store, offset, limit in
            try await store.referrals.chronological(offset: offset, limit: limit).map { try $0.ledgerRecord() }
        },
        LoggedTable(name: "supervision_instruments") { store, offset, limit in
            try await store.instruments.chronological(offset: offset, limit: limit).map { try $0.ledgerRecord("") }
        },
        LoggedTable(name: "complaints") { store, offset, limit in
            try await store.complaints.chronological(offset: offset, limit: limit).map { try $0.ledgerRecord("") }
        },
        LoggedTable(name: "complaint_events") { store, offset, limit in
            var records: [LedgerRecord] = []
            for event in try await store.complaints.events(offset: offset, limit: limit) {
                let contact = event.kind == .registered
                    ? try await store.personalData.values(table: "complaints", recordIDs: [event.complaintID.uuidString.lowercased()]) : []
                records.append(try event.ledgerRecord(contact: contact))
            }
            return records
        },
        .states(CoordinationMatter.self),
        .states(ApprovalRoute.self),
        .states(JointMeeting.self),
        .states(SupervisionInspection.self),
        .states(GuidingCase.self),
        .states(AssessmentScheme.self),
        .states(OrganisationAssessment.self),
        .states(AssessmentFiling.self),
        .states(CatalogueApproval.self),
        .states(CatalogueBounds.self),
        LoggedTable(name: CaseLead.table) { store, offset, limit in
            let leads = try await store.records(CaseLead.self).chronological(offset: offset, limit: limit)
            let sealed = try await store.personalData.values(table: CaseLead.table, recordIDs: leads.map { $0.id.uuidString.lowercased() })
            let summaries = Dictionary(sealed.filter { $0.field == CaseLead.summaryField }.map { ($0.recordID, $0) }, uniquingKeysWith: { $1 })
            return try leads.map { try $0.ledgerRecord("", summary: summaries[$0.id.uuidString.lowercased()]) }
        },
        .states(PublishedAnnualReport.self),
        .whole("publication_policies") { store in try await store.publications.policies().map(\.ledgerRecord) },
    ]

    /// A table of ``OrganisationState`` records, each logged under the organisation that raised it.
    static func states<S: OrganisationState>(_ kind: S.Type) -> LoggedTable {
        LoggedTable(name: S.table) { store, offset, limit in
            try await store.records(S.self).chronological(offset: offset, limit: limit).map { try $0.ledgerRecord("") }
        }
    }

    /// A table of records that belong to a case: each record is logged under its case's organisation.
    static func caseRecords(_ name: String,
                            _ load: @escaping @Sendable (any Store, Int, Int) async throws -> [(EnforcementCase.ID, @Sendable (UUID) -> LedgerRecord)]) -> LoggedTable {
        LoggedTable(name: name) { store, offset, limit in
            var organisationOf: [EnforcementCase.ID: Organisation.ID] = [:]
            var records: [LedgerRecord] = []
            for (caseID, record) in try await load(store, offset, limit) {
                if organisationOf[caseID] == nil { organisationOf[caseID] = try await store.cases.find(caseID)?.organisationID }
                guard let organisation = organisationOf[caseID] else { continue }
                records.append(record(organisation))
            }
            return records
        }
    }
}
