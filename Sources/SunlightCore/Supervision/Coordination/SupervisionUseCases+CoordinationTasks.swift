extension SupervisionUseCases {
    /// 协调待办 — the matters waiting for a step the actor may take, with their clocks (SUP-3,
    /// SUP-7, SUP-11, SUP-12, SUP-13).
    func coordinationTasks(for actor: Actor) async throws -> [StaffTask] {
        guard actor.user != nil, actor.organisation != nil else { return [] }
        let calendar = try await calendars.current()
        return try await store.records(CoordinationMatter.self).list(organisations: try await organisationsInView(of: actor).map(\.id),
                                                                              statuses: CoordinationMatter.Status.openCodes).compactMap { matter in
            let steps = coordinationActions(matter, by: actor).filter { $0.action != .note }
            guard !steps.isEmpty else { return nil }
            return StaffTask(title: "\(matter.kind.chineseName)：\(matter.subject)", detail: "\(matter.status.chineseName)；可\(steps.map(\.action.chineseName).joined(separator: "、"))",
                             due: matter.dueOn, state: deadlineState(of: matter.dueOn, calendar: calendar),
                             link: .coordination(matter.id), rule: matter.kind.rule)
        }
    }
}
