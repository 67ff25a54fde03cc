import Foundation
import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 案件存储一致性 — cases, their parties, events and officers; documents, evidence and
/// interference records; numbering, benchmarks and the audio/video list; legal reviews.
@Suite("存储一致性 Repository conformance: cases and reviews")
struct CaseConformanceTests {
    typealias C = Conformance

    @Test("REC-1: case lists filter by organisation, status, category, dates and text in the title or number, newest first, limited and paged; numbers are unique",
          arguments: StoreKind.all)
    func caseLists(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let a = C.enforcementCase("元市监立〔2026〕1号", title: "销售过期食品案", in: w.market, openedAt: 0)
            let b = C.enforcementCase("元市监立〔2026〕2号", title: "无证经营案", in: w.market, openedAt: 86_400 * 2, status: .closed)
            let c = C.enforcementCase("元市监立〔2026〕3号", title: "占道经营案", in: w.market, openedAt: 86_400 * 4, category: .inspection)
            let d = C.enforcementCase("武立〔2026〕1号", in: w.other, openedAt: 86_400 * 5)
            for x in [a, b, c, d] { try await store.cases.insert(x) }
            func list(_ filter: CaseFilter, _ organisations: [Organisation.ID]? = nil, limit: Int = 50) async throws -> [String] {
                try await store.cases.list(organisations: organisations ?? [w.market.id], filter: filter, limit: limit).map(\.number)
            }
            #expect(try await list(.all) == [c.number, b.number, a.number])
            #expect(try await list(.running) == [c.number, a.number])
            #expect(try await list(CaseFilter(category: .inspection)) == [c.number])
            #expect(try await list(CaseFilter(openedFrom: a.openedOn.adding(days: 1), openedTo: c.openedOn)) == [c.number, b.number])
            #expect(try await list(CaseFilter(text: "经营")) == [c.number, b.number], "a word in the title")
            #expect(try await list(CaseFilter(text: "〔2026〕1号")) == [a.number], "a part of the number")
            #expect(try await list(.all, limit: 1) == [c.number])
            #expect(try await store.cases.list(organisations: [w.market.id], filter: .all, limit: 2, offset: 1).map(\.number) == [b.number, a.number],
                    "a page after the first")
            #expect(try await store.cases.list(organisations: [w.market.id], filter: .all, limit: 2, offset: 3).isEmpty)
            #expect(try await list(.all, []).isEmpty)
            #expect(try await store.cases.find(ids: [d.id, a.id, UUID()]).map(\.number) == [a.number, d.number], "oldest first, unknown skipped")
            #expect(try await store.cases.chronological(offset: 1, limit: 2).map(\.number) == [b.number, c.number])
            await #expect(throws: (any Error).self) { try await store.cases.insert(C.enforcementCase(a.number, in: w.market)) }
            var closed = a
            closed.status = .closed
            try await store.cases.update(closed)
            #expect(try await store.cases.find(a.id)?.status == .closed)
            await #expect(throws: (any Error).self) { try await store.cases.update(C.enforcementCase("未保存", in: w.market)) }
        }
    }

    @Test("REC-15: a party's 比对摘要 is kept beside it, finds the cases sharing it, and is dropped on erasure; the party as read is unchanged (行政处罚法第三十三条)",
          arguments: StoreKind.all)
    func partyLookups(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let a = C.enforcementCase("元市监立〔2026〕1号", in: w.market), b = C.enforcementCase("元市监立〔2026〕2号", in: w.market, openedAt: 1)
            let c = C.enforcementCase("武立〔2026〕1号", in: w.other, openedAt: 2)
            for x in [a, b, c] { try await store.cases.insert(x) }
            let parties = [a, b, c].map { CaseParty(caseID: $0.id, kind: .person, name: "王某", idNumber: "532328199001011234", address: nil, phone: nil,
                                                   representative: nil) }
            let other = CaseParty(caseID: b.id, kind: .organisation, name: "某某商行", idNumber: "91532328MA6N000000", address: nil, phone: nil,
                                  representative: nil)
            for p in parties + [other] { try await store.cases.insert(party: p) }
            for p in parties { try await store.cases.setLookup("d-wang", party: p.id) }
            try await store.cases.setLookup("d-shop", party: other.id)
            #expect(try await store.cases.lookups(of: b.id) == [parties[1].id: "d-wang", other.id: "d-shop"])
            // A bulk load writes parties with their digests in one statement.
            let loaded = CaseParty(caseID: c.id, kind: .organisation, name: "某某公司", idNumber: "91532328MA6N000001", address: nil, phone: nil,
                                   representative: nil)
            try await store.cases.insert(parties: [loaded], lookups: [loaded.id: "d-firm"])
            #expect(try await store.cases.lookups(of: c.id)[loaded.id] == "d-firm")
            #expect(try await store.cases.parties(of: c.id).contains { $0.id == loaded.id && $0.name == "某某公司" })
            #expect(Set(try await store.cases.cases(withLookups: ["d-wang"])) == [a.id, b.id, c.id], "any organisation: Core filters")
            #expect(try await store.cases.cases(withLookups: ["d-shop", "none"]) == [b.id])
            #expect(try await store.cases.cases(withLookups: []).isEmpty)
            try await store.cases.setLookup(nil, party: parties[0].id)
            #expect(try await store.cases.lookups(of: a.id).isEmpty)
            #expect(Set(try await store.cases.cases(withLookups: ["d-wang"])) == [b.id, c.id])
            #expect(try await store.cases.parties(of: b.id).first { $0.id == other.id }?.idNumber == "91532328MA6N000000")
        }
    }

    @Test("REC-5: a natural person's name, ID number, address and phone are not kept with the case; events keep their order; one officer row per case and user",
          arguments: StoreKind.all)
    func partiesEventsOfficers(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let officer = C.user("scj.zhangwei", in: w.market), other = C.user("scj.lina", in: w.market)
            for u in [officer, other] { try await store.users.insert(u) }
            let a = C.enforcementCase("元市监立〔2026〕1号", in: w.market), b = C.enforcementCase("元市监立〔2026〕2号", in: w.market, openedAt: 1)
            for x in [a, b] { try await store.cases.insert(x) }
            let person = CaseParty(caseID: a.id, kind: .person, name: "王某", idNumber: "532328199001011234", address: "元马镇", phone: "13800000000",
                                   representative: nil)
            let company = CaseParty(caseID: a.id, kind: .organisation, name: "某某商行", idNumber: "91532328MA6N000000", address: "元马镇",
                                    phone: "0878-0000000", representative: "李某")
            try await store.cases.insert(party: person)
            try await store.cases.insert(party: company)
            let stored = try await store.cases.parties(of: a.id)
            #expect(stored.count == 2)
            let storedPerson = try #require(stored.first { $0.id == person.id })
            #expect(storedPerson.name == "" && storedPerson.idNumber == nil && storedPerson.address == nil && storedPerson.phone == nil)
            #expect(stored.first { $0.id == company.id } == company)

            let kinds: [CaseEvent.Kind] = [.opened, .officerAssigned, .suspended, .resumed]
            for (i, k) in kinds.enumerated() {
                try await store.cases.append(CaseEvent(caseID: i == 2 ? b.id : a.id, kind: k, stage: nil, at: C.at(Double(10 - i)), on: C.day, by: officer.id))
            }
            #expect(try await store.cases.events(of: a.id).map(\.kind) == [.opened, .officerAssigned, .resumed], "in the order appended, whatever the time")
            #expect(try await store.cases.events(ofCases: [a.id, b.id]).map(\.kind) == kinds)
            #expect(try await store.cases.events(offset: 1, limit: 2).map(\.kind) == [.officerAssigned, .suspended])

            try await store.cases.save(officer: CaseOfficer(caseID: a.id, userID: officer.id, assignedAt: C.at(1)))
            try await store.cases.save(officer: CaseOfficer(caseID: a.id, userID: other.id, assignedAt: C.at(2)))
            try await store.cases.save(officer: CaseOfficer(caseID: b.id, userID: officer.id, assignedAt: C.at(3)))
            try await store.cases.save(officer: CaseOfficer(caseID: a.id, userID: officer.id, assignedAt: C.at(9), removedAt: C.at(5), removalReason: "回避"))
            let officers = try await store.cases.officers(of: a.id)
            #expect(officers.map(\.userID) == [officer.id, other.id], "by assignment time")
            #expect(officers.first?.assignedAt == C.at(1) && officers.first?.removalReason == "回避", "a second save changes only the removal")
            #expect(try await store.cases.assigned(to: officer.id) == [b.id], "only active assignments")
            #expect(try await store.cases.officers(offset: 0, limit: 10).count == 3)
        }
    }

    @Test("REC-2: documents by drafting time, updated in place, numbers unique; evidence and interference records by recording time", arguments: StoreKind.all)
    func caseRecords(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let a = C.enforcementCase("元市监立〔2026〕1号", in: w.market)
            try await store.cases.insert(a)
            let later = CaseDocument(caseID: a.id, type: .inquiryRecord, stage: "investigation", fields: ["q": "问"], draftedBy: nil, draftedAt: C.at(20))
            let earlier = CaseDocument(caseID: a.id, type: .openingApproval, stage: "opening", fields: [:], draftedBy: nil, draftedAt: C.at(10))
            try await store.caseRecords.insert(later)
            try await store.caseRecords.insert(earlier)
            #expect(try await store.caseRecords.documents(of: a.id).map(\.id) == [earlier.id, later.id])
            var signed = earlier
            signed.status = .signed
            signed.number = "元市监立〔2026〕1号"
            signed.fields = ["意见": "同意立案"]
            try await store.caseRecords.update(signed)
            #expect(try await store.caseRecords.document(earlier.id) == signed)
            var clash = later
            clash.number = signed.number
            await #expect(throws: (any Error).self) { try await store.caseRecords.update(clash) }
            #expect(try await store.caseRecords.documents(ofCases: [a.id]).count == 2)

            let e2 = CaseEvidence(caseID: a.id, stage: "investigation", kind: .physical, description: "过期食品", source: "现场", original: true,
                                  copyVerified: false, confirmedBy: nil, confirmedOn: nil, fileID: nil, recordedBy: nil, recordedAt: C.at(30))
            let e1 = CaseEvidence(caseID: a.id, stage: "investigation", kind: .documentary, description: "进货单", source: "当事人", original: false,
                                  copyVerified: true, confirmedBy: "王某", confirmedOn: C.day, fileID: nil, recordedBy: nil, recordedAt: C.at(25))
            try await store.caseRecords.insert(e2)
            try await store.caseRecords.insert(e1)
            #expect(try await store.caseRecords.evidence(of: a.id) == [e1, e2])
            await #expect(throws: (any Error).self) { try await store.caseRecords.insert(e1) }

            let r = InterferenceRecord(caseID: a.id, occurredOn: C.day, source: "某领导", means: "电话", content: "打招呼", recordedBy: nil, recordedAt: C.at(40))
            try await store.caseRecords.insert(r)
            #expect(try await store.caseRecords.interference(of: a.id) == [r])
            #expect(try await store.caseRecords.interference(offset: 0, limit: 5) == [r])
        }
    }

    @Test("REC-2: document numbers are gapless per organisation, code and year; a benchmark saved again keeps its ID; the audio/video list keeps the last setting",
          arguments: StoreKind.all)
    func caseSettings(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let settings = store.caseSettings
            #expect(try await settings.nextNumber(organisation: w.market.id, code: "罚", year: 2026) == 1)
            #expect(try await settings.nextNumber(organisation: w.market.id, code: "罚", year: 2026) == 2)
            #expect(try await settings.nextNumber(organisation: w.market.id, code: "立", year: 2026) == 1)
            #expect(try await settings.nextNumber(organisation: w.market.id, code: "罚", year: 2027) == 1)
            #expect(try await settings.nextNumber(organisation: w.other.id, code: "罚", year: 2026) == 1)

            let item = UUID()
            let first = DiscretionBenchmark(organisationID: w.market.id, itemEntryID: item, circumstance: .general, minFine: 1000, maxFine: 5000, measures: "警告")
            try await settings.save(first)
            try await settings.save(DiscretionBenchmark(organisationID: w.market.id, itemEntryID: item, circumstance: .general, minFine: 2000,
                                                        maxFine: 6000, measures: "罚款"))
            try await settings.save(DiscretionBenchmark(organisationID: w.market.id, itemEntryID: UUID(), circumstance: .minor, minFine: 0, maxFine: 0, measures: "不予处罚"))
            let saved = try await settings.benchmarks(organisation: w.market.id, item: item)
            #expect(saved.map(\.id) == [first.id] && saved.first?.minFine == 2000 && saved.first?.measures == "罚款")
            #expect(try await settings.benchmarks(organisation: w.market.id, item: nil).count == 2)
            #expect(try await settings.benchmarks(offset: 0, limit: 10).count == 2)

            try await settings.setAudioVideo(organisation: w.market.id, category: .penalty, stage: "inspection", required: true)
            try await settings.setAudioVideo(organisation: w.market.id, category: .penalty, stage: "inspection", required: false)
            try await settings.setAudioVideo(organisation: w.market.id, category: .penalty, stage: "hearing", required: true)
            #expect(try await settings.audioVideoList(organisation: w.market.id, category: .penalty) == ["inspection": false, "hearing": true])
            #expect(try await settings.audioVideoList(organisation: w.market.id, category: .permit).isEmpty)
            #expect(try await settings.audioVideoEntries().map(\.stage) == ["hearing", "inspection"], "ordered by organisation, category, stage")
        }
    }
}
