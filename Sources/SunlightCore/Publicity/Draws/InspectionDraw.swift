import Foundation
import SunlightLedger

/// 双随机抽查 — one random inspection of the 双随机、一公开 regime (PUB-4, PUB-9): the pools of
/// targets and certified inspectors, the seed committed to the log before the draw and
/// published after it, the result anyone can re-run (`scripts/redraw.py`), the inspection's
/// findings and their publication within 20 working days of its end.
public struct InspectionDraw: StoredState, Sendable, Equatable {
    public enum Status: String, Codable, Sendable, CaseIterable, ClosedChoice {
        /// 已承诺 — pools fixed, the seed's hash in the log; not yet drawn.
        case committed
        case drawn
        /// 检查结束 — findings recorded; the results clock runs (PUB-9).
        case inspected
        case published

        public var chineseName: String {
            switch self {
            case .committed: "已公布种子承诺，待抽取"
            case .drawn: "已抽取，检查中"
            case .inspected: "检查结束，待公开结果"
            case .published: "结果已公开"
            }
        }
    }

    /// 检查结果 — what the inspection of one target found and how it was handled.
    public struct TargetResult: Codable, Sendable, Equatable {
        public let targetKey: String
        public let findings: String
        public let handling: String

        public init(targetKey: String, findings: String, handling: String) {
            self.targetKey = targetKey
            self.findings = findings
            self.handling = handling
        }

        /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
        enum CodingKeys: String, CodingKey {
            case targetKey, findings, handling
        }
    }

    /// The algorithm, named in every published draw so it stays checkable if it ever changes.
    public static let algorithm = "sunlight-draw-v1"

    public let id: UUID
    public let organisationID: Organisation.ID
    /// The 随机抽查事项清单 entry (PUB-4) this inspection carries out, if any.
    public let itemEntryID: UUID?
    public let title: String
    /// The certificate category inspectors must hold (REC-7).
    public let category: EnforcementCategory
    public let targets: [RandomDraw.Target]
    public let inspectors: [RandomDraw.Inspector]
    public let parameters: RandomDraw.Parameters
    /// SHA-256 of the seed, in the log before the draw.
    public let commitment: String
    /// SHA-256 of the pools and parameters as canonical JSON, committed with the seed.
    public let poolsHash: String
    public let committedAt: Date
    public var status: Status
    /// Kept out of every view until drawn.
    public var seed: String
    public var drawnAt: Date?
    public var assignments: [RandomDraw.Assignment]
    public var inspectionEndedOn: CivilDate?
    public var resultsDueOn: CivilDate?
    public var results: [TargetResult]
    public var publishedOn: CivilDate?

    public init(id: UUID = UUID(), organisationID: Organisation.ID, itemEntryID: UUID?, title: String, category: EnforcementCategory,
                targets: [RandomDraw.Target], inspectors: [RandomDraw.Inspector], parameters: RandomDraw.Parameters, seed: String, committedAt: Date) {
        self.id = id
        self.organisationID = organisationID
        self.itemEntryID = itemEntryID
        self.title = title
        self.category = category
        self.targets = targets
        self.inspectors = inspectors
        self.parameters = parameters
        self.seed = seed
        self.commitment = RandomDraw.commitment(ofSeed: seed)
        self.poolsHash = Self.poolsHash(targets: targets, inspectors: inspectors, parameters: parameters)
        self.committedAt = committedAt
        self.status = .committed
        self.assignments = []
        self.results = []
    }

    /// The pools in canonical order with the parameters, hashed: what the commitment binds the seed to.
    public static func poolsHash(targets: [RandomDraw.Target], inspectors: [RandomDraw.Inspector], parameters: RandomDraw.Parameters) -> String {
        // The same canonical order as the draw itself.
        func pool(_ items: [(String, String)]) -> CanonicalJSON {
            .array(RandomDraw.canonicalOrder(items, key: \.0).sorted.map { .object(["key": .string($0.0), "name": .string($0.1)]) })
        }
        let json = CanonicalJSON.object([
            "algorithm": .string(algorithm),
            "targets": pool(targets.map { ($0.key, $0.name) }), "inspectors": pool(inspectors.map { ($0.key, $0.name) }),
            "targetCount": .int(Int64(parameters.targetCount)), "inspectorsPerTarget": .int(Int64(parameters.inspectorsPerTarget)),
        ])
        return LedgerHash.sha256(json.bytes).hex
    }

    /// The draw as the public may see it: without the seed until drawn, with it after.
    public var published: PublishedDraw { PublishedDraw(self) }

    /// The ledger content: the state with the seed withheld until the draw is made, so the
    /// log commits to the seed's hash first and reveals it after (PUB-9).
    var ledgerContent: CanonicalJSON {
        get throws {
            var visible = self
            if status == .committed { visible.seed = "" }
            return try visible.stateContent
        }
    }

    func ledgerRecord(_ type: String) throws -> LedgerRecord {
        Self.logged(type: type, table: "inspection_draws", id: id.uuidString.lowercased(), organisationID: organisationID, content: try ledgerContent)
    }

    /// The JSON names are part of the log format (REC-5): renaming a property keeps its name here.
    enum CodingKeys: String, CodingKey {
        case id, organisationID, itemEntryID, title, category, targets, inspectors, parameters, commitment, poolsHash, committedAt, status
        case seed, drawnAt, assignments, inspectionEndedOn, resultsDueOn, results, publishedOn
    }
}

/// 公开的抽查 — exactly the shape `scripts/redraw.py` reads (seed, commitment, parameters,
/// targets, inspectors, assignments), plus what the public should know about it.
public struct PublishedDraw: Codable, Sendable, Equatable {
    public let id: String
    public let algorithm: String
    public let title: String
    public let status: String
    public let statusName: String
    public let committedAt: Date
    public let commitment: String
    public let poolsHash: String
    /// Empty until drawn.
    public let seed: String
    public let parameters: RandomDraw.Parameters
    public let targets: [RandomDraw.Target]
    public let inspectors: [RandomDraw.Inspector]
    public let assignments: [RandomDraw.Assignment]
    public let inspectionEndedOn: CivilDate?
    public let resultsDueOn: CivilDate?
    public let publishedOn: CivilDate?
    /// Only once published (PUB-9), redacted (PUB-8).
    public let results: [InspectionDraw.TargetResult]

    /// Staff (`withFindings`) also see the findings before they are published; nobody sees the seed before the draw.
    public init(_ draw: InspectionDraw, withFindings: Bool = false) {
        id = draw.id.uuidString.lowercased()
        algorithm = InspectionDraw.algorithm
        title = draw.title
        status = draw.status.rawValue
        statusName = draw.status.chineseName
        committedAt = draw.committedAt
        commitment = draw.commitment
        poolsHash = draw.poolsHash
        seed = draw.status == .committed ? "" : draw.seed
        parameters = draw.parameters
        targets = draw.targets
        inspectors = draw.inspectors
        assignments = draw.assignments
        inspectionEndedOn = draw.inspectionEndedOn
        resultsDueOn = draw.resultsDueOn
        publishedOn = draw.publishedOn
        results = draw.status == .published || withFindings ? draw.results : []
    }

    public var json: String { get throws { try StateJSON.encode(self) } }
}

/// 抽查存储.
public protocol DrawRepository: Sendable {
    func insert(_ draw: InspectionDraw) async throws
    func update(_ draw: InspectionDraw) async throws
    func find(_ id: InspectionDraw.ID) async throws -> InspectionDraw?
    /// These organisations' draws, newest first (all when `nil`).
    func list(organisations: [Organisation.ID]?) async throws -> [InspectionDraw]
    func chronological(offset: Int, limit: Int) async throws -> [InspectionDraw]
}

