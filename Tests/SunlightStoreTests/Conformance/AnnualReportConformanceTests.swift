import Foundation
@testable import SunlightCore
import SunlightDatabaseTestSupport
import SunlightTestSupport
import Testing

/// 年度报告存储一致性 — every published version of an annual report kept whole in its own table
/// and read back as published (PUB-12).
@Suite("存储一致性 Repository conformance: annual reports")
struct AnnualReportConformanceTests {
    typealias C = Conformance

    @Test("PUB-12: each published version of an annual report is kept whole, listed for its organisation (国办发〔2018〕118号)",
          arguments: StoreKind.all)
    func versions(_ kind: StoreKind) async throws {
        try await TestDatabase.withStore(kind) { store in
            let w = try await C.world(store)
            let records = store.records(PublishedAnnualReport.self)
            let first = PublishedAnnualReport(id: UUID(), organisationID: w.market.id, year: 2026, version: 1, paragraphs: ["一、总体情况。", "二、“引号”"],
                                              publishedOn: CivilDate(iso: "2027-01-20")!, publishedBy: "王芳", publishedByID: nil, correction: nil, createdAt: C.at(1))
            let second = PublishedAnnualReport(id: UUID(), organisationID: w.market.id, year: 2026, version: 2, paragraphs: ["一、总体情况（更正）。"],
                                               publishedOn: CivilDate(iso: "2027-02-03")!, publishedBy: "王芳", publishedByID: nil,
                                               correction: "更正行政强制数据", createdAt: C.at(2))
            let other = PublishedAnnualReport(id: UUID(), organisationID: w.other.id, year: 2026, version: 1, paragraphs: [], publishedOn: CivilDate(iso: "2027-01-05")!,
                                              publishedBy: "某某", publishedByID: nil, correction: nil, createdAt: C.at(3))
            for report in [first, second, other] { try await records.insert(report) }
            #expect(try await records.find(second.id) == second)
            #expect(Set(try await records.list(organisations: [w.market.id]).map(\.id)) == [first.id, second.id])
            #expect(try await records.chronological(offset: 0, limit: 5).map(\.id) == [first.id, second.id, other.id])
            #expect(first.onTime && !second.onTime)
        }
    }
}
