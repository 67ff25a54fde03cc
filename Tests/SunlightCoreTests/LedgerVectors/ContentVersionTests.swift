import Foundation
@testable import SunlightCore
import SunlightLedger
import Testing

/// 内容版本 — a record type may move to a new content encoding without invalidating one old
/// leaf (REC-5): the entry names the version it was written under, and verify recomputes the
/// record's content under that version.
@Suite("日志格式：内容版本 REC-5")
struct ContentVersionTests {
    /// A test-only record type that moved to content version 2: version 1 hashed `name`,
    /// version 2 also hashes `alias`.
    struct Sample: LoggedContent {
        static let contentVersion = 2
        let id: String
        let name: String
        let alias: String

        func content(version: Int) -> CanonicalJSON? {
            switch version {
            case 1: .object(["id": .string(id), "name": .string(name)])
            case 2: .object(["id": .string(id), "name": .string(name), "alias": .string(alias)])
            default: nil
            }
        }

        var ledgerRecord: LedgerRecord {
            let sample = self
            return Self.logged(type: "sample.updated", table: "samples", id: id, organisationID: nil, content: content(version: Self.contentVersion)!,
                               earlier: { sample.content(version: $0) })
        }
    }

    static let at = LedgerTime.date("2026-09-21T02:00:00.000Z")!

    /// A leaf as an older (or the current) program wrote it for `sample`.
    func leaf(_ sample: Sample, version: Int) -> StoredLedgerEntry {
        let content = sample.content(version: version)!
        let entry = LedgerEntry(type: "sample.updated", table: "samples", recordID: sample.id, organisationID: nil, recordedAt: Self.at,
                                contentHash: LedgerHash.sha256(content.bytes), contentVersion: version)
        return StoredLedgerEntry(index: 0, entry: entry.bytes, content: content.bytes, table: "samples", recordID: sample.id)
    }

    let sample = Sample(id: "s1", name: "元谋县市场监督管理局", alias: "元谋市监")

    @Test("REC-5: a record whose newest leaf was written under version 1 still verifies after its type moved to version 2")
    func oldVersionVerifies() {
        #expect(LedgerVerifier.mismatch(sample.ledgerRecord, newest: leaf(sample, version: 1)) == nil)
    }

    @Test("REC-5: a record written under the new version 2 verifies, and its entry says \"cv\":2")
    func newVersionVerifies() throws {
        let record = sample.ledgerRecord
        let written = record.entry(at: Self.at)
        #expect(written.contentVersion == 2 && written.canonical["cv"] == .int(2))
        let stored = StoredLedgerEntry(index: 0, entry: written.bytes, content: record.content.bytes, table: "samples", recordID: "s1")
        #expect(LedgerVerifier.mismatch(record, newest: stored) == nil)
        #expect(try LedgerEntry(parsing: written.bytes) == written)
    }

    @Test("REC-5: under either version a changed record is still caught")
    func tamperingCaught() {
        let changed = Sample(id: "s1", name: "张三", alias: "元谋市监")
        #expect(LedgerVerifier.mismatch(changed.ledgerRecord, newest: leaf(sample, version: 1))?.contains("被直接修改") == true)
        #expect(LedgerVerifier.mismatch(changed.ledgerRecord, newest: leaf(sample, version: 2))?.contains("被直接修改") == true)
        // Version 1 does not hash the alias, so changing only the alias is invisible to a version-1 leaf — by design, and why a
        // record is re-logged under the new version at its next change.
        let realiased = Sample(id: "s1", name: "元谋县市场监督管理局", alias: "市监")
        #expect(LedgerVerifier.mismatch(realiased.ledgerRecord, newest: leaf(sample, version: 1)) == nil)
        #expect(LedgerVerifier.mismatch(realiased.ledgerRecord, newest: leaf(sample, version: 2)) != nil)
    }

    @Test("REC-5: a leaf naming a version the program does not know is reported, not passed")
    func unknownVersion() {
        let future = LedgerEntry(type: "sample.updated", table: "samples", recordID: "s1", organisationID: nil, recordedAt: Self.at,
                                 contentHash: LedgerHash.sha256([]), contentVersion: 3)
        let stored = StoredLedgerEntry(index: 0, entry: future.bytes, content: [], table: "samples", recordID: "s1")
        #expect(LedgerVerifier.mismatch(sample.ledgerRecord, newest: stored)?.contains("不认识该版本") == true)
    }

    @Test("REC-5: version 1 is written by leaving \"cv\" out; an entry spelling \"cv\":1 is not canonical")
    func versionOneHasNoMember() throws {
        let v1 = LedgerEntry(type: "t", table: "samples", recordID: "s1", organisationID: nil, recordedAt: Self.at, contentHash: LedgerHash.sha256([]))
        #expect(v1.canonical["cv"] == nil && !v1.canonical.text.contains("\"cv\""))
        var members: [String: CanonicalJSON] = [:]
        if case .object(let m) = v1.canonical { members = m }
        members["cv"] = .int(1)
        #expect(throws: (any Error).self) { try LedgerEntry(parsing: CanonicalJSON.object(members).bytes) }
        members["cv"] = .int(0)
        #expect(throws: (any Error).self) { try LedgerEntry(parsing: CanonicalJSON.object(members).bytes) }
    }

    @Test("REC-5: every record type the log hashes is at content version 1 today, but evidence, case titles and leads at 2, documents at 3 (personal fields and prose sealed, issue 15 item 8)")
    func versionsToday() throws {
        #expect(CaseDocument.contentVersion == 3 && CaseEvidence.contentVersion == 2 && EnforcementCase.contentVersion == 2 && CaseLead.contentVersion == 2)
        for (name, record) in try LedgerSamples.records() where !["case_documents", "case_evidence", "cases", "case_leads"].contains(record.table) {
            #expect(record.contentVersion == 1, "\(name)")
        }
    }

    @Test("REC-5: version 2 of evidence and documents commits to the sealed person; their version-1 encoder still writes the clear text older leaves hold")
    func personalFieldsVersionTwo() throws {
        let seal = LedgerSamples.sealed("case_evidence", LedgerSamples.caseEvidence.id, "confirmedBy", "王小明")
        let evidence = LedgerSamples.caseEvidence.with(confirmedBy: nil).ledgerRecord(organisationID: LedgerSamples.market, confirmedBy: seal)
        #expect(evidence.contentVersion == 2 && !evidence.content.text.contains("王小明") && evidence.content.text.contains(seal.commitment.hex))
        let clear = LedgerSamples.caseEvidence.ledgerRecord(organisationID: LedgerSamples.market, confirmedBy: nil)
        #expect(try clear.content(version: 1)?.text.contains("王小明") == true)
        let document = LedgerSamples.inquiryRecord
        let sealed = document.ledgerRecord("t", organisationID: LedgerSamples.market,
                                           sealed: ["person": LedgerSamples.sealed("case_documents", document.id, "person", "王小明")])
        #expect(!sealed.content.text.contains("王小明") && sealed.content.text.contains("问：……"))
        #expect(try sealed.content(version: 1)?.text.contains("王小明") == true)
        // A seal that no longer matches the row (changed behind the system's back) leaves the clear value, so verify sees the change.
        let stale = document.ledgerRecord("t", organisationID: LedgerSamples.market,
                                          sealed: ["person": LedgerSamples.sealed("case_documents", document.id, "person", "李四")])
        #expect(stale.content != sealed.content)
    }

    @Test("REC-5 (个人信息保护法第四十七条): version 3 of documents commits to their free prose (询问内容) as well as the person; version 2 still writes the prose in the clear")
    func proseVersionThree() throws {
        let document = LedgerSamples.inquiryRecord
        let seals = ["person": LedgerSamples.sealed("case_documents", document.id, "person", "王小明"),
                     "content": LedgerSamples.sealed("case_documents", document.id, "content", "问：……")]
        let record = document.ledgerRecord("t", organisationID: LedgerSamples.market, sealed: seals)
        #expect(record.contentVersion == 3 && !record.content.text.contains("问：……") && !record.content.text.contains("王小明"))
        #expect(record.content.text.contains(seals["content"]!.commitment.hex) && record.content.text.contains("元谋县市场监管局询问室"))
        let version2 = try #require(try record.content(version: 2)?.text)
        #expect(version2.contains("问：……") && !version2.contains("王小明"))
        #expect(try record.content(version: 1)?.text.contains("王小明") == true)
        #expect(DocumentField.facts.isSealed && DocumentField.content.isSealed && !DocumentField.basis.isSealed && !DocumentField.fine.isSealed)
    }

    @Test("REC-5: version 2 of a case commits to its title (案由); version 1 still writes it in the clear; a title changed in the row is hashed in the clear")
    func titleVersionTwo() throws {
        let theCase = LedgerSamples.titledCase
        let seal = LedgerSamples.sealed("cases", theCase.id, "title", "王小明无照经营案")
        let record = theCase.ledgerRecord("case.opened", title: seal)
        #expect(record.contentVersion == 2 && !record.content.text.contains("王小明") && record.content.text.contains(seal.commitment.hex))
        #expect(try record.content(version: 1)?.text.contains("王小明无照经营案") == true)
        let edited = theCase.with(title: "李四无照经营案").ledgerRecord("case.opened", title: seal)
        #expect(edited.content.text.contains("李四无照经营案"))
    }

    @Test("REC-5: version 2 of a lead commits to its summary (线索内容); version 1 still writes it in the clear; a summary changed in the row is hashed in the clear")
    func leadSummaryVersionTwo() throws {
        let lead = LedgerSamples.leadSealed
        let record = try lead.ledgerRecord("lead.registered")
        let commitment = try #require(lead.summarySeal)
        #expect(record.contentVersion == 2 && !record.content.text.contains("王小明") && record.content.text.contains(commitment))
        #expect(try record.content(version: 1)?.text.contains("王小明在龙川街无照经营") == true)
        let seal = LedgerSamples.sealed("case_leads", lead.id, "summary", "王小明在龙川街无照经营")
        #expect(try lead.ledgerRecord("", summary: seal).content == record.content, "verify recomputes what was written")
        var edited = lead
        edited.summary = "李四在龙川街无照经营"
        #expect(try edited.ledgerRecord("", summary: seal).content.text.contains("李四"))
    }
}
