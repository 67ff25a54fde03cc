import Foundation
import SunlightCore

struct MemoryComplaintRepository: ComplaintRepository {
    let context: MemoryContext

    func insert(_ complaint: Complaint) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.complaints, \.id, complaint.id, "投诉举报")
            try MemoryTables.unique(t.complaints, \.trackingCode, complaint.trackingCode, "查询码")
            t.complaints.append(complaint)
        }
    }

    func update(_ complaint: Complaint) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.complaints, \.id, complaint.id, missing: MemoryStoreError(description: "表 complaints 的记录 \(complaint.id) 不存在"))
            t.complaints[i] = complaint
        }
    }

    func find(_ id: Complaint.ID) async throws -> Complaint? {
        context.read { $0.complaints.first { $0.id == id } }
    }

    func find(trackingCode: String) async throws -> Complaint? {
        context.read { $0.complaints.first { $0.trackingCode == trackingCode } }
    }

    /// Received by or now handled by these organisations, newest received first, ties by ID.
    func list(organisations: [Organisation.ID]) async throws -> [Complaint] {
        let wanted = Set(organisations)
        return context.read { $0.complaints }.filter { wanted.contains($0.receivedBy) || wanted.contains($0.handlingOrganisation) }
            .sorted { ($0.receivedAt, $1.id.uuidString) > ($1.receivedAt, $0.id.uuidString) }
    }

    func open(organisations: [Organisation.ID]) async throws -> [Complaint] {
        try await list(organisations: organisations).filter(\.isOpen)
    }

    func chronological(offset: Int, limit: Int) async throws -> [Complaint] {
        context.read { $0.complaints }.sorted { ($0.receivedAt, $0.id.uuidString) < ($1.receivedAt, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }

    func append(_ event: ComplaintEvent) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.complaintEvents, \.id, event.id, "投诉记录")
            t.complaintEvents.append(event)
        }
    }

    func events(of complaint: Complaint.ID) async throws -> [ComplaintEvent] {
        context.read { $0.complaintEvents }.filter { $0.complaintID == complaint }
    }

    func events(offset: Int, limit: Int) async throws -> [ComplaintEvent] {
        context.read { $0.complaintEvents }.page(offset: offset, limit: limit)
    }
}

struct MemoryInstrumentRepository: SupervisionInstrumentRepository {
    let context: MemoryContext

    func insert(_ instrument: SupervisionInstrument) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.instruments, \.id, instrument.id, "监督文书")
            t.instruments.append(instrument)
        }
    }

    func update(_ instrument: SupervisionInstrument) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.instruments, \.id, instrument.id,
                                           missing: MemoryStoreError(description: "表 supervision_instruments 的记录 \(instrument.id) 不存在"))
            t.instruments[i] = instrument
        }
    }

    func find(_ id: SupervisionInstrument.ID) async throws -> SupervisionInstrument? {
        context.read { $0.instruments.first { $0.id == id } }
    }

    /// Sent to or issued by these organisations, newest issued first, ties by ID.
    func list(organisations: [Organisation.ID]) async throws -> [SupervisionInstrument] {
        let wanted = Set(organisations)
        return context.read { $0.instruments }.filter { wanted.contains($0.organisationID) || wanted.contains($0.issuedBy) }
            .sorted { ($0.issuedOn, $1.id.uuidString) > ($1.issuedOn, $0.id.uuidString) }
    }

    func chronological(offset: Int, limit: Int) async throws -> [SupervisionInstrument] {
        context.read { $0.instruments }.sorted { ($0.issuedOn, $0.id.uuidString) < ($1.issuedOn, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }

    func count(kind: SupervisionInstrument.Kind, issuedBy: Organisation.ID, year: Int) async throws -> Int {
        context.read { $0.instruments }.count { $0.kind == kind && $0.issuedBy == issuedBy && $0.issuedOn.year == year }
    }
}

/// Append-only, one referral per case.
struct MemoryReferralRepository: DisciplineReferralRepository {
    let context: MemoryContext

    func insert(_ referral: DisciplineReferral) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.referrals, \.id, referral.id, "问责移送")
            try MemoryTables.unique(t.referrals, \.caseID, referral.caseID, "问责移送的案件")
            t.referrals.append(referral)
        }
    }

    func list(organisations: [Organisation.ID]) async throws -> [DisciplineReferral] {
        let wanted = Set(organisations)
        return context.read { $0.referrals }.filter { wanted.contains($0.organisationID) }.stableSorted { $0.referredOn < $1.referredOn }
    }

    func chronological(offset: Int, limit: Int) async throws -> [DisciplineReferral] {
        context.read { $0.referrals }.sorted { ($0.referredOn, $0.id.uuidString) < ($1.referredOn, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }
}

struct MemoryTransferRepository: CaseTransferRepository {
    let context: MemoryContext

    func insert(_ transfer: CaseTransfer) async throws {
        try await context.write { t in
            try MemoryTables.unique(t.transfers, \.id, transfer.id, "案件移送")
            t.transfers.append(transfer)
        }
    }

    func update(_ transfer: CaseTransfer) async throws {
        try await context.write { t in
            let i = try MemoryTables.index(t.transfers, \.id, transfer.id, missing: MemoryStoreError(description: "表 case_transfers 的记录 \(transfer.id) 不存在"))
            t.transfers[i] = transfer
        }
    }

    func find(_ id: CaseTransfer.ID) async throws -> CaseTransfer? {
        context.read { $0.transfers.first { $0.id == id } }
    }

    /// From or to these organisations, newest first, ties by ID.
    func list(organisations: [Organisation.ID]) async throws -> [CaseTransfer] {
        let wanted = Set(organisations)
        return context.read { $0.transfers }.filter { wanted.contains($0.fromOrganisation) || ($0.toOrganisation.map(wanted.contains) ?? false) }
            .sorted { ($0.createdAt, $1.id.uuidString) > ($1.createdAt, $0.id.uuidString) }
    }

    func chronological(offset: Int, limit: Int) async throws -> [CaseTransfer] {
        context.read { $0.transfers }.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }
}

/// Records of one organisation-state kind, in their own table.
struct MemoryOrganisationStateRepository<State: OrganisationState>: OrganisationStateRepository {
    let context: MemoryContext

    private func rows(_ t: MemoryTables) -> [State] { (t.states[State.table] ?? []).compactMap { $0 as? State } }

    func insert(_ record: State) async throws {
        try await context.write { t in
            if (t.states[State.table] ?? []).contains(where: { $0.id == record.id }) {
                throw MemoryStoreError(description: "\(State.table) \(record.id) 已存在（唯一约束）")
            }
            t.states[State.table, default: []].append(record)
        }
    }

    func update(_ record: State) async throws {
        try await context.write { t in
            guard let i = t.states[State.table]?.firstIndex(where: { $0.id == record.id }) else {
                throw MemoryStoreError(description: "表 \(State.table) 的记录 \(record.id) 不存在")
            }
            t.states[State.table]![i] = record
        }
    }

    func find(_ id: UUID) async throws -> State? {
        context.read { rows($0).first { $0.id == id } }
    }

    func list(organisations: [Organisation.ID]?, statuses: [String]?) async throws -> [State] {
        guard organisations?.isEmpty != true, statuses?.isEmpty != true else { return [] }
        let wanted = organisations.map(Set.init)
        return context.read { rows($0) }.filter { r in
            if let wanted, !wanted.contains(r.organisationID), !(r.counterpartID.map(wanted.contains) ?? false) { return false }
            if let statuses, !statuses.contains(r.statusCode) { return false }
            return true
        }.sorted { ($0.createdAt, $1.id.uuidString) > ($1.createdAt, $0.id.uuidString) }
    }

    func chronological(offset: Int, limit: Int) async throws -> [State] {
        context.read { rows($0) }.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
            .page(offset: offset, limit: limit)
    }
}
