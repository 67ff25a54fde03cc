import Foundation

extension StandardsUseCases {
    /// The officers of these organisations with their certificates, reviews and trainings.
    func qualifications(in organisations: [Organisation], store: (any Store)? = nil) async throws -> [OfficerQualification] {
        let store = store ?? self.store
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        let users = try await store.users.list(in: organisations.map(\.id)).filter { $0.has(.officer) }
        let certificates = try await store.certificates.list(holders: users.map(\.id))
        let reviews = Dictionary(grouping: try await store.officerRecords.reviews(certificates: certificates.map(\.id)), by: \.certificateID)
        let trainings = Dictionary(grouping: try await store.officerRecords.trainings(users: users.map(\.id)), by: \.userID)
        let held = Dictionary(grouping: certificates, by: \.holderID)
        return users.compactMap { user in
            byID[user.organisationID].map { organisation in
                let mine = held[user.id] ?? []
                return OfficerQualification(user: user, organisation: organisation, certificates: mine,
                                            reviews: mine.flatMap { reviews[$0.id] ?? [] }, trainings: trainings[user.id] ?? [])
            }
        }
    }

    /// 执法人员清单 (PUB-2) — the active officers of an organisation, public.
    public func publicOfficers(of organisationID: Organisation.ID) async throws -> [OfficerQualification] {
        try await qualifications(in: [try await requireOrganisation(organisationID)]).filter(\.user.isActive)
            .sorted { $0.user.displayName < $1.user.displayName }
    }

    /// 证件查询 — who holds a certificate number and whether it is valid today; public (PUB-2).
    public func certificateLookup(_ number: String) async throws -> (OfficerQualification, EnforcementCertificate) {
        let number = number.trimmed
        guard !number.isEmpty, number.count <= 32, let certificate = try await store.certificates.find(number: number),
              let holder = try await store.users.find(certificate.holderID) else {
            throw SunlightError(.notFound, code: "certificate.unknown", "查无此执法证号：\(number.prefix(32))。请核对证号，或向发证机关核实", rule: .pub2)
        }
        let organisation = try await requireOrganisation(holder.organisationID)
        guard let qualification = try await qualifications(in: [organisation]).first(where: { $0.user.id == holder.id }) else {
            throw SunlightError(.notFound, code: "certificate.unknown", "查无此执法证号：\(number)", rule: .pub2)
        }
        return (qualification, certificate)
    }

    /// 持证率 of every organisation the actor may read, with officers (own organisation; a
    /// supervisor's whole jurisdiction).
    public func certificateRates(by actor: Actor) async throws -> [(Organisation, CertificateRate)] {
        guard actor.user != nil else { throw SunlightError.outsideScope }
        var organisations: [Organisation] = []
        for path in actor.scope.administrativePaths { organisations += try await store.organisations.subtree(path) }
        let today = clock.today
        let all = try await qualifications(in: organisations)
        let grouped = Dictionary(grouping: all, by: \.organisation.id)
        return OrganisationTree(organisations).nodes.compactMap { node in
            grouped[node.organisation.id].map { (node.organisation, CertificateRate($0, on: today)) }
        }
    }

    /// REC-7 — whether an officer may be assigned to enforcement of `category` today; throws
    /// the reason with the rule. Cases call this whenever officers are assigned.
    public func checkAssignment(officer officerID: StaffUser.ID, category: EnforcementCategory?, by actor: Actor) async throws -> OfficerQualification {
        guard let officer = try await store.users.find(officerID) else { throw SunlightError.notFound("执法人员") }
        let organisation = try await requireOrganisation(officer.organisationID)
        try await guarded(actor, "officer", id: officerID.uuidString, in: organisation) { try actor.requireReadAdministration(organisation) }
        guard let qualification = try await qualifications(in: [organisation]).first(where: { $0.user.id == officerID }) else {
            throw SunlightError(.ruleViolation, code: "officer.not_assignable", "\(officer.displayName)不能被指派执法：不是执法人员", rule: .rec7)
        }
        try qualification.checkAssignable(to: category, on: clock.today)
        return qualification
    }

    /// 年度审验 — records a certificate's annual review (administrator).
    public func recordAnnualReview(certificate certificateID: EnforcementCertificate.ID, year: Int, passed: Bool, note: String?,
                                   by actor: Actor) async throws -> CertificateReview {
        let (certificate, organisation) = try await administeredCertificate(certificateID, .review, by: actor)
        guard (2000...clock.today.year).contains(year) else { throw SunlightError.invalid("year", "审验年度不正确", rule: .std2) }
        if !passed, note?.trimmed.nilIfEmpty == nil { throw SunlightError.invalid("note", "审验不合格须写明原因", rule: .std2) }
        let review = CertificateReview(certificateID: certificate.id, year: year, passed: passed, reviewedOn: clock.today,
                                       note: note?.trimmed.nilIfEmpty)
        try await commit(actor, .create, "certificate_review", id: review.id.uuidString, in: organisation,
                         "执法证 \(certificate.number) \(year) 年度审验\(passed ? "合格" : "不合格")") { tx, at in
            try await tx.officerRecords.insert(review: review)
            try await Self.reindexOfficer(certificate.holderID, at: at, in: tx)
            return ((), [review.ledgerRecord(organisationID: organisation.id)])
        }
        return review
    }

    /// 注销 — revokes a certificate from a date, with the reason (administrator). Irreversible.
    public func revokeCertificate(_ certificateID: EnforcementCertificate.ID, reason: String, by actor: Actor) async throws {
        let (certificate, organisation) = try await administeredCertificate(certificateID, .revoke, by: actor)
        let reason = reason.trimmed
        guard reason.count >= 2 else { throw SunlightError.invalid("reason", "请写明注销原因", rule: .std2) }
        var revoked = certificate
        revoked.revokedOn = clock.today
        revoked.revocationReason = reason
        let done = revoked
        try await commit(actor, .revoke, "certificate", id: certificateID.uuidString, in: organisation,
                         "注销执法证 \(certificate.number)：\(reason)") { tx, at in
            try await tx.certificates.revoke(certificateID, on: done.revokedOn!, reason: reason)
            try await Self.reindexOfficer(certificate.holderID, at: at, in: tx)
            return ((), [done.ledgerRecord("certificate.revoked", organisationID: organisation.id)])
        }
    }

    /// 培训记录 — records an officer's training (administrator or the department head).
    public func recordTraining(_ training: TrainingRecord, by actor: Actor) async throws {
        guard let user = try await store.users.find(training.userID) else { throw SunlightError.notFound("人员") }
        let organisation = try await requireOrganisation(user.organisationID)
        try await guarded(actor, "training", id: nil, in: organisation) { try OfficerPermissions(actor: actor, organisation: organisation).check(.train) }
        guard (1...200).contains(training.hours) else { throw SunlightError.invalid("hours", "学时应为 1–200", rule: .std2) }
        guard (2...100).contains(training.topic.trimmed.count) else { throw SunlightError.invalid("topic", "请填写培训内容", rule: .std2) }
        guard training.date <= clock.today else { throw SunlightError.invalid("date", "培训日期不能晚于今天", rule: .std2) }
        try await commit(actor, .create, "training", id: training.id.uuidString, in: organisation,
                         "登记 \(user.displayName) 的培训：\(training.topic)（\(training.hours) 学时）") { tx, _ in
            try await tx.officerRecords.insert(training: training)
            return ((), [training.ledgerRecord(organisationID: organisation.id)])
        }
    }

    private func administeredCertificate(_ id: EnforcementCertificate.ID, _ action: CertificateAction,
                                         by actor: Actor) async throws -> (EnforcementCertificate, Organisation) {
        guard let certificate = try await store.certificates.find(id) else { throw SunlightError.notFound("执法证") }
        guard let holder = try await store.users.find(certificate.holderID) else { throw SunlightError.notFound("用户") }
        let organisation = try await requireOrganisation(holder.organisationID)
        try await guarded(actor, "user", id: holder.id.uuidString, in: organisation) {
            try CertificatePermissions(actor: actor, certificate: certificate, organisation: organisation).check(action)
        }
        return (certificate, organisation)
    }

    /// Keeps an officer's search document in step with their certificates.
    static func reindexOfficer(_ userID: StaffUser.ID, at: Date, in tx: any Store) async throws {
        if let document = try await searchDocument(officer: userID, at: at, in: tx) {
            try await tx.search.upsert(document)
        } else {
            try await tx.search.remove(id: SearchDocument.officerID(userID))
        }
    }

    /// An officer's search document, computed from the logged user, organisation and
    /// certificates: what the index must hold (issue 15 item 9).
    static func searchDocument(officer userID: StaffUser.ID, at: Date, in store: any Store) async throws -> SearchDocument? {
        guard let user = try await store.users.find(userID), let organisation = try await store.organisations.find(user.organisationID) else { return nil }
        let certificates = try await store.certificates.list(holders: [userID])
        guard user.isActive, user.has(.officer), let main = certificates.max(by: { $0.validUntil < $1.validUntil }) else { return nil }
        let body = certificates.map { certificate in
            "执法证 \(certificate.number) " + EnforcementCategory.allCases.filter(certificate.categories.contains).map(\.chineseName).joined(separator: "、")
                + " \(certificate.region) 有效期至 \(certificate.validUntil.iso)"
        }.joined(separator: "\n") + "\n\(user.post)"
        return SearchDocument(id: SearchDocument.officerID(userID), organisationID: organisation.id, kind: "执法人员",
                              title: "\(user.displayName)（\(organisation.name)）", body: body,
                              link: StoredLink.publicCertificate(number: main.number), updatedAt: at)
    }
}
