import Foundation

/// 执法决定（按类别）— one decision of a case, read from the record each of the six categories of
/// enforcement keeps (seed 004; SUP-6, REC-12): a 行政处罚 or 行政许可 decision issued; a
/// 查封（扣押）决定书 issued (行政强制, whatever case it is issued in); the amount assessed (核定) in
/// a 行政征收 or 行政收费 case; an inspection's closing (行政检查). Statistics count these, so no
/// category reads 0 because its decisions are recorded differently from a penalty's.
public struct CategoryDecision: Sendable, Equatable {
    public let caseID: EnforcementCase.ID
    public let category: EnforcementCategory
    public let on: CivilDate
    /// 罚款（元）, for penalties.
    public let fine: Int

    /// The stage whose completion is a 征收 or 收费 case's decision: 核定, the amount assessed.
    public static let assessmentStage = "assessment"

    /// The decisions among `events` and `documents`, of the cases whose category `categoryOf` gives.
    public static func all(events: [CaseEvent], documents: [CaseDocument],
                           categoryOf: [EnforcementCase.ID: EnforcementCategory]) -> [CategoryDecision] {
        var found: [CategoryDecision] = []
        for event in events {
            guard let category = categoryOf[event.caseID] else { continue }
            switch (category, event.kind) {
            case (.coercion, _): continue   // counted from its seizure decisions below
            case (.levy, .stageCompleted), (.fee, .stageCompleted):
                guard event.stage == assessmentStage else { continue }
            case (.inspection, .closed): break
            case (.levy, _), (.fee, _), (.inspection, _): continue
            case (_, .decided): break
            default: continue
            }
            found.append(CategoryDecision(caseID: event.caseID, category: category, on: event.on,
                                          fine: event.kind == .decided ? Int(event.data["fine"] ?? "") ?? 0 : 0))
        }
        for document in documents where document.type == .seizureDecision && document.status == .issued && categoryOf[document.caseID] != nil {
            guard let on = document.issuedOn else { continue }
            found.append(CategoryDecision(caseID: document.caseID, category: .coercion, on: on, fine: 0))
        }
        return found.sorted { $0.on < $1.on }
    }

    /// The event kinds `all` reads.
    public static let eventKinds: Set<CaseEvent.Kind> = [.decided, .closed, .stageCompleted]
}

extension UseCaseArea {
    /// The decisions made between `first` and `last` in `organisations`' cases (SUP-6, REC-12): their
    /// events in the period, and the seizure decisions of their coercion cases and of every case
    /// with an event in the period.
    func categoryDecisions(organisations: [Organisation.ID], from first: CivilDate, to last: CivilDate) async throws
        -> (decisions: [CategoryDecision], cases: [EnforcementCase.ID: EnforcementCase]) {
        let events = try await store.cases.events(organisations: organisations, cases: CaseFilter(openedTo: last),
                                                  kinds: CategoryDecision.eventKinds, dates: first...last)
        let coercive = try await store.cases.matching(organisations: organisations, filter: CaseFilter(category: .coercion, openedTo: last))
        var cases = Dictionary(coercive.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for found in try await store.cases.find(ids: Array(Set(events.map(\.caseID)).subtracting(cases.keys))) { cases[found.id] = found }
        let documents = try await store.caseRecords.documents(ofCases: Array(cases.keys))
            .filter { $0.type == .seizureDecision && ($0.issuedOn.map { $0 >= first && $0 <= last } ?? false) }
        return (CategoryDecision.all(events: events, documents: documents, categoryOf: cases.mapValues(\.category)), cases)
    }
}

extension EnforcementCategory {
    /// How a report names this category's decisions (PUB-12): 作出处罚决定, 作出查封、扣押决定, 核定征收….
    public var decisionWording: String {
        switch self {
        case .penalty: "作出处罚决定"
        case .permit: "作出许可决定"
        case .coercion: "作出查封、扣押决定"
        case .levy: "核定征收"
        case .fee: "核定收费"
        case .inspection: "完成检查"
        case .benefit, .adjudication, .confirmation, .reward, .other: "作出决定"
        }
    }
}
