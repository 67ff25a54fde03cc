import Foundation

/// A list entry as the public sees it today, with how many versions it has had.
public struct PublishedEntry: Sendable {
    public let version: ListEntryVersion
    public let versions: Int
}

/// The result of a CSV import: drafts made, or every problem and nothing made.
public struct ListImportReport: Sendable {
    public let drafted: [ListEntryVersion]
    public let problems: [ListImport.Problem]
}

extension PublicityUseCases {
    // MARK: drafting and checking

    /// 起草 — drafts a new entry or a new version of an entry (or its repeal) for the
    /// organisation's list; the publicity clerk checks it before it is published.
    public func draftListEntry(_ kind: ListKind, organisationID: Organisation.ID, entryID: UUID? = nil, fields: [String: String],
                               effectiveFrom: CivilDate, change: ListEntryVersion.Change = .publish,
                               by actor: Actor) async throws -> ListEntryVersion {
        let organisation = try await requireOrganisation(organisationID)
        try await guardListEditor(actor, organisation, change == .repeal ? .repeal : .draft)
        var clean = fields
        if change == .publish {
            let (values, problems) = kind.schema.validate(fields)
            if let first = problems.first {
                throw SunlightError.invalid(first.key, problems.map(\.description).joined(separator: "；"), rule: kind.rule)
            }
            clean = values
        }
        guard effectiveFrom >= clock.today else {
            throw SunlightError.invalid("effectiveFrom", "生效日期不能早于今天：已公示的内容不能倒签", rule: kind.rule)
        }
        let version = try await nextVersion(kind, organisation: organisation, entryID: entryID, change: change,
                                            fields: clean, effectiveFrom: effectiveFrom, actor: actor)
        try await commit(actor, .create, "list_entry", id: version.id.uuidString, in: organisation,
                         "起草\(kind.chineseName)“\(version.title)”第 \(version.version) 版（\(change.chineseName)，\(effectiveFrom.iso) 生效）") { tx, _ in
            try await tx.lists.insert(version)
            return ((), [version.ledgerRecord("list.drafted")])
        }
        return version
    }

    private func nextVersion(_ kind: ListKind, organisation: Organisation, entryID: UUID?, change: ListEntryVersion.Change,
                             fields: [String: String], effectiveFrom: CivilDate, actor: Actor) async throws -> ListEntryVersion {
        var number = 1
        var values = fields
        if let entryID {
            let existing = try await store.lists.versions(entryID: entryID)
            guard let first = existing.first, first.kind == kind, first.organisationID == organisation.id else {
                throw SunlightError.notFound("清单条目")
            }
            number = (existing.map(\.version).max() ?? 0) + 1
            if change == .repeal {
                guard let current = ListEntryHistory(entryID: entryID, versions: existing).published.last, current.change == .publish else {
                    throw SunlightError.invalid("entryID", "该条目尚未公示或已经废止", rule: kind.rule)
                }
                values = current.fields
            }
        } else if change == .repeal {
            throw SunlightError.invalid("entryID", "废止须指定条目", rule: kind.rule)
        }
        return ListEntryVersion(entryID: entryID ?? UUID(), kind: kind, organisationID: organisation.id, version: number,
                                change: change, fields: values, effectiveFrom: effectiveFrom, draftedBy: actor.user?.id, draftedAt: now)
    }

    /// 审核公示 — the publicity clerk publishes a draft or sends it back with a note. The clerk
    /// checks other people's drafts, not their own.
    public func checkListEntry(_ id: ListEntryVersion.ID, approve: Bool, note: String?, by actor: Actor) async throws -> ListEntryVersion {
        guard var version = try await store.lists.find(id) else { throw SunlightError.notFound("清单条目") }
        let organisation = try await requireOrganisation(version.organisationID)
        let permissions = ListCheckPermissions(actor: actor, draft: version, organisation: organisation)
        try await guarded(actor, "list_entry", id: id.uuidString, in: organisation) { try permissions.check(.check) }
        let note = note?.trimmed.nilIfEmpty
        if !approve, note == nil { throw SunlightError.invalid("note", "退回须写明理由", rule: version.kind.rule) }
        version.status = approve ? .published : .rejected
        version.checkedBy = actor.user?.id
        version.checkedAt = now
        version.checkNote = note
        let checked = version
        try await commit(actor, .update, "list_entry", id: id.uuidString, in: organisation,
                         "\(approve ? "审核公示" : "退回")\(checked.kind.chineseName)“\(checked.title)”第 \(checked.version) 版") { tx, _ in
            try await tx.lists.update(checked)
            if approve {
                try await Self.reindex(entry: checked.entryID, in: tx)
                // The catalogue may match on the item's law (REV-2): its cases' flags follow (REV-9).
                try await ReviewFlagReadModel.refresh(item: checked.entryID, of: checked.organisationID, in: tx)
            }
            return ((), [checked.ledgerRecord(approve ? "list.published" : "list.rejected")])
        }
        return checked
    }

    /// Keeps the search index in step with what is in force today (or becomes so later).
    static func reindex(entry: UUID, in tx: any Store) async throws {
        if let document = try await searchDocument(entry: entry, in: tx) {
            try await tx.search.upsert(document)
        } else {
            try await tx.search.remove(id: SearchDocument.entryID(entry))
        }
    }

    /// The search document of a list entry, computed from its logged versions: what the index
    /// must hold, and what `sunlight verify` compares it with (issue 15 item 9).
    static func searchDocument(entry: UUID, in store: any Store) async throws -> SearchDocument? {
        let history = ListEntryHistory(entryID: entry, versions: try await store.lists.versions(entryID: entry))
        guard let latest = history.published.last, latest.change == .publish else { return nil }
        let organisationID = latest.organisationID
        let body = latest.kind.schema.fields.compactMap { field in latest.fields[field.key].map { "\(field.label)：\(field.display($0))" } }
            .joined(separator: "\n")
        return SearchDocument(
            id: SearchDocument.entryID(entry), organisationID: organisationID, kind: latest.kind.chineseName, title: latest.title,
            body: body, link: StoredLink.publicListEntry(organisation: organisationID, kind: latest.kind, entry: entry),
            updatedAt: latest.checkedAt ?? latest.draftedAt)
    }

    /// Refuses (and logs) unless the actor may take `action` on the organisation's lists (``ListPermissions``).
    private func guardListEditor(_ actor: Actor, _ organisation: Organisation, _ action: ListAction) async throws {
        try await guarded(actor, "list_entry", id: nil, in: organisation) {
            try ListPermissions(actor: actor, organisation: organisation).check(action)
        }
    }

    // MARK: reading

    /// 公示清单 — what is in force on `date` (today by default): public.
    public func publishedList(_ kind: ListKind, organisationID: Organisation.ID, on date: CivilDate? = nil) async throws -> [PublishedEntry] {
        let day = date ?? clock.today
        let versions = try await store.lists.versions(kind: kind, organisations: [organisationID], statuses: [.published])
        return Dictionary(grouping: versions, by: \.entryID).compactMap { entry, versions in
            ListEntryHistory(entryID: entry, versions: versions).current(on: day).map { PublishedEntry(version: $0, versions: versions.count) }
        }.sorted { $0.version.title < $1.version.title }
    }

    /// The public history of an entry: every published version, oldest first.
    public func entryHistory(_ entryID: UUID) async throws -> ListEntryHistory {
        let history = ListEntryHistory(entryID: entryID, versions: try await store.lists.versions(entryID: entryID))
        guard !history.published.isEmpty else { throw SunlightError.notFound("清单条目") }
        return history
    }

    /// The staff view of a list: every version of the actor's organisation, newest first.
    public func listVersions(_ kind: ListKind, by actor: Actor) async throws -> [ListEntryVersion] {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        return try await store.lists.versions(kind: kind, organisations: [organisation.id], statuses: [.draft, .published, .rejected])
            .sorted { $0.draftedAt > $1.draftedAt }
    }

    /// The publicity clerk's queue: drafts of the clerk's organisation, oldest first.
    public func pendingListChecks(by actor: Actor) async throws -> [ListEntryVersion] {
        try actor.require(anyOf: .publicityClerk)
        guard let organisation = actor.organisation else { return [] }
        return try await store.lists.versions(kind: nil, organisations: [organisation.id], statuses: [.draft]).sorted { $0.draftedAt < $1.draftedAt }
    }

    /// The newest published changes (for the Atom feed), optionally of one organisation.
    public func recentListChanges(organisationID: Organisation.ID? = nil, limit: Int = 50) async throws -> [ListEntryVersion] {
        try await store.lists.recentlyChecked(organisations: organisationID.map { [$0] }, limit: limit).filter { $0.status == .published }
    }

    /// 全文检索 — lists and officers, current only.
    public func searchPortal(_ query: String, organisationID: Organisation.ID? = nil, limit: Int = 50) async throws -> [SearchDocument] {
        let query = query.trimmed
        guard !query.isEmpty else { return [] }
        guard query.count <= 50 else { throw SunlightError.invalid("q", "检索词最多 50 个字") }
        // A NUL or other control character is not a word anyone searches for; PostgreSQL refuses it outright.
        guard !query.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw SunlightError.invalid("q", "检索词不能包含控制字符")
        }
        return try await store.search.search(query, organisations: organisationID.map { [$0] }, limit: min(max(limit, 1), 200))
    }

    // MARK: CSV

    /// The list in force today as a table (Chinese headers), for the CSV export.
    public func exportList(_ kind: ListKind, organisationID: Organisation.ID) async throws -> TextTable {
        ListImport.table(kind, entries: try await publishedList(kind, organisationID: organisationID).map(\.version))
    }

    /// Imports a file (read by `SunlightRendering.ListCSV`) as drafts in one transaction — or, if
    /// any row has a problem, reports every problem (line and column) and imports nothing.
    public func importList(_ kind: ListKind, file: ListImport.File, by actor: Actor) async throws -> ListImportReport {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        try await guardListEditor(actor, organisation, .importCSV)
        let known = Set(try await store.lists.versions(kind: kind, organisations: [organisation.id], statuses: [.draft, .published, .rejected]).map(\.entryID))
        let (rows, problems) = ListImport.check(file, kind: kind, defaultEffective: clock.today, knownEntries: known)
        guard problems.isEmpty else { return ListImportReport(drafted: [], problems: problems) }
        if let early = rows.first(where: { $0.effectiveFrom < clock.today }) {
            return ListImportReport(drafted: [], problems: [ListImport.Problem(line: early.line, column: ListImport.effectiveColumn, message: "生效日期不能早于今天")])
        }
        var drafted: [ListEntryVersion] = []
        for row in rows {
            drafted.append(try await nextVersion(kind, organisation: organisation, entryID: row.entryID, change: .publish,
                                                 fields: row.fields, effectiveFrom: row.effectiveFrom, actor: actor))
        }
        let versions = drafted
        try await commit(actor, .create, "list_entry", id: nil, in: organisation,
                         "导入\(kind.chineseName) \(versions.count) 条（待审核）") { tx, _ in
            for version in versions { try await tx.lists.insert(version) }
            return ((), versions.map { $0.ledgerRecord("list.drafted") })
        }
        return ListImportReport(drafted: versions, problems: [])
    }
}

/// 待核对 — a draft change of a public list with who drafted it, the version it replaces, and
/// whether the reader may check it (PUB-3).
public struct ListCheckItem: Sendable {
    public let draft: ListEntryVersion
    public let drafter: String?
    /// The newest published version of the same entry, if any.
    public let previous: ListEntryVersion?
    public let actions: Set<ListCheckAction>
}

extension PublicityUseCases {
    /// The clerk's queue of drafts to check, with their drafters named and the versions they
    /// replace read in one query each (PUB-3); a clerk's own drafts are listed but not checkable.
    public func listCheckQueue(by actor: Actor) async throws -> [ListCheckItem] {
        let drafts = try await pendingListChecks(by: actor)
        guard let organisation = actor.organisation, !drafts.isEmpty else { return [] }
        let names = try await userNames(drafts.compactMap(\.draftedBy))
        let published = Dictionary(grouping: try await store.lists.versions(kind: nil, organisations: [organisation.id], statuses: [.published]), by: \.entryID)
        return drafts.map { draft in
            ListCheckItem(draft: draft, drafter: draft.draftedBy.flatMap { names[$0] },
                          previous: ListEntryHistory(entryID: draft.entryID, versions: published[draft.entryID] ?? []).published.last,
                          actions: ListCheckPermissions(actor: actor, draft: draft, organisation: organisation).allowed)
        }
    }

    /// One list of the reader's organisation for its staff page: in force today, every version
    /// (newest first, at most `limit`), and what the reader may do (``ListPermissions``).
    public func listDesk(_ kind: ListKind, limit: Int = 100, by actor: Actor) async throws -> ListDesk {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        return ListDesk(organisation: organisation, current: try await publishedList(kind, organisationID: organisation.id),
                        versions: Array(try await listVersions(kind, by: actor).prefix(limit)),
                        actions: ListPermissions(actor: actor, organisation: organisation).allowed)
    }

    /// What the reader may draft on a list (``ListPermissions``), for the drafting form.
    public func listActions(by actor: Actor) -> Set<ListAction> {
        guard let organisation = actor.organisation else { return [] }
        return ListPermissions(actor: actor, organisation: organisation).allowed
    }

    /// The lists overview of the reader's organisation, read in two queries, and the clerk's
    /// queue length (PUB-1..3).
    public func listOverview(by actor: Actor) async throws -> ListOverview {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        let versions = try await store.lists.versions(kind: nil, organisations: [organisation.id], statuses: [.draft, .published])
        let today = clock.today
        let kinds = ListKind.allCases.map { kind in
            let ofKind = versions.filter { $0.kind == kind }
            let current = Dictionary(grouping: ofKind, by: \.entryID).values.filter { ListEntryHistory(entryID: $0[0].entryID, versions: $0).current(on: today) != nil }.count
            return ListOverview.Kind(kind: kind, current: current, drafts: ofKind.filter { $0.status == .draft }.count)
        }
        let pending = actor.has(.publicityClerk) ? try await pendingListChecks(by: actor).count : nil
        return ListOverview(organisation: organisation, kinds: kinds, pendingChecks: pending)
    }
}
