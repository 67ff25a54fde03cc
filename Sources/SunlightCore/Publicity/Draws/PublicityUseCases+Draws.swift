import Foundation
import SunlightLedger

extension PublicityUseCases {
    /// 建立抽查并承诺种子 — fixes the target pool (one `统一社会信用代码,名称` per line) and the
    /// inspector pool (the organisation's officers who may enforce `category` today, REC-7),
    /// generates one seed no person sees, and logs its hash with the pools' hash (PUB-4, PUB-9).
    public func commitDraw(title: String, category: EnforcementCategory, itemEntryID: UUID? = nil, targets text: String,
                           targetCount: Int, inspectorsPerTarget: Int = 2, by actor: Actor) async throws -> InspectionDraw {
        let organisation = try await drawOrganisation(actor)
        let title = title.trimmed
        guard (2...100).contains(title.count) else { throw SunlightError.invalid("title", "请填写抽查任务名称（2–100 字）", rule: .pub4) }
        let targets = try Self.parseTargets(text)
        let today = clock.today
        let inspectors = try await standards.qualifications(in: [organisation]).filter { $0.isAssignable(to: category, on: today) }
            .compactMap { q in q.mainCertificate(on: today).map { RandomDraw.Inspector(key: $0.number, name: q.user.displayName) } }
        let parameters = RandomDraw.Parameters(targetCount: targetCount, inspectorsPerTarget: inspectorsPerTarget)
        // Refuse now what the draw would refuse later (REC-7: too few certified inspectors).
        do { _ = try RandomDraw.pools(targets: targets, inspectors: inspectors, parameters: parameters) } catch {
            throw SunlightError(.ruleViolation, code: "draw.pool", Self.describe(error), rule: .pub9)
        }
        let draw = InspectionDraw(organisationID: organisation.id, itemEntryID: itemEntryID, title: title, category: category, targets: targets,
                                  inspectors: inspectors, parameters: parameters, seed: RandomDraw.newSeed(), committedAt: now)
        return try await commit(actor, .create, "inspection_draw", id: draw.id.uuidString, in: organisation,
                                "建立双随机抽查“\(title)”：\(targets.count) 个对象、\(inspectors.count) 名执法人员，种子承诺 \(draw.commitment.prefix(16))…") { tx, _ in
            try await tx.draws.insert(draw)
            return (draw, [try draw.ledgerRecord("draw.committed")])
        }
    }

    /// 抽取 — runs the draw from the committed seed and publishes the seed with the result.
    public func performDraw(_ id: InspectionDraw.ID, by actor: Actor) async throws -> InspectionDraw {
        let (found, organisation) = try await workableDraw(id, .perform, by: actor)
        var draw = found
        do { draw.assignments = try RandomDraw.run(seed: draw.seed, targets: draw.targets, inspectors: draw.inspectors, parameters: draw.parameters) } catch {
            throw SunlightError(.ruleViolation, code: "draw.pool", Self.describe(error), rule: .pub9)
        }
        draw.status = .drawn
        draw.drawnAt = now
        let drawn = draw
        return try await commit(actor, .update, "inspection_draw", id: id.uuidString, in: organisation, "抽取“\(draw.title)”，公开种子") { tx, _ in
            try await tx.draws.update(drawn)
            return (drawn, [try drawn.ledgerRecord("draw.drawn")])
        }
    }

    /// 登记检查结果 — the inspection ended on `endedOn`; results are due for publication 20
    /// working days later (PUB-9). One result for every drawn target.
    public func recordInspectionResults(_ id: InspectionDraw.ID, endedOn: CivilDate, results: [InspectionDraw.TargetResult],
                                        by actor: Actor) async throws -> InspectionDraw {
        let (found, organisation) = try await workableDraw(id, .results, by: actor)
        guard endedOn <= clock.today, endedOn >= ChinaTime.date(of: found.committedAt) else {
            throw SunlightError.invalid("endedOn", "检查结束日期应在建立抽查之后、今天或以前", rule: .pub9)
        }
        let drawnKeys = found.assignments.map(\.target.key)
        let byKey = Dictionary(results.map { ($0.targetKey, $0) }, uniquingKeysWith: { $1 })
        for key in drawnKeys where (byKey[key]?.findings.trimmed ?? "").isEmpty || (byKey[key]?.handling.trimmed ?? "").isEmpty {
            let name = found.targets.first { $0.key == key }?.name ?? key
            throw SunlightError.invalid("results", "请填写“\(name)”的检查情况和处理结果", rule: .pub9)
        }
        let calendar = try await calendars.current()
        var draw = found
        draw.results = drawnKeys.compactMap { byKey[$0] }.map { .init(targetKey: $0.targetKey, findings: $0.findings.trimmed, handling: $0.handling.trimmed) }
        draw.inspectionEndedOn = endedOn
        draw.resultsDueOn = try calendar.due(from: endedOn, .workingDays(20)).date
        draw.status = .inspected
        let done = draw
        return try await commit(actor, .update, "inspection_draw", id: id.uuidString, in: organisation,
                                "登记“\(draw.title)”检查结果，应于 \(draw.resultsDueOn!.iso) 前公开") { tx, _ in
            try await tx.draws.update(done)
            return (done, [try done.ledgerRecord("draw.inspected")])
        }
    }

    /// 公开抽查结果 — the publicity clerk publishes the findings, redacted (PUB-8, PUB-9), and
    /// the message for the upper-level platform is queued in the same transaction (PUB-10).
    public func publishDrawResults(_ id: InspectionDraw.ID, by actor: Actor) async throws -> InspectionDraw {
        let (found, organisation) = try await workableDraw(id, .publish, by: actor)
        var draw = found
        let redactor = Redactor(allowed: [organisation.name])
        draw.results = found.results.map { .init(targetKey: $0.targetKey, findings: redactor.redact($0.findings).text, handling: redactor.redact($0.handling).text) }
        draw.status = .published
        draw.publishedOn = clock.today
        let done = draw
        return try await commit(actor, .update, "inspection_draw", id: id.uuidString, in: organisation, "公开“\(draw.title)”抽查结果") { [ledger] tx, at in
            try await tx.draws.update(done)
            try await tx.outbox.insert(.make(.drawPublished, organisationID: organisation.id, subject: done.id.uuidString.lowercased(),
                                             ledger: ledger, at: at, data: done.published))
            return (done, [try done.ledgerRecord("draw.published")])
        }
    }

    /// The draws of the organisations the actor may read (staff).
    public func draws(by actor: Actor) async throws -> [InspectionDraw] {
        try await guarded(actor, "inspection_draw", id: nil, in: actor.organisation) {
            try actor.require(anyOf: .officer, .head, .publicityClerk, .supervisor, .administrator)
        }
        return try await store.draws.list(organisations: try await readableOrganisations(of: actor).map(\.id))
    }

    /// One draw for staff who may read its organisation.
    public func draw(_ id: InspectionDraw.ID, by actor: Actor) async throws -> InspectionDraw {
        try await drawDetail(id, by: actor).draw
    }

    /// The draws desk: the draws in view and whether the reader may set up one (``DrawStart``).
    public func drawDesk(by actor: Actor) async throws -> DrawDesk {
        DrawDesk(draws: try await draws(by: actor), start: DrawStart.allowed(for: actor))
    }

    /// One draw with the steps the reader may take now (``DrawPermissions``).
    public func drawDetail(_ id: InspectionDraw.ID, by actor: Actor) async throws -> DrawDetail {
        guard let draw = try await store.draws.find(id) else { throw SunlightError.notFound("双随机抽查") }
        let organisation = try await requireOrganisation(draw.organisationID)
        try await guarded(actor, "inspection_draw", id: id.uuidString, in: organisation) { try actor.requireRead(organisation) }
        return DrawDetail(draw: draw, actions: DrawPermissions(actor: actor, draw: draw, organisation: organisation).allowed)
    }

    /// Every draw as the public sees it (the seed only once drawn, results only once published).
    public func publicDraws() async throws -> [(PublishedDraw, String)] {
        let names = try await organisations.organisationNames()
        return try await store.draws.list(organisations: nil).map { ($0.published, names[$0.organisationID] ?? "") }
    }

    public func publicDraw(_ id: InspectionDraw.ID) async throws -> (PublishedDraw, String) {
        guard let draw = try await store.draws.find(id) else { throw SunlightError.notFound("双随机抽查") }
        return (draw.published, try await requireOrganisation(draw.organisationID).name)
    }

    // MARK: - Helpers

    /// Heads and publicity clerks of an enforcement organisation run its draws (``DrawStart``).
    private func drawOrganisation(_ actor: Actor) async throws -> Organisation {
        try await guarded(actor, "inspection_draw", id: nil, in: actor.organisation) { () throws -> Organisation in
            try DrawStart.check(actor)
            guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
            return organisation
        }
    }

    /// A draw the actor may take `action` on now (``DrawPermissions``); a refusal for lack of role
    /// or scope is logged.
    private func workableDraw(_ id: InspectionDraw.ID, _ action: DrawAction, by actor: Actor) async throws -> (InspectionDraw, Organisation) {
        guard let draw = try await store.draws.find(id) else { throw SunlightError.notFound("双随机抽查") }
        let organisation = try await requireOrganisation(draw.organisationID)
        let permissions = DrawPermissions(actor: actor, draw: draw, organisation: organisation)
        try await guarded(actor, "inspection_draw", id: id.uuidString, in: organisation) { try permissions.check(action) }
        return (draw, organisation)
    }

    /// `代码,名称` per line (a comma, a Chinese comma or a tab between); blank lines skipped.
    static func parseTargets(_ text: String) throws -> [RandomDraw.Target] {
        var targets: [RandomDraw.Target] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = String(line).trimmed
            guard !line.isEmpty else { continue }
            let separators: Set<Character> = [",", "，", "\t"]
            let parts: [String] = line.split(maxSplits: 1, whereSeparator: { separators.contains($0) }).map { String($0).trimmed }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw SunlightError.invalid("targets", "第 \(index + 1) 行应为“统一社会信用代码,名称”", rule: .pub4)
            }
            targets.append(.init(key: parts[0], name: parts[1]))
        }
        return targets
    }

    static func describe(_ error: any Error) -> String {
        switch error as? RandomDraw.Problem {
        case .badSeed?: "种子格式错误"
        case .badParameters?: "抽取数量和每个对象的执法人员数都应至少为 1"
        case .duplicateTarget(let key)?: "检查对象名录中 \(key) 重复"
        case .duplicateInspector(let key)?: "执法人员名录中 \(key) 重复"
        case .tooFewTargets(let have, let need)?: "检查对象名录只有 \(have) 个，少于抽取数量 \(need)"
        case .tooFewInspectors(let have, let need)?: "持有相应类别有效执法证的执法人员只有 \(have) 名，少于每个对象所需的 \(need) 名（依据《中华人民共和国行政处罚法》第四十二条）"
        case nil: String(describing: error)
        }
    }
}
