import Foundation

extension CaseUseCases {
    /// 解除查封、扣押 — the head releases a seizure with the reason (REC-16; 行政强制法 第二十八条):
    /// the seizure's clock stops, and the case may then be dealt with, terminated or closed.
    public func releaseSeizure(case caseID: EnforcementCase.ID, decision documentID: UUID, reason: String, by actor: Actor) async throws -> EnforcementCase {
        let (theCase, organisation) = try await workableCase(caseID, .releaseSeizure, by: actor)
        let reason = reason.trimmed
        guard (4...500).contains(reason.count) else {
            throw SunlightError.invalid("reason", "请写明解除查封、扣押的理由（4–500 字），如：违法事实不成立、不再需要查封扣押、期限届满（行政强制法第二十八条）", rule: .rec16)
        }
        let snapshot = try await snapshot(of: theCase, in: store)
        guard let seizure = snapshot.activeSeizures.first(where: { $0.decision.id == documentID }) else { throw SunlightError.notFound("未解除的查封、扣押") }
        return try await transition(theCase, in: organisation, kind: .seizureReleased, note: reason,
                                    data: ["document": documentID.uuidString.lowercased()], by: actor,
                                    summary: "解除查封、扣押（\(seizure.decision.number ?? theCase.number)）") { _ in }
    }
}
