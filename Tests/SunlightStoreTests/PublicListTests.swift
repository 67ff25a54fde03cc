import Foundation
import SunlightCore
import SunlightLedger
import SunlightRendering
@testable import SunlightStore
import SunlightFixtures
import SunlightTestSupport
import Testing

@Suite("公示清单：起草、审核、版本、检索、导入导出 PUB-1..5 PUB-10 PUB-11")
struct PublicListTests {
    @Test("PUB-3: a draft is public only after the clerk's check; a new version keeps the old one as history")
    func draftCheckPublish() async throws {
        try await DemoWorld.with { world in
            let draft = try await world.sunlight.publicity.draftListEntry(.item, organisationID: world.market.id, fields: DemoWorld.itemFields,
                                                                effectiveFrom: world.clock.today, by: try await world.actor("scj.zhangwei"))
            #expect(!(try await world.sunlight.publicity.publishedList(.item, organisationID: world.market.id)).contains { $0.version.entryID == draft.entryID })
            let published = try await world.sunlight.publicity.checkListEntry(draft.id, approve: true, note: nil, by: try await world.actor("scj.gongshi"))
            #expect(published.status == .published)
            var changed = DemoWorld.itemFields
            changed["timeLimit"] = "立案之日起60日"
            let second = try await world.publish(.item, changed, entry: draft.entryID)
            #expect(second.version == 2)
            let list = try await world.sunlight.publicity.publishedList(.item, organisationID: world.market.id).filter { $0.version.entryID == draft.entryID }
            #expect(list.map(\.version.fields["timeLimit"]) == ["立案之日起60日"])
            #expect(list.first?.versions == 2)
            let history = try await world.sunlight.publicity.entryHistory(draft.entryID)
            #expect(history.published.map(\.version) == [1, 2])
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }

    @Test("PUB-3: the clerk cannot check their own draft; a refusal needs a reason; a checked version cannot be checked again")
    func checks() async throws {
        try await DemoWorld.with { world in
            let clerk = try await world.actor("scj.gongshi")
            let own = try await world.sunlight.publicity.draftListEntry(.item, organisationID: world.market.id, fields: DemoWorld.itemFields,
                                                              effectiveFrom: world.clock.today, by: clerk)
            await #expect { try await world.sunlight.publicity.checkListEntry(own.id, approve: true, note: nil, by: clerk) } throws: { "list.self_check" ~= $0 }
            let draft = try await world.sunlight.publicity.draftListEntry(.item, organisationID: world.market.id, fields: DemoWorld.itemFields,
                                                                effectiveFrom: world.clock.today, by: try await world.actor("scj.lina"))
            await #expect { try await world.sunlight.publicity.checkListEntry(draft.id, approve: false, note: " ", by: clerk) } throws: { "input.invalid" ~= $0 }
            let rejected = try await world.sunlight.publicity.checkListEntry(draft.id, approve: false, note: "条款引用有误", by: clerk)
            #expect(rejected.status == .rejected && rejected.checkNote == "条款引用有误")
            await #expect { try await world.sunlight.publicity.checkListEntry(draft.id, approve: true, note: nil, by: clerk) } throws: { "list.checked" ~= $0 }
            await #expect { try await world.sunlight.publicity.draftListEntry(.item, organisationID: world.market.id, fields: DemoWorld.itemFields,
                                                                     effectiveFrom: world.clock.today.adding(days: -1), by: clerk) }
                throws: { ($0 as? SunlightError)?.field == "effectiveFrom" }
        }
    }

    @Test("§0: a clerk of one department cannot change or check another department's lists; refusals are logged")
    func scope() async throws {
        try await DemoWorld.with { world in
            let otherClerk = try await world.actor("daj.fazhi")
            await #expect { try await world.sunlight.publicity.draftListEntry(.item, organisationID: world.market.id, fields: DemoWorld.itemFields,
                                                                     effectiveFrom: world.clock.today, by: otherClerk) }
                throws: { "scope.outside" ~= $0 }
            let draft = try await world.sunlight.publicity.draftListEntry(.item, organisationID: world.market.id, fields: DemoWorld.itemFields,
                                                                effectiveFrom: world.clock.today, by: try await world.actor("scj.zhangwei"))
            await #expect { try await world.sunlight.publicity.checkListEntry(draft.id, approve: true, note: nil, by: otherClerk) } throws: { "scope.outside" ~= $0 }
            await #expect { try await world.sunlight.publicity.importList(.item, file: ListCSV.file("x"), by: try await world.actor("jiandu")) } throws: { "role.missing" ~= $0 }
            #expect(try await world.accessLog().first?.action == .denied)
        }
    }

    @Test("PUB-3: a repeal takes the entry off the list from its date; the history stays public")
    func repeal() async throws {
        try await DemoWorld.with { world in
            let first = try await world.publish(.item, DemoWorld.itemFields)
            _ = try await world.publish(.item, [:], entry: first.entryID, change: .repeal)
            #expect(!(try await world.sunlight.publicity.publishedList(.item, organisationID: world.market.id)).contains { $0.version.entryID == first.entryID })
            #expect(try await world.sunlight.publicity.entryHistory(first.entryID).published.map(\.change) == [.publish, .repeal])
            #expect(!(try await world.sunlight.publicity.searchPortal("食品安全标准")).contains { $0.id == "entry:\(first.entryID.uuidString.lowercased())" })
        }
    }

    @Test("PUB-10: search finds current entries and officers by words of three or more characters and of one or two", arguments: [
        ("食品安全标准", "对生产经营不符合食品安全标准的食品的处罚"), ("处罚", "对生产经营不符合食品安全标准的食品的处罚"),
        ("食品 处罚", "对生产经营不符合食品安全标准的食品的处罚"), ("53232800101", "张伟（元谋县市场监督管理局）"), ("张伟", "张伟（元谋县市场监督管理局）"),
        ("检查", "张伟（元谋县市场监督管理局）"),
    ])
    func search(query: String, expected: String) async throws {
        try await DemoWorld.with { world in
            _ = try await world.publish(.item, DemoWorld.itemFields)
            let hits = try await world.sunlight.publicity.searchPortal(query)
            #expect(hits.map(\.title).contains(expected), "\(query) → \(hits.map(\.title))")
            #expect(try await world.sunlight.publicity.searchPortal("不存在的词语").isEmpty)
            #expect(try await world.sunlight.publicity.searchPortal("§").isEmpty)
            #expect(try await world.sunlight.publicity.searchPortal("5%").map(\.title) == ["食品经营者监督检查"])  // a literal percent sign
            let scoped = try await world.sunlight.publicity.searchPortal(query, organisationID: world.seeded.organisation("元谋县档案局").id)
            #expect(!scoped.map(\.title).contains(expected))
        }
    }

    @Test("PUB-3: CSV round trip — export, edit in a spreadsheet, import as new versions (drafts)")
    func csvRoundTrip() async throws {
        try await DemoWorld.with { world in
            let first = try await world.publish(.item, DemoWorld.itemFields)
            let exported = ListCSV.export(try await world.sunlight.publicity.exportList(.item, organisationID: world.market.id))
            #expect(exported.hasPrefix("\u{FEFF}编号,生效日期,事项编码,事项名称,权力类别"))
            #expect(exported.contains("行政处罚") && exported.contains(first.entryID.uuidString.lowercased()))
            let edited = exported.replacingOccurrences(of: "立案之日起90日", with: "立案之日起45日")
                + ",,SJ-JC-002,食品生产经营日常监督检查,其他行政权力,行政检查,中华人民共和国食品安全法,第一百一十条,,元谋县市场监督管理局,否,即时\r\n"
            let report = try await world.sunlight.publicity.importList(.item, file: ListCSV.file(edited), by: try await world.actor("scj.zhangwei"))
            #expect(report.problems.isEmpty, "\(report.problems)")
            let items = try await world.sunlight.publicity.publishedList(.item, organisationID: world.market.id).count
            #expect(report.drafted.count == items + 1)
            #expect(report.drafted.filter { $0.version == 1 }.map(\.title) == ["食品生产经营日常监督检查"])
            let revised = try #require(report.drafted.first { $0.entryID == first.entryID })
            #expect(revised.version == 2 && revised.fields["timeLimit"] == "立案之日起45日")
            #expect(try await world.sunlight.publicity.pendingListChecks(by: try await world.actor("scj.gongshi")).count == items + 1)
        }
    }

    @Test("PUB-3: an imported file with a bad row imports nothing")
    func csvBadRows() async throws {
        try await DemoWorld.onDatabase { world in
            let csv = "事项编码,事项名称,权力类别,法律依据（法律法规名称）,条款,实施主体,受委托实施,办理时限\n"
                + "A1,甲事项,行政处罚,某法,第一条,元谋县市场监督管理局,否,即时\n"
                + "A2,乙事项,行政处分,某法,第二条,元谋县市场监督管理局,也许,即时\n"
            let before = try await world.host.strings("SELECT count(*) FROM list_entries")
            let report = try await world.sunlight.publicity.importList(.item, file: ListCSV.file(csv), by: try await world.actor("scj.zhangwei"))
            #expect(report.drafted.isEmpty)
            #expect(report.problems.map(\.description) == ["第 3 行“权力类别”列：应为以下之一：行政许可、行政处罚、行政强制、行政征收、行政给付、行政裁决、行政确认、行政奖励、其他行政权力",
                                                           "第 3 行“受委托实施”列：应为“是”或“否”"])
            #expect(try await world.host.strings("SELECT count(*) FROM list_entries") == before)
        }
    }

    @Test("STD-2/REC-7: reviews, trainings and revocation shape who may be assigned; the public lookup says so")
    func certificates() async throws {
        try await DemoWorld.with { world in
            let admin = try await world.actor("admin")
            let zhang = try await world.user("scj.zhangwei")
            let officer = try await world.actor("scj.zhangwei")
            _ = try await world.sunlight.standards.checkAssignment(officer: zhang.id, category: .penalty, by: officer)
            await #expect { try await world.sunlight.standards.checkAssignment(officer: zhang.id, category: .permit, by: officer) }
                throws: { ($0 as? SunlightError)?.rule == .rec7 }
            let zhao = try await world.user("scj.zhaolei")
            await #expect { try await world.sunlight.standards.checkAssignment(officer: zhao.id, category: .penalty, by: officer) }
                throws: { ($0 as? SunlightError)?.message.contains("过期") == true }

            let (_, certificate) = try await world.sunlight.standards.certificateLookup("53232800101")
            _ = try await world.sunlight.standards.recordAnnualReview(certificate: certificate.id, year: 2025, passed: true, note: nil, by: admin)
            try await world.sunlight.standards.recordTraining(TrainingRecord(userID: zhang.id, date: world.clock.today, hours: 16,
                                                                   topic: "行政处罚法专题培训", provider: "元谋县司法局"), by: try await world.actor("scj.wangfang"))
            try await world.sunlight.standards.revokeCertificate(certificate.id, reason: "调离执法岗位", by: admin)
            let (qualification, revoked) = try await world.sunlight.standards.certificateLookup("53232800101")
            #expect(revoked.status(on: world.clock.today) == .revoked && revoked.revocationReason == "调离执法岗位")
            #expect(qualification.trainingHours(before: world.clock.today) == 16)
            #expect(qualification.reviewText(of: revoked) == "2025 年度审验合格")
            await #expect { try await world.sunlight.standards.checkAssignment(officer: zhang.id, category: .penalty, by: officer) }
                throws: { ($0 as? SunlightError)?.message.contains("注销") == true }
            await #expect { try await world.sunlight.standards.certificateLookup("00000000") } throws: { "certificate.unknown" ~= $0 }

            let rates = try await world.sunlight.standards.certificateRates(by: try await world.actor("jiandu"))
            let market = try #require(rates.first { $0.0.name == "元谋县市场监督管理局" }?.1)
            #expect(market == CertificateRate(officers: 3, certified: 1))  // 李娜 valid; 张伟 revoked, 赵磊 expired
            #expect(try await world.sunlight.cases.verify().isClean)
        }
    }
}
