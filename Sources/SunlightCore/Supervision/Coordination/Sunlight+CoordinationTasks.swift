extension Sunlight {
    /// 协调待办 — the matters waiting for a step the actor may take, with their clocks (SUP-3,
    /// SUP-7, SUP-11, SUP-12, SUP-13).
    func coordinationTasks(for actor: Actor) async throws -> [StaffTask] {
        guard actor.user != nil, let home = actor.organisation else { return [] }
        let calendar = try? await calendars.current()
        let organisations = actor.has(.supervisor) ? try await readableOrganisations(of: actor).map(\.id) : [home.id]
        return try await store.records(CoordinationMatter.self).list(organisations: organisations).compactMap { matter in
            let steps = coordinationActions(matter, by: actor).filter { $0.action != .note }
            guard !steps.isEmpty else { return nil }
            return StaffTask(title: "\(matter.kind.chineseName)：\(matter.subject)", detail: "\(matter.status.chineseName)；可\(steps.map(\.action.chineseName).joined(separator: "、"))",
                             due: matter.dueOn, state: deadlineState(of: matter.dueOn, calendar: calendar),
                             link: "/staff/coordination/\(matter.id.uuidString.lowercased())", rule: matter.kind.rule)
        }
    }
}
