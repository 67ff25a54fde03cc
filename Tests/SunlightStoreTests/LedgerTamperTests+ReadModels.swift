import Foundation
import SQLKit
@testable import SunlightCore
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

extension LedgerTamperTests {
    /// A direct change to the first case-clock summary (`statement` ends with `case_id = `).
    static func summary(_ name: String, _ statement: String, fragment: String) -> Tampering {
        Tampering(name: name) { world in
            let id = try #require(try await world.host.strings("SELECT case_id FROM case_clock_summaries ORDER BY case_id").first)
            try await world.host.execute(SQLQueryString(stringLiteral: statement) + "\(bind: id)")
            return Expected(table: "case_clock_summaries", recordID: id, fragment: fragment)
        }
    }

    /// The read models pages ask instead of the records (issue 16 item 2), changed directly.
    static let readModelTamperings: [Tampering] = [
        // The case-clock summaries the dashboard, tasks and clues ask (issue 16 item 2; REC-13).
        summary("hide an overdue case from the dashboard by moving its due date", "UPDATE case_clock_summaries SET earliest_due = '2099-12-31' WHERE case_id = ",
                fragment: "被直接修改"),
        summary("hide a running case's clocks by deleting its summary", "DELETE FROM case_clock_summaries WHERE case_id = ", fragment: "被直接删除"),
        Tampering(name: "make a closed case look overdue") { world in
            let id = try await world.host.strings("SELECT id FROM cases WHERE status = 'closed' OR status = 'archived' ORDER BY id").first!.lowercased()
            try await world.host.execute("""
                INSERT INTO case_clock_summaries (case_id, organisation_id, earliest_due, moving)
                VALUES (\(bind: id), \(bind: world.market.id.uuidString.lowercased()), '2026-01-01', 0)
                """)
            return Expected(table: "case_clock_summaries", recordID: id, fragment: "被直接插入")
        },
        // The review flags the supervisor's flags, clues and assessment read (issue 16 item 2; REV-9).
        Tampering(name: "hide an ignored review opinion by deleting its flag") { world in
            // The archives bureau's major case: its draft is sent back, then resubmitted unchanged.
            let theCase = try #require(try await world.sunlight.store.cases.list(organisations: [world.seeded.organisation("元谋县档案局").id], filter: .all, limit: 10)
                .first { $0.title == "擅自销毁建设工程档案" })
            let round = try #require(try await world.sunlight.store.reviews.records(ofCase: theCase.id).first { $0.submission != nil })
            _ = try await world.sunlight.reviews.recordOpinion(round: round.id, answers: ChecklistAnswer.allPass, outcome: .supplement, text: "请补充后重新送审。",
                                                               by: try await world.actor("daj.fazhi"))
            _ = try await world.sunlight.reviews.submitForReview(document: round.documentID, form: .sample, by: try await world.actor("daj.chenming"))
            let id = try #require(try await world.host.strings("SELECT case_id FROM review_flags ORDER BY case_id").first)
            #expect(id == theCase.id.uuidString.lowercased())
            try await world.host.execute("DELETE FROM review_flags WHERE case_id = \(bind: id)")
            return Expected(table: "review_flags", recordID: id, fragment: "被直接删除")
        },
        Tampering(name: "flag a case whose reviews were in order") { world in
            let id = try await world.host.strings("SELECT id FROM cases ORDER BY id").first!.lowercased()   // the demo has no flags
            try await world.host.execute("""
                INSERT INTO review_flags (case_id, ordinal, organisation_id, kind, case_number, document_id, detail, on_date)
                VALUES (\(bind: id), 0, \(bind: world.market.id.uuidString.lowercased()), 'missing_review', '伪造', \(bind: id), '伪造的线索', '2026-01-01')
                """)
            return Expected(table: "review_flags", recordID: id, fragment: "被直接插入")
        },
        // The facts the case statistics add up (issue 16 item 2; REC-12).
        Tampering(name: "shorten the days a case took to its decision") { world in
            let id = try #require(try await world.host.strings("SELECT case_id FROM case_facts WHERE decision_days IS NOT NULL ORDER BY case_id").first)
            try await world.host.execute("UPDATE case_facts SET decision_days = 1 WHERE case_id = \(bind: id)")
            return Expected(table: "case_facts", recordID: id, fragment: "被直接修改")
        },
        Tampering(name: "drop a case from the statistics") { world in
            let id = try #require(try await world.host.strings("SELECT case_id FROM case_facts ORDER BY case_id").first)
            try await world.host.execute("DELETE FROM case_facts WHERE case_id = \(bind: id)")
            return Expected(table: "case_facts", recordID: id, fragment: "被直接删除")
        },
    ]
}
