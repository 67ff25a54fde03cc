import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import SunlightLedger
import Testing

/// Decision publication through the use cases: the clock, redaction with preview and confirm,
/// the hash link to the original, withdrawal, the outbox and the public proof (PUB-6..8, PUB-10, PUB-13).
@Suite struct PublicationUseCaseTests {
    /// A simple-procedure penalty against 王小明 decided on `today`; returns its publication.
    static func decided(in world: DemoWorld, classified: Bool = false) async throws -> (CaseDriver, DecisionPublication) {
        let driver = try await CaseDriver.open(in: world, simple: true, title: "占道经营")
        if classified {
            _ = try await world.sunlight.cases.classifyCase(case: driver.id, as: .private, reason: "涉及当事人家庭隐私", by: try await world.actor("scj.wangfang"))
        }
        try await driver.video()
        try await driver.complete()
        let decision = try await driver.issue(.simpleDecision, ["fine": "150", "facts": "王小明于元谋县元马镇龙川街 12 号门前占道经营，联系电话 138 0000 1111。"])
        let publication = try #require(try await world.sunlight.store.publications.find(document: decision.id))
        return (driver, publication)
    }

    @Test("A decision made the day before National Day must be published within 7 working days: 14 October (PUB-6, CAL-2)")
    func clockAcrossHoliday() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let (_, publication) = try await Self.decided(in: world)
            #expect(publication.status == .due)
            #expect(publication.dueOn == CivilDate(iso: "2026-10-14"), "30 Sep, 8, 9, 10 (make-up Saturday), 12, 13, 14 October")
            let queue = try await world.sunlight.publicity.publicationQueue(by: try await world.actor("scj.gongshi"))
            #expect(queue.contains { $0.publication.id == publication.id && $0.kind == .publish && $0.state == .onTime })
            world.clock.set(CivilDate(iso: "2026-10-15")!)
            let late = try await world.sunlight.publicity.publicationQueue(by: try await world.actor("scj.gongshi"))
            #expect(late.first { $0.publication.id == publication.id }?.state == .overdue)
        }
    }

    @Test("The clerk previews the redacted text, confirms exactly it, and the original and published hashes are logged (PUB-8, PUB-10)")
    func previewAndPublish() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let (driver, found) = try await Self.decided(in: world)
            let clerk = try await world.actor("scj.gongshi")
            await #expect { try await world.sunlight.publicity.publicationPreview(found.id, by: try await world.actor("scj.zhangwei")) } throws: { error in
                (error as? SunlightError)?.kind == .forbidden
            }
            await #expect { try await world.sunlight.publicity.publicationPreview(found.id, by: try await world.actor("daj.fazhi")) } throws: { error in
                (error as? SunlightError)?.kind == .forbidden
            }
            let (_, preview) = try await world.sunlight.publicity.publicationPreview(found.id, by: clerk)
            let published = preview.redacted.map(\.text).joined(separator: "\n")
            #expect(preview.original.map(\.text).joined().contains("王小明"))
            #expect(!published.contains("王小明") && published.contains("王某某"))
            #expect(!published.contains("0000 1111") && !published.contains("龙川街 12 号"))
            #expect(preview.redacted.first { $0.key == "organisation" }?.text == world.market.name)
            await #expect { try await world.sunlight.publicity.publishDecision(found.id, confirmedHash: String(repeating: "0", count: 64), by: clerk) }
                throws: { "publication.preview_stale" ~= $0 }
            // A term the clerk adds is redacted too, and changes what must be confirmed.
            let (_, stricter) = try await world.sunlight.publicity.publicationPreview(found.id, extraTerms: ["占道经营"], by: clerk)
            #expect(stricter.publishedHash != preview.publishedHash)
            await #expect { try await world.sunlight.publicity.publishDecision(found.id, confirmedHash: preview.publishedHash, by: try await world.actor("scj.wangfang")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
            let publication = try await world.sunlight.publicity.publishDecision(found.id, confirmedHash: preview.publishedHash, by: clerk)
            #expect(publication.status == .published && publication.publishedOn == world.clock.today && publication.version == 1)
            let leaves = try await world.sunlight.store.ledger.entries(table: "case_documents", recordIDs: [publication.documentID.uuidString.lowercased()])
            let issued = try LedgerEntry(parsing: try #require(leaves.last).entry)
            #expect(publication.originalHash == issued.contentHash.hex, "the published text points at the sealed original by its logged content hash")
            #expect(publication.publishedHash == PublishedField.hash(publication.content))

            let outbox = try await world.sunlight.store.outbox.recent(limit: 10, pendingOnly: true).filter { $0.subject == publication.id.uuidString.lowercased() }
            #expect(outbox.map(\.kind) == [.decisionPublished])
            #expect(outbox.first?.body.contains("王小明") == false)

            // The portal finds it by a two-character word, never by the redacted name.
            #expect(try await world.sunlight.publicity.publicDecisions(DecisionFilter(text: "占道")).map(\.id) == [publication.id.uuidString.lowercased()])
            #expect(try await world.sunlight.publicity.publicDecisions(DecisionFilter(text: "王小明")).isEmpty)
            #expect(try await world.sunlight.publicity.publicDecisions(DecisionFilter(text: "占道", category: .permit)).isEmpty)
            #expect(try await world.sunlight.publicity.publicDecisions(DecisionFilter(text: "占道", to: CivilDate(iso: "2026-11-22"))).isEmpty)

            // Anyone can check the page against the log, offline.
            let proof = try await world.sunlight.publicity.publicDecisionProof(publication.id)
            let (_, entry) = try proof.bundle.verify(with: world.sunlight.ledger.verifier)
            #expect(entry.contentHash == LedgerHash.sha256(Array(proof.content.utf8)))
            #expect(proof.content.contains(publication.publishedHash!) && proof.content.contains(publication.originalHash!))
            _ = driver
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("A changed decision is withdrawn within 3 working days with a public statement; the page and history stay and the withdrawal is queued (PUB-7, PUB-13)")
    func withdrawal() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-09-29")!) { world in
            let (_, found) = try await Self.decided(in: world)
            let clerk = try await world.actor("scj.gongshi")
            let preview = try await world.sunlight.publicity.publicationPreview(found.id, by: clerk).1
            _ = try await world.sunlight.publicity.publishDecision(found.id, confirmedHash: preview.publishedHash, by: clerk)
            await #expect { try await world.sunlight.publicity.withdrawDecision(found.id, statement: "行政复议决定撤销", by: clerk) } throws: { error in
                (error as? SunlightError)?.field == "kind"
            }
            // A justice-bureau head who may read the department's records may not act on them (issue 15 item 2).
            let bureau = try await world.sunlight.organisations.createUser(
                NewStaffUser(organisationID: world.seeded.organisation("元谋县司法局").id, username: "sfj.jianguan", displayName: "兼管",
                             roles: [.head, .supervisor], password: "Yuanmou-2026-x"), by: .console("test"))
            await #expect {
                try await world.sunlight.publicity.reportDecisionChange(found.id, kind: .revoked, changedOn: world.clock.today,
                                                                  by: try await world.actor(bureau.username))
            } throws: { ($0 as? SunlightError) == .outsideScope }
            let reported = try await world.sunlight.publicity.reportDecisionChange(found.id, kind: .revoked, changedOn: world.clock.today,
                                                                         by: try await world.actor("scj.zhangwei"))
            #expect(reported.withdrawal?.dueOn == CivilDate(iso: "2026-10-09"), "30 Sep, then 8 and 9 October after the holiday")
            let queue = try await world.sunlight.publicity.publicationQueue(by: clerk)
            #expect(queue.contains { $0.kind == .withdraw && $0.publication.id == found.id })
            await #expect { try await world.sunlight.publicity.withdrawDecision(found.id, statement: "撤", by: clerk) } throws: { error in
                (error as? SunlightError)?.field == "statement"
            }
            world.clock.set(CivilDate(iso: "2026-10-08")!)
            let withdrawn = try await world.sunlight.publicity.withdrawDecision(found.id, statement: "本决定已被行政复议机关撤销，现予撤下。", by: clerk)
            #expect(withdrawn.status == .withdrawn && withdrawn.withdrawal?.withdrawnOn == CivilDate(iso: "2026-10-08"))
            let (page, history) = try await world.sunlight.publicity.publicDecision(found.id)
            #expect(page.withdrawal?.statement == "本决定已被行政复议机关撤销，现予撤下。" && page.status == "withdrawn")
            #expect(history.map(\.kind) == ["published", "withdrawn"])
            #expect(history.first?.decision.fields == withdrawn.content, "the published text stays")
            let kinds = try await world.sunlight.store.outbox.recent(limit: 10, pendingOnly: false).filter { $0.subject == found.id.uuidString.lowercased() }.map(\.kind)
            #expect(kinds == [.decisionWithdrawn, .decisionPublished], "the withdrawal goes wherever the decision went")
            await #expect { try await world.sunlight.publicity.withdrawDecision(found.id, statement: "再次撤下的理由", by: clerk) } throws: { "publication.status" ~= $0 }
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("A decision of a classified case is withheld and can never be published (PUB-8)")
    func classifiedWithheld() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let (_, publication) = try await Self.decided(in: world, classified: true)
            #expect(publication.status == .withheld)
            await #expect { try await world.sunlight.publicity.publishDecision(publication.id, confirmedHash: "", by: try await world.actor("scj.gongshi")) }
                throws: { error in (error as? SunlightError)?.rule == .pub8 }
            #expect(try await world.sunlight.publicity.publicDecisions(DecisionFilter()).allSatisfy { $0.id != publication.id.uuidString.lowercased() })
            await #expect { try await world.sunlight.publicity.publicDecision(publication.id) } throws: { error in (error as? SunlightError)?.kind == .notFound }
        }
    }

    @Test("An installation may exempt simple-procedure decisions; the policy is validated and logged (PUB-6)")
    func exemptionPolicy() async throws {
        try await DemoWorld.with(today: CivilDate(iso: "2026-11-23")!) { world in
            let admin = try await world.actor("admin")
            await #expect { try await world.sunlight.publicity.savePublicationPolicy(PublicationPolicy(category: .penalty, workingDays: 30), by: admin) }
                throws: { error in (error as? SunlightError)?.field == "workingDays" }
            await #expect { try await world.sunlight.publicity.savePublicationPolicy(PublicationPolicy(category: .penalty, workingDays: 5, exemptSimple: true),
                                                                            by: try await world.actor("scj.gongshi")) }
                throws: { error in (error as? SunlightError)?.kind == .forbidden }
            try await world.sunlight.publicity.savePublicationPolicy(PublicationPolicy(category: .penalty, workingDays: 5, exemptSimple: true), by: admin)
            let (_, publication) = try await Self.decided(in: world)
            #expect(publication.status == .exempt && publication.note?.contains("简易程序") == true)
            #expect(publication.dueOn == CivilDate(iso: "2026-11-30"), "5 working days from 23 November")
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }
}
