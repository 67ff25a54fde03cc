import Foundation

/// 涉密案件查阅 — who reads a case classified secret, commercial or private, and everything of
/// it (documents, files, previews): its active officers (not one who recused), the heads and
/// legal reviewers of its organisation, and supervisors above it who first give a reason,
/// which is logged (REC-11; seed 002 第十七条). Nothing of such a case reaches the portal.
public enum ClassifiedAccess {
    /// The access-log resource under which a supervisor's reason is kept.
    public static let reasonResource = "case_classified_reason"
    /// How long a given reason opens the case to the supervisor who gave it.
    public static let reasonLasts: TimeInterval = 8 * 3600

    /// Throws the refusal unless the actor may read the classified case. `activeOfficer`: the
    /// actor is one of its officers now; `gaveReason`: a supervisor's reason is on record.
    public static func check(_ theCase: EnforcementCase, in organisation: Organisation, by actor: Actor,
                             activeOfficer: Bool, gaveReason: Bool) throws {
        guard theCase.classification != .normal, !activeOfficer, actor.channel != .console else { return }
        if actor.scope.canChange(organisation), actor.has(.head) || actor.has(.legalReviewer) { return }
        if actor.has(.supervisor), actor.scope.canRead(organisation) {
            guard gaveReason else {
                throw SunlightError(.forbidden, code: "case.classified_reason",
                                    "该案件“\(theCase.classification.chineseName)”，监督人员查阅前须说明理由，理由和查阅均记入访问日志", rule: .rec11)
            }
            return
        }
        throw SunlightError(.forbidden, code: "case.classified",
                            "该案件“\(theCase.classification.chineseName)”，仅承办人员、本机构负责人、法制审核人员和说明理由的监督人员可以查阅", rule: .rec11)
    }
}

extension CaseUseCases {
    /// 说明查阅理由 — a supervisor states why they read a classified case; logged, it opens the
    /// case to them for ``ClassifiedAccess/reasonLasts`` (REC-11).
    public func giveClassifiedReadReason(case caseID: EnforcementCase.ID, reason: String, by actor: Actor) async throws {
        guard let theCase = try await store.cases.find(caseID) else { throw SunlightError.notFound("案件") }
        let organisation = try await requireOrganisation(theCase.organisationID)
        try await guarded(actor, "case", id: caseID.uuidString, in: organisation) {
            try actor.require(anyOf: .supervisor)
            try actor.requireRead(organisation)
        }
        let reason = reason.trimmed
        guard (4...200).contains(reason.count) else { throw SunlightError.invalid("reason", "请写明查阅理由（4–200 字）", rule: .rec11) }
        guard theCase.classification != .normal else { throw SunlightError.invalid("case", "该案件未设定密级，无须说明理由", rule: .rec11) }
        try await log(actor, .read, ClassifiedAccess.reasonResource, id: caseID.uuidString, in: organisation,
                      "说明查阅涉密案件（\(theCase.number)）的理由：\(reason)")
    }

}

extension UseCaseArea {
    /// Whether a supervisor's reason to read this case is on record and still open.
    func gaveClassifiedReadReason(_ theCase: EnforcementCase, in organisation: Organisation, by actor: Actor) async throws -> Bool {
        guard let user = actor.user, actor.has(.supervisor) else { return false }
        let entries = try await store.accessLog.entries(AccessLogQuery(
            organisationPaths: [organisation.path], actorUserID: user.id, action: .read, resourceType: ClassifiedAccess.reasonResource,
            since: now.addingTimeInterval(-ClassifiedAccess.reasonLasts), limit: 500))
        return entries.contains { $0.resourceID?.lowercased() == theCase.id.uuidString.lowercased() }
    }

    /// Refuses (logged) unless the actor may read the classified case; returns quietly for others.
    func requireClassifiedRead(_ theCase: EnforcementCase, in organisation: Organisation, by actor: Actor) async throws {
        guard theCase.classification != .normal else { return }
        let check = try await classifiedCheck(theCase, in: organisation, by: actor)
        try await guarded(actor, "case", id: theCase.id.uuidString, in: organisation, check)
    }

    /// Whether the actor may read the classified case (no log: for filtering lists).
    func mayReadClassified(_ theCase: EnforcementCase, in organisation: Organisation, by actor: Actor) async throws -> Bool {
        guard theCase.classification != .normal else { return true }
        return passes(try await classifiedCheck(theCase, in: organisation, by: actor))
    }

    /// ``ClassifiedAccess/check`` with the facts it reads (is the actor an active officer, is a reason on record) loaded.
    private func classifiedCheck(_ theCase: EnforcementCase, in organisation: Organisation, by actor: Actor) async throws -> () throws -> Void {
        let active = try await store.cases.officers(of: theCase.id).contains { $0.isActive && $0.userID == actor.user?.id }
        let reason = try await gaveClassifiedReadReason(theCase, in: organisation, by: actor)
        return { try ClassifiedAccess.check(theCase, in: organisation, by: actor, activeOfficer: active, gaveReason: reason) }
    }

    /// The classified cases that use these files, each once.
    func classifiedCases(usingFiles fileIDs: [EvidenceFile.ID]) async throws -> [EvidenceFile.ID: [EnforcementCase]] {
        let uses = try await store.caseRecords.evidence(usingFiles: fileIDs)
        let cases = try await store.cases.find(ids: Array(Set(uses.map(\.caseID)))).filter { $0.classification != .normal }
        let byID = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [EvidenceFile.ID: [EnforcementCase]] = [:]
        for use in uses { if let fileID = use.fileID, let theCase = byID[use.caseID] { result[fileID, default: []].append(theCase) } }
        return result
    }
}
