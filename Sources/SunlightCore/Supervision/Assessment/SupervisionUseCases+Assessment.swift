import Foundation

extension SupervisionUseCases {
    /// 考核方案 — the scheme the bureau over the actor's organisation uses for `year` (SUP-8).
    public func assessmentScheme(year: Int, by actor: Actor) async throws -> AssessmentScheme {
        let bureau = try await assessingBureau(of: actor)
        let saved = try await store.records(AssessmentScheme.self).list(organisations: [bureau.id]).filter { $0.year == year }
        return saved.max { $0.createdAt < $1.createdAt } ?? .standard(year: year, bureau: bureau.id, at: now)
    }

    /// 调整考核方案 — the supervisor sets each indicator's points and the grade boundaries (SUP-8).
    public func saveAssessmentScheme(year: Int, points: [String: Int], excellentFrom: Int, goodFrom: Int, passFrom: Int,
                                     by actor: Actor) async throws -> AssessmentScheme {
        let permissions = AssessmentPermissions(actor: actor, year: year, today: clock.today, filed: [])
        try await guarded(actor, AssessmentScheme.table, id: nil, in: actor.organisation) { try permissions.check(.scheme) }
        let current = try await assessmentScheme(year: year, by: actor)
        let indicators = current.indicators.map { AssessmentIndicator(code: $0.code, name: $0.name, points: points[$0.code] ?? $0.points, measure: $0.measure) }
        let scheme = AssessmentScheme(organisationID: current.organisationID, year: year, indicators: indicators, excellentFrom: excellentFrom,
                                      goodFrom: goodFrom, passFrom: passFrom, createdAt: now)
        try scheme.check()
        return try await save(scheme, new: true, "assessment.scheme", "调整 \(year) 年度考核方案", in: try await requireOrganisation(scheme.organisationID), by: actor)
    }

    /// 计算 — the organisation's scores for the year from its records and the bureau's scores for
    /// the rest; not saved (SUP-8).
    public func computeAssessment(of organisationID: Organisation.ID, year: Int, scored: [String: Int] = [:], by actor: Actor) async throws -> OrganisationAssessment {
        let organisation = try await requireOrganisation(organisationID)
        try await guarded(actor, OrganisationAssessment.table, id: nil, in: organisation) {
            try actor.require(anyOf: .supervisor, .head)
            guard actor.scope.canRead(organisation) else { throw SunlightError.outsideScope }
        }
        let scheme = try await assessmentScheme(year: year, by: actor)
        return try score(organisation, year: year, measured: try await measures(of: [organisation], year: year)[organisation.id] ?? [:], scheme: scheme,
                         scored: scored, by: actor)
    }

    /// 考核一览 — for each department and town in the actor's view, its saved rating for the year,
    /// or one computed from the records as they stand; the scheme is read and the role checked once (SUP-8).
    public func assessmentOverview(year: Int, by actor: Actor) async throws -> [(rating: OrganisationAssessment, saved: Bool)] {
        try await guarded(actor, OrganisationAssessment.table, id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head) }
        let scheme = try await assessmentScheme(year: year, by: actor)
        let saved = try await assessments(by: actor).filter { $0.year == year }
        var overview: [(rating: OrganisationAssessment, saved: Bool)] = []
        var unsaved: [Organisation] = []
        let inView = try await organisationsInView(of: actor)
        let order = Dictionary(inView.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for organisation in inView where organisation.kind == .department || organisation.level == .town {
            if let rating = saved.first(where: { $0.organisationID == organisation.id }) {
                overview.append((rating, true))
            } else {
                unsaved.append(organisation)
            }
        }
        // The organisations without a saved rating are measured together, each query once for all of them.
        let measured = try await measures(of: unsaved, year: year)
        for organisation in unsaved {
            overview.append((try score(organisation, year: year, measured: measured[organisation.id] ?? [:], scheme: scheme, scored: [:], by: actor), false))
        }
        return overview.sorted { a, b in (order[a.rating.organisationID] ?? 0) < (order[b.rating.organisationID] ?? 0) }
    }

    /// An organisation's scores under a scheme.
    private func score(_ organisation: Organisation, year: Int, measured: [AssessmentMeasure: (Int, Int)], scheme: AssessmentScheme,
                       scored: [String: Int], by actor: Actor) throws -> OrganisationAssessment {
        var scores: [OrganisationAssessment.Score] = []
        for indicator in scheme.indicators {
            if let measure = indicator.measure {
                let (done, total) = measured[measure] ?? (0, 0)
                scores.append(.init(code: indicator.code, name: indicator.name, points: indicator.points, measured: total == 0 ? "无此类事项" : "\(done)/\(total)",
                                    tenths: AssessmentScheme.tenths(points: indicator.points, done: done, of: total)))
            } else {
                let given = scored[indicator.code] ?? 0
                guard (0...indicator.points).contains(given) else {
                    throw SunlightError.invalid(indicator.code, "“\(indicator.name)”的得分应在 0–\(indicator.points) 之间", rule: .sup8)
                }
                scores.append(.init(code: indicator.code, name: indicator.name, points: indicator.points, measured: nil, tenths: given * 10))
            }
        }
        let total = scores.reduce(0) { $0 + $1.tenths }
        return OrganisationAssessment(id: UUID(), organisationID: organisation.id, counterpartID: scheme.organisationID, year: year, scores: scores,
                                      totalTenths: total, grade: scheme.grade(tenths: total), ratedBy: actor.displayName, status: .rated, createdAt: now)
    }

    /// 评定 — the supervisor records the rating (again, until it is published) (SUP-8).
    public func rateOrganisation(_ organisationID: Organisation.ID, year: Int, scored: [String: Int], by actor: Actor) async throws -> OrganisationAssessment {
        let organisation = try await requireOrganisation(organisationID)
        let existing = try await store.records(OrganisationAssessment.self).list(organisations: [organisationID])
            .first { $0.organisationID == organisationID && $0.year == year }
        let permissions = RatingPermissions(actor: actor, organisation: organisation, saved: existing)
        try await guarded(actor, OrganisationAssessment.table, id: existing?.id.uuidString, in: organisation) { try permissions.check(.rate) }
        var rating = try await computeAssessment(of: organisationID, year: year, scored: scored, by: actor)
        if let existing {
            rating = OrganisationAssessment(id: existing.id, organisationID: rating.organisationID, counterpartID: rating.counterpartID, year: year,
                                            scores: rating.scores, totalTenths: rating.totalTenths, grade: rating.grade, ratedBy: rating.ratedBy,
                                            status: .rated, createdAt: existing.createdAt)
        }
        return try await save(rating, new: existing == nil, "assessment.rated",
                              "评定 \(year) 年度考核：\(OrganisationAssessment.pointsText(rating.totalTenths)) 分，\(rating.grade.chineseName)", in: organisation, by: actor)
    }

    /// 公布 — after the government approved the results (its reference recorded) (SUP-8).
    public func publishAssessment(_ id: OrganisationAssessment.ID, approval: String, by actor: Actor) async throws -> OrganisationAssessment {
        guard var rating = try await store.records(OrganisationAssessment.self).find(id) else { throw SunlightError.notFound("考核结果") }
        let organisation = try await requireOrganisation(rating.organisationID)
        let permissions = RatingPermissions(actor: actor, organisation: organisation, saved: rating)
        try await guarded(actor, OrganisationAssessment.table, id: id.uuidString, in: organisation) { try permissions.check(.publish) }
        let approval = approval.trimmed
        guard (4...100).contains(approval.count) else { throw SunlightError.invalid("approval", "请填写本级政府审定的文号或日期", rule: .sup8) }
        rating.status = .published
        rating.approval = approval
        rating.publishedOn = clock.today
        return try await save(rating, new: false, "assessment.published", "公布 \(rating.year) 年度考核结果", in: organisation, by: actor)
    }

    /// The assessment page for `year` (SUP-8): the scheme, every rating with what the reader may do
    /// (``RatingPermissions``), the filings, and what else the reader may do (``AssessmentPermissions``);
    /// organisations named from one query.
    public func assessmentDesk(year: Int, by actor: Actor) async throws -> AssessmentDesk {
        let overview = try await assessmentOverview(year: year, by: actor)
        let scheme = try await assessmentScheme(year: year, by: actor)
        let inView = try await organisationsInView(of: actor)
        let byID = Dictionary(inView.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ratings = overview.map { rating, saved in
            AssessmentRatingItem(rating: rating, saved: saved, organisationName: byID[rating.organisationID]?.name ?? "",
                                 actions: byID[rating.organisationID].map { RatingPermissions(actor: actor, organisation: $0, saved: saved ? rating : nil).allowed } ?? [])
        }
        let filings = try await assessmentFilings(by: actor)
        let today = clock.today
        let start = AssessmentPermissions(actor: actor, year: year, today: today, filed: filings.filter { $0.organisationID == actor.organisation?.id }).allowed
        return AssessmentDesk(scheme: scheme, ratings: ratings, filings: filings.map { ($0, byID[$0.organisationID]?.name ?? "") },
                              officers: start.contains(.officers) ? try await officersToEvaluate(by: actor) : [],
                              half: AssessmentFiling.lastHalf(before: today).period, start: start)
    }

    /// The ratings in the actor's view.
    public func assessments(by actor: Actor) async throws -> [OrganisationAssessment] {
        try await guarded(actor, OrganisationAssessment.table, id: nil, in: actor.organisation) { try actor.require(anyOf: .supervisor, .head) }
        return try await store.records(OrganisationAssessment.self).list(organisations: try await organisationsInView(of: actor).map(\.id))
    }

    /// 公布的考核结果、自评和评议 — for the portal.
    public func publicAssessments() async throws -> ([OrganisationAssessment], [AssessmentFiling]) {
        (try await store.records(OrganisationAssessment.self).list(organisations: nil, statuses: [OrganisationAssessment.Status.published.rawValue]),
         try await store.records(AssessmentFiling.self).list(organisations: nil, statuses: nil))
    }

    // MARK: - Measures

    /// The justice bureau that assesses the actor's organisation (a supervisor's own bureau).
    func assessingBureau(of actor: Actor) async throws -> Organisation {
        guard let home = actor.organisation else { throw SunlightError.outsideScope }
        if home.kind == .justiceBureau { return home }
        guard let bureau = try await justiceBureau(over: home) else { throw SunlightError.notFound("本级司法行政机关") }
        return bureau
    }
}
