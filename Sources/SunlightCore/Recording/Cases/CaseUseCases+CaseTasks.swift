import Foundation

extension CaseUseCases {
    /// The case work waiting for the actor (REC-13): clocks due soon or overdue on their cases
    /// (a head: on every running case of the organisation), documents waiting for their
    /// signature, and audio/video exemptions waiting for a head's approval.
    func caseTasks(for actor: Actor) async throws -> [StaffTask] {
        guard let user = actor.user, let organisation = actor.organisation else { return [] }
        let isHead = user.has(.head)
        let mine = Set(try await store.cases.assigned(to: user.id))
        let running = try await store.cases.list(organisations: [organisation.id], filter: .running, limit: 2000)
            .filter { isHead || mine.contains($0.id) }
        guard !running.isEmpty else { return [] }
        var tasks: [StaffTask] = []
        for (id, clocks) in try await runningClocks(of: running) {
            guard let theCase = running.first(where: { $0.id == id }) else { continue }
            for clock in clocks where clock.state == .dueSoon || clock.state == .overdue {
                tasks.append(StaffTask(title: "\(theCase.number)：\(clock.title)", detail: "\(theCase.title)；\(clock.basis)", due: clock.due,
                                       state: clock.state, link: .case(id), rule: clock.rule))
            }
        }
        let documents = try await store.caseRecords.documents(ofCases: running.map(\.id)).filter { $0.status == .review }
        for document in documents {
            guard let theCase = running.first(where: { $0.id == document.caseID }) else { continue }
            let maySign = document.type.signedByHead ? isHead : (mine.contains(theCase.id) && document.draftedBy != user.id)
            guard maySign else { continue }
            tasks.append(StaffTask(title: "审签\(document.type.chineseName)", detail: "\(theCase.number) \(theCase.title)", due: nil, state: nil,
                                   link: .document(document.id), rule: .rec6))
        }
        if isHead {
            let events = Dictionary(grouping: try await store.cases.events(ofCases: running.map(\.id)), by: \.caseID)
            for theCase in running {
                let caseEvents = events[theCase.id] ?? []
                guard let request = caseEvents.last(where: { $0.kind == .audioVideoExemptionRequested && $0.stage == theCase.stage }),
                      !caseEvents.contains(where: { $0.kind == .audioVideoExemptionApproved && $0.stage == theCase.stage }),
                      request.by != user.id else { continue }
                tasks.append(StaffTask(title: "审批免于音像记录", detail: "\(theCase.number)：\(request.note ?? "")", due: nil, state: nil,
                                       link: .case(theCase.id), rule: .rec3))
            }
        }
        return tasks
    }
}
