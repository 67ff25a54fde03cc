import Foundation

extension CaseUseCases {
    /// 裁量基准 — sets the range of fines for one circumstance of a penalty item of the
    /// actor's organisation (STD-3); the head or the administrator sets it, and it is logged.
    public func setBenchmark(item itemEntryID: UUID, circumstance: DiscretionBenchmark.Circumstance, minFine: Int, maxFine: Int,
                             measures: String, by actor: Actor) async throws -> DiscretionBenchmark {
        guard let organisation = actor.organisation else { throw SunlightError.outsideScope }
        try await guarded(actor, "discretion_benchmark", id: itemEntryID.uuidString, in: organisation) { try DeskPermissions(actor: actor).check(.configureCases) }
        guard let item = try await publicity.publishedList(.item, organisationID: organisation.id).first(where: { $0.version.entryID == itemEntryID }) else {
            throw SunlightError.invalid("item", "所选执法事项不在本机构现行的执法事项清单中", rule: .std3)
        }
        guard item.version.terms.enforcementCategory == .penalty else {
            throw SunlightError.invalid("item", "裁量基准只适用于行政处罚事项", rule: .std3)
        }
        guard minFine >= 0, minFine <= maxFine, maxFine <= 100_000_000 else {
            throw SunlightError.invalid("minFine", "罚款幅度应为 0 ≤ 下限 ≤ 上限（元）", rule: .std3)
        }
        let measures = measures.trimmed
        guard measures.count <= 500 else { throw SunlightError.invalid("measures", "其他处理措施不超过 500 字", rule: .std3) }
        let existing = try await store.caseSettings.benchmarks(organisation: organisation.id, item: itemEntryID).first { $0.circumstance == circumstance }
        let benchmark = DiscretionBenchmark(id: existing?.id ?? UUID(), organisationID: organisation.id, itemEntryID: itemEntryID,
                                            circumstance: circumstance, minFine: minFine, maxFine: maxFine, measures: measures)
        try await commit(actor, existing == nil ? .create : .update, "discretion_benchmark", id: benchmark.id.uuidString, in: organisation,
                         "裁量基准：\(item.version.title)“\(circumstance.chineseName)”\(minFine)–\(maxFine) 元") { tx, _ in
            try await tx.caseSettings.save(benchmark)
            return ((), [benchmark.ledgerRecord()])
        }
        return benchmark
    }

    /// The benchmarks of an item (public, like the item itself: STD-3).
    public func benchmarks(item itemEntryID: UUID, organisation: Organisation.ID) async throws -> [DiscretionBenchmark] {
        try await store.caseSettings.benchmarks(organisation: organisation, item: itemEntryID).sorted { $0.minFine < $1.minFine }
    }
}
