import Foundation
import SunlightLedger

/// 投诉举报 — a complaint or report from the public (SUP-1): filed on the portal or through an
/// Open311 GeoReport v2 client, registered in the ledger with a tracking code, assigned, worked
/// to a deadline, answered. The complainant's name and contact are personal data, sealed apart
/// (REC-5); the complaint itself holds none.
public struct Complaint: StoredState, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 已登记 — registered at the organisation it was sent to; the clock runs.
        case registered
        /// 办理中 — assigned to a handler.
        case handling
        /// 已答复 — the feedback to the complainant is recorded.
        case answered
        case closed

        public var chineseName: String {
            switch self {
            case .registered: "已登记"
            case .handling: "办理中"
            case .answered: "已答复"
            case .closed: "已办结"
            }
        }

        /// Open311's two states.
        public var open311: String { self == .answered || self == .closed ? "closed" : "open" }
    }

    public enum Channel: String, Codable, Sendable, CaseIterable, ClosedChoice {
        case portal, open311, phone, letter, visit

        public var chineseName: String {
            switch self {
            case .portal: "网上投诉"
            case .open311: "Open311 接口"
            case .phone: "电话"
            case .letter: "来信"
            case .visit: "来访"
            }
        }
    }

    public let id: UUID
    /// 查询码 — what the complainant keeps, e.g. `TS2026-7K3M-9QXD`.
    public let trackingCode: String
    /// Where it was sent (the organisation the complainant chose).
    public let receivedBy: Organisation.ID
    public let channel: Channel
    public let subject: String
    public let description: String
    /// Where it happened (an address as the complainant wrote it, redacted on every public view).
    public let location: String?
    /// Coordinates as decimal text (the log's canonical JSON has no floating point).
    public let latitude: String?
    public let longitude: String?
    public let anonymous: Bool
    public let receivedAt: Date
    public let receivedOn: CivilDate
    /// 办理期限 (configurable, SUP-1).
    public var dueOn: CivilDate?
    /// 承办机构 — who handles it now (told to the complainant, seed 001 (十五)二).
    public var handlingOrganisation: Organisation.ID
    public var handler: StaffUser.ID?
    /// The supervisor took it directly.
    public var takenBySupervisor: Bool
    public var status: Status
    /// 答复 — the feedback the complainant sees.
    public var feedback: String?
    public var answeredOn: CivilDate?
    public var closedOn: CivilDate?

    public init(id: UUID = UUID(), trackingCode: String, receivedBy: Organisation.ID, channel: Channel, subject: String, description: String,
                location: String?, latitude: String? = nil, longitude: String? = nil, anonymous: Bool, receivedAt: Date, receivedOn: CivilDate,
                dueOn: CivilDate?) {
        self.id = id
        self.trackingCode = trackingCode
        self.receivedBy = receivedBy
        self.channel = channel
        self.subject = subject
        self.description = description
        self.location = location
        self.latitude = latitude
        self.longitude = longitude
        self.anonymous = anonymous
        self.receivedAt = receivedAt
        self.receivedOn = receivedOn
        self.dueOn = dueOn
        self.handlingOrganisation = receivedBy
        self.handler = nil
        self.takenBySupervisor = false
        self.status = .registered
    }

    public var isOpen: Bool { Self.openStatuses.contains(status) }
    /// Registered or being handled: the clock runs.
    public static let openStatuses: [Status] = [.registered, .handling]

    func ledgerRecord(_ type: String) throws -> LedgerRecord {
        try stateRecord(type, table: "complaints", organisationID: handlingOrganisation)
    }

    /// 查询码: `TS` + year + two groups of four from an alphabet without 0/O/1/I, from `bytes`.
    public static func trackingCode(year: Int, bytes: [UInt8]) -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        let chars = bytes.prefix(8).map { alphabet[Int($0) % alphabet.count] }
        return "TS\(year)-" + String(chars.prefix(4)) + "-" + String(chars.dropFirst(4).prefix(4))
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, trackingCode, receivedBy, channel, subject, description, location, latitude, longitude, anonymous, receivedAt, receivedOn
        case dueOn, handlingOrganisation, handler, takenBySupervisor, status, feedback, answeredOn, closedOn
    }
}

/// 投诉办理记录 — one step of a complaint, with the state after it (append-only).
public struct ComplaintEvent: Identifiable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case registered, assigned, transferred, taken, answered, closed
        /// The due date, provisional while a year's holiday notice was missing, was counted again when it was loaded (CAL-4).
        case rescheduled

        public var chineseName: String {
            switch self {
            case .rescheduled: "加载节假日安排后重算期限"
            case .registered: "登记"
            case .assigned: "分派承办人"
            case .transferred: "转交其他机构办理"
            case .taken: "司法局直接办理"
            case .answered: "答复投诉人"
            case .closed: "办结"
            }
        }
    }

    public let id: UUID
    public let complaintID: Complaint.ID
    public let kind: Kind
    public let at: Date
    public let by: StaffUser.ID?
    public let note: String?
    public let state: Complaint

    public init(id: UUID = UUID(), kind: Kind, at: Date, by: StaffUser.ID?, note: String?, state: Complaint) {
        self.id = id
        self.complaintID = state.id
        self.kind = kind
        self.at = at
        self.by = by
        self.note = note
        self.state = state
    }

    /// The registration carries the salted commitments of the complainant's sealed contact
    /// details, so they are in the log without being readable there (REC-5).
    func ledgerRecord(contact: [PersonalValue] = []) throws -> LedgerRecord {
        Self.logged(type: "complaint.\(kind.rawValue)", table: "complaint_events", id: id.uuidString.lowercased(),
                    organisationID: state.handlingOrganisation,
                    content: .object(["id": Snapshot.uuid(id), "complaint": Snapshot.uuid(complaintID), "kind": .string(kind.rawValue),
                                       "at": Snapshot.time(at), "by": Snapshot.uuid(by), "note": Snapshot.text(note),
                                       "contact": .object(Dictionary(contact.map { ($0.field, PersonalData.json($0.commitment)) }, uniquingKeysWith: { $1 })),
                                       "state": try state.stateContent]))
    }
}

/// 投诉举报存储.
public protocol ComplaintRepository: Sendable {
    func insert(_ complaint: Complaint) async throws
    func update(_ complaint: Complaint) async throws
    func find(_ id: Complaint.ID) async throws -> Complaint?
    func find(trackingCode: String) async throws -> Complaint?
    /// Complaints handled by or sent to these organisations, newest first.
    func list(organisations: [Organisation.ID]) async throws -> [Complaint]
    /// The open ones (registered or being handled) of ``list(organisations:)``: the work that
    /// waits, without every complaint ever answered.
    func open(organisations: [Organisation.ID]) async throws -> [Complaint]
    func chronological(offset: Int, limit: Int) async throws -> [Complaint]
    func append(_ event: ComplaintEvent) async throws
    func events(of complaint: Complaint.ID) async throws -> [ComplaintEvent]
    func events(offset: Int, limit: Int) async throws -> [ComplaintEvent]
}
