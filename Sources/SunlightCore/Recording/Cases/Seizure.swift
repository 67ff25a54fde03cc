/// 查封、扣押 — one seizure of a 行政强制 case, as its 查封（扣押）决定书 and the case's events
/// record it (REC-16; 《中华人民共和国行政强制法》第二十四条至第二十八条): the items and the place,
/// the term of at most 30 days, one approved extension of at most 30 days, and its release with
/// the reason. Its clock runs from the decision until release, whatever the case's status.
public struct Seizure: Sendable, Equatable {
    /// 查封、扣押的期限 (行政强制法 第二十五条): at most 30 days, extended once by at most 30.
    public static let maximumDays = 30

    /// The 查封（扣押）决定书.
    public let decision: CaseDocument
    public let seizedOn: CivilDate
    /// The term the decision states; 30 days for a decision written before terms were typed.
    public let days: Int
    /// Days added by approved extensions (REC-17).
    public let extendedDays: Int
    /// 解除查封、扣押, when recorded.
    public let release: CaseEvent?

    public var active: Bool { release == nil }

    /// 查封扣押的场所、设施或者财物清单.
    public var items: String { decision.text(.items) ?? "" }
    public var place: String { decision.text(.place) ?? "" }
}

extension CaseSnapshot {
    /// Every seizure of the case, in the order decided (REC-16).
    public var seizures: [Seizure] {
        let extended = min(Seizure.maximumDays, extendedDays)
        return issued(.seizureDecision).compactMap { decision in
            guard let seizedOn = decision.issuedOn else { return nil }
            let release = events.first { $0.kind == .seizureReleased && $0.data["document"] == decision.id.uuidString.lowercased() }
            return Seizure(decision: decision, seizedOn: seizedOn, days: decision.terms.seizureDays ?? Seizure.maximumDays,
                           extendedDays: extended, release: release)
        }
    }

    /// Days added to the case's clock by approved extensions (REC-17).
    public var extendedDays: Int { events.filter { $0.kind == .extended }.compactMap { $0.data["days"].flatMap(Int.init) }.reduce(0, +) }

    /// Seizures not yet released: the case may not be terminated or closed while one remains.
    public var activeSeizures: [Seizure] { seizures.filter(\.active) }
}

extension CaseRules {
    /// A case is not terminated or closed while a seizure is active (REC-16, 行政强制法 第二十七条、第二十八条).
    public static func checkNoActiveSeizure(_ snapshot: CaseSnapshot, to what: String) throws {
        guard let seizure = snapshot.activeSeizures.first else { return }
        throw refuse(.rec16, "\(seizure.decision.number ?? "查封（扣押）决定") 查封、扣押的财物尚未解除或依法处理，不能\(what)：请先作出处理决定或解除查封、扣押并写明理由（行政强制法第二十七条、第二十八条）",
                     code: "case.seizure_active")
    }
}
