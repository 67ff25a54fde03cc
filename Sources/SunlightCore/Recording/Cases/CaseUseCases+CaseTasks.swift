import Foundation

extension CaseUseCases {
    /// The case work waiting for the actor (REC-13): clocks due soon or overdue on their cases
    /// (a head: on every running case of the organisation), documents waiting for their
    /// signature, and audio/video exemptions waiting for a head's approval. Each is asked of
    /// the database for the rows it shows; no running case is loaded for nothing.
    func caseTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, let organisation = actor.organisation else { return [] }
        let isHead = user.has(.head)
        let mine = Set(try await store.cases.assigned(to: user.id))
        guard isHead || !mine.isEmpty else { return [] }
        var tasks: [StaffTask] = []
        let late: [(enforcementCase: EnforcementCase, clocks: [CaseClock])]
        if isHead {
            late = try await lateClocks(organisations: [organisation.id], dueSoon: true)
        } else {
            let own = try await store.cases.find(ids: Array(mine)).filter { $0.organisationID == organisation.id }
            let byID = Dictionary(uniqueKeysWithValues: own.map { ($0.id, $0) })
            late = try await runningClocks(of: own).compactMap { id, clocks in
                let due = clocks.filter { $0.state == .dueSoon || $0.state == .overdue }
                return due.isEmpty ? nil : byID[id].map { ($0, due) }
            }
        }
        for (theCase, clocks) in late {
            for clock in clocks {
                tasks.append(StaffTask(title: "\(theCase.number)：\(clock.title)", detail: "\(theCase.title)；\(clock.basis)", due: clock.due,
                                       state: clock.state, link: .case(theCase.id), rule: clock.rule))
            }
        }
        let waiting = try await store.caseRecords.documents(organisations: [organisation.id], status: .review).filter { document in
            document.type.signedByHead ? isHead : (mine.contains(document.caseID) && document.draftedBy != user.id)
        }
        let requests = isHead ? try await store.cases.events(organisations: [organisation.id], cases: .running,
                                                             kinds: [.audioVideoExemptionRequested, .audioVideoExemptionApproved], dates: nil) : []
        let named = try await store.cases.find(ids: Array(Set(waiting.map(\.caseID) + requests.map(\.caseID))))
        let running = Dictionary(uniqueKeysWithValues: named.filter { $0.status == .open || $0.status == .suspended }.map { ($0.id, $0) })
        for document in waiting {
            guard let theCase = running[document.caseID] else { continue }
            tasks.append(StaffTask(title: "审签\(document.type.chineseName)", detail: "\(theCase.number) \(theCase.title)", due: nil, state: nil,
                                   link: .document(document.id), rule: .rec6))
        }
        for (caseID, caseEvents) in Dictionary(grouping: requests, by: \.caseID) {
            guard let theCase = running[caseID],
                  let request = caseEvents.last(where: { $0.kind == .audioVideoExemptionRequested && $0.stage == theCase.stage }),
                  !caseEvents.contains(where: { $0.kind == .audioVideoExemptionApproved && $0.stage == theCase.stage }),
                  request.by != user.id else { continue }
            tasks.append(StaffTask(title: "审批免于音像记录", detail: "\(theCase.number)：\(request.note ?? "")", due: nil, state: nil,
                                   link: .case(theCase.id), rule: .rec3))
        }
        return tasks
    }
}
