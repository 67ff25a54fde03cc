import Foundation
import SunlightLedger

/// 决定公开的证明 — a published decision's newest event, its content as logged and the
/// inclusion proof of its leaf: anyone can check, offline, that what the portal shows is what
/// the log holds (PUB-10, REC-5).
public struct PublicationProof: Codable, Sendable, Equatable {
    /// The event's ledger content as canonical JSON; its SHA-256 is the entry's content hash.
    public let content: String
    public let bundle: InclusionProofBundle
}

extension PublicityUseCases {
    /// Public decisions (published or withdrawn) for the portal, the API, the feed and the export.
    public func publicDecisions(_ filter: DecisionFilter) async throws -> [PublicDecision] {
        let found = try await store.publications.publicDecisions(filter)
        let names = found.isEmpty ? [:] : try await organisations.organisationNames()
        return found.map { PublicDecision($0, organisationName: names[$0.organisationID] ?? "") }
    }

    /// One public decision and its public history (each version as published, and the withdrawal).
    public func publicDecision(_ id: DecisionPublication.ID) async throws -> (PublicDecision, [PublicDecisionVersion]) {
        guard let publication = try await store.publications.find(id), publication.isPublic else { throw SunlightError.notFound("公开的决定") }
        let organisation = try await requireOrganisation(publication.organisationID)
        let history = try await store.publications.events(of: id).compactMap { event -> PublicDecisionVersion? in
            guard [.published, .corrected, .withdrawn].contains(event.kind) else { return nil }
            return PublicDecisionVersion(eventID: event.id.uuidString.lowercased(), kind: event.kind.rawValue, kindName: event.kind.chineseName,
                                         at: event.at, decision: PublicDecision(event.state, organisationName: organisation.name))
        }
        return (PublicDecision(publication, organisationName: organisation.name), history)
    }

    /// The inclusion proof of a public decision's newest public event (or of `eventID`).
    public func publicDecisionProof(_ id: DecisionPublication.ID, eventID: UUID? = nil) async throws -> PublicationProof {
        guard let publication = try await store.publications.find(id), publication.isPublic else { throw SunlightError.notFound("公开的决定") }
        let events = try await store.publications.events(of: id).filter { [.published, .corrected, .withdrawn].contains($0.kind) }
        guard let event = eventID.map({ wanted in events.first { $0.id == wanted } }) ?? events.last else { throw SunlightError.notFound("公开记录") }
        let record = try event.ledgerRecord()
        try await treeUpToDate()
        guard let checkpoint = try await store.ledger.latestCheckpoint() else { throw SunlightError.notFound("公开记录的日志叶子") }
        let stored = try await newestLeaf(table: record.table, recordID: record.id, within: checkpoint, missing: "公开记录的日志叶子")
        return PublicationProof(content: record.content.text, bundle: try await proofBundle(stored, checkpoint: checkpoint))
    }

    /// 公开时限规定 — the policy of every category, standard where not changed (PUB-6).
    public func publicationPolicies() async throws -> [PublicationPolicy] {
        let saved = try await store.publications.policies()
        return EnforcementCategory.allCases.map { category in saved.first { $0.category == category } ?? .standard(category) }
    }

    /// Changes a category's publication policy (administrators; logged).
    public func savePublicationPolicy(_ policy: PublicationPolicy, by actor: Actor) async throws {
        let policy = try policy.validated()
        try await guarded(actor, "publication_policy", id: policy.category.rawValue, in: actor.organisation) {
            try actor.require(anyOf: .administrator)
        }
        try await commit(actor, .update, "publication_policy", id: policy.category.rawValue, in: nil,
                         "公开时限：\(policy.category.chineseName) \(policy.workingDays) 个工作日"
                            + (policy.exemptWarnings ? "，警告免于公开" : "") + (policy.exemptSimple ? "，简易程序免于公开" : "")) { tx, _ in
            try await tx.publications.save(policy)
            return ((), [policy.ledgerRecord])
        }
    }
}

/// One version of a public decision in its history.
public struct PublicDecisionVersion: Codable, Sendable, Equatable {
    public let eventID: String
    public let kind: String
    public let kindName: String
    public let at: Date
    public let decision: PublicDecision
}

extension PublicationPolicy {
    var ledgerRecord: LedgerRecord {
        Self.logged(type: "publication.policy", table: "publication_policies", id: category.rawValue, organisationID: nil,
                    content: .object(["category": .string(category.rawValue), "workingDays": .int(Int64(workingDays)),
                                       "exemptWarnings": .bool(exemptWarnings), "exemptSimple": .bool(exemptSimple)]))
    }
}
