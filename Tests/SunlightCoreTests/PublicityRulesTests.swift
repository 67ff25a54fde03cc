import Foundation
import Testing
@testable import SunlightCore

@Suite("公示清单规则 PUB-1..5 PUB-11 STD-1")
struct PublicityRulesTests {
    @Test("CSV: BOM, quotes, doubled quotes, line breaks in quotes, CRLF; broken quoting is refused with its line")
    func parseCSV() throws {
        let rows = try CSV.parse("\u{FEFF}a,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",3\n")
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[1].fields == ["1", "x,y", "say \"hi\""])
        #expect(rows[2].fields == ["2", "two\nlines", "3"])
        #expect(throws: CSV.ParseError(line: 2, message: "引号没有闭合")) { try CSV.parse("a\n\"open,b\n") }
        #expect(throws: CSV.ParseError.self) { try CSV.parse("a\nx\"y\n") }
        let round = CSV.document(header: ["名称", "=SUM(A1)"], rows: [["元谋, 县", "说\"明\""]])
        #expect(try CSV.parse(round).map(\.fields) == [["名称", "'=SUM(A1)"], ["元谋, 县", "说\"明\""]])
    }

    @Test("STD-1/PUB-3: an item needs its law and article, a power category of the nine, and a known enforcement category")
    func itemSchema() {
        let (_, problems) = ListKind.item.schema.validate(["code": "X1", "name": "某事项", "powerCategory": "行政检查", "enforcementCategory": "行政检查",
                                                           "responsibleOrganisation": "元谋县市场监督管理局", "entrusted": "否", "timeLimit": "即时"])
        #expect(problems.map(\.label) == ["权力类别", "法律依据（法律法规名称）", "条款"])
        let (values, none) = ListKind.item.schema.validate([
            "code": "X1", "name": "某事项", "powerCategory": "行政处罚", "enforcementCategory": "penalty", "law": "中华人民共和国食品安全法",
            "article": "第一百二十四条", "responsibleOrganisation": "元谋县市场监督管理局", "entrusted": "是", "timeLimit": "90日"])
        #expect(none.isEmpty)
        #expect(values["powerCategory"] == "penalty" && values["entrusted"] == "yes")
        #expect(EnforcementCategory.powerList.count == 9 && EnforcementCategory.enforcement.count == 6)
    }

    @Test("PUB-3: a CSV with any bad row imports nothing and names every problem by line and column")
    func importProblems() {
        let csv = """
            编号,生效日期,主体名称,机构性质,经费来源,编制情况,主体类别,职责职权,法定代表人,办公地址,投诉电话
            ,2026-12-01,元谋县档案局,行政机关,财政全额拨款,行政编制 8 名,法定,档案监督检查,周军,元马镇,0878-8211111
            ,2026-13-01,元谋县档案局二,行政机关,财政全额拨款,行政编制 8 名,法人,档案监督检查,周军,元马镇,0878
            \(UUID().uuidString),,元谋县档案局三,行政机关,财政全额拨款,行政编制 8 名,法定,,周军,元马镇,0878
            """
        let (rows, problems) = ListCSV.read(csv, kind: .subject, defaultEffective: CivilDate(iso: "2026-11-23")!, knownEntries: [])
        #expect(rows.isEmpty)
        #expect(problems.map(\.description) == [
            "第 3 行“生效日期”列：日期格式应为 YYYY-MM-DD",
            "第 3 行“主体类别”列：应为以下之一：法定、授权、委托",
            "第 4 行“编号”列：不是本清单已有条目的编号（新条目请留空）",
            "第 4 行“职责职权”列：不能为空",
        ])
        let missing = ListCSV.read("名称\n甲\n", kind: .subject, defaultEffective: CivilDate(iso: "2026-11-23")!, knownEntries: [])
        #expect(missing.problems.first?.description == "第 1 行“名称”列：不是主体资格清单的列")
    }

    @Test("PUB-3: history keeps every version; the one in force depends on the day; a repeal takes the entry off the list")
    func history() {
        let entry = UUID(), organisation = UUID()
        func version(_ n: Int, _ from: String, _ change: ListEntryVersion.Change = .publish, status: ListEntryVersion.Status = .published) -> ListEntryVersion {
            ListEntryVersion(entryID: entry, kind: .item, organisationID: organisation, version: n, change: change, fields: ["name": "v\(n)"],
                             effectiveFrom: CivilDate(iso: from)!, status: status, draftedBy: nil, draftedAt: Date())
        }
        let history = ListEntryHistory(entryID: entry, versions: [version(1, "2026-01-01"), version(2, "2026-06-01"),
                                                                 version(3, "2026-09-01", status: .draft), version(4, "2027-01-01", .repeal)])
        #expect(history.current(on: CivilDate(iso: "2025-12-31")!) == nil)
        #expect(history.current(on: CivilDate(iso: "2026-03-01")!)?.version == 1)
        #expect(history.current(on: CivilDate(iso: "2026-10-01")!)?.version == 2)  // the draft does not count
        #expect(history.current(on: CivilDate(iso: "2027-01-01")!) == nil)
        #expect(history.supersededOn(history.published[0]) == CivilDate(iso: "2026-06-01"))
        #expect(history.published.count == 3)
    }

    @Test("REC-1/PUB-5: every category has stages to draw; penalty has the optional hearing and review")
    func procedures() {
        for category in EnforcementCategory.allCases { #expect(Procedures.stages(for: category).count >= 5) }
        let penalty = Procedures.stages(for: .penalty)
        #expect(penalty.map(\.name) == ["立案", "调查取证", "事先告知", "听证", "法制审核", "作出决定", "送达", "执行", "结案", "归档"])
        #expect(penalty.filter(\.optional).map(\.name) == ["听证", "法制审核"])
    }
}

@Suite("执法资格 REC-7 STD-2")
struct OfficerQualificationTests {
    let today = CivilDate(iso: "2026-11-23")!
    let organisation = Organisation(parentID: nil, name: "元谋县市场监督管理局", shortName: "元市监", kind: .department, level: .county,
                                    path: "/x/", createdAt: Date())

    func officer(_ certificates: [EnforcementCertificate], reviews: [CertificateReview] = [], roles: Set<Role> = [.officer],
                 active: Bool = true, id: UUID = UUID()) -> OfficerQualification {
        OfficerQualification(user: StaffUser(id: id, organisationID: organisation.id, username: "zw", displayName: "张伟", roles: roles,
                                             passwordHash: "", isActive: active, createdAt: Date()),
                             organisation: organisation, certificates: certificates, reviews: reviews, trainings: [])
    }

    func certificate(_ until: String, categories: Set<EnforcementCategory> = [.penalty, .inspection], revoked: String? = nil) -> EnforcementCertificate {
        EnforcementCertificate(holderID: UUID(), number: "53232800101", categories: categories, region: "元谋县",
                               validFrom: CivilDate(iso: "2024-01-01")!, validUntil: CivilDate(iso: until)!,
                               revokedOn: revoked.flatMap { CivilDate(iso: $0) })
    }

    @Test("REC-7: missing, expired, revoked, failed review, wrong category, inactive, not an officer — each refused citing REC-7", arguments: [
        ("no certificate", "没有行政执法证件"), ("expired", "已于 2026-06-30 过期"), ("revoked", "已于 2026-10-01 注销"),
        ("failed review", "年度审验不合格"), ("wrong category", "不含“行政许可”"), ("inactive", "账号已停用"), ("not an officer", "不是执法人员"),
    ])
    func refused(way: String, fragment: String) {
        let valid = certificate("2029-01-01")
        let case_: OfficerQualification = switch way {
        case "no certificate": officer([])
        case "expired": officer([certificate("2026-06-30")])
        case "revoked": officer([certificate("2029-01-01", revoked: "2026-10-01")])
        case "failed review": officer([valid], reviews: [CertificateReview(certificateID: valid.id, year: 2025, passed: false, reviewedOn: today, note: "x")])
        case "inactive": officer([valid], active: false)
        case "not an officer": officer([valid], roles: [.head])
        default: officer([valid])
        }
        do {
            try case_.checkAssignable(to: way == "wrong category" ? .permit : .penalty, on: today)
            Issue.record("\(way) was not refused")
        } catch let error as SunlightError {
            #expect(error.rule == .rec7)
            #expect(error.message.contains(fragment), "\(error.message)")
        } catch { Issue.record("\(error)") }
    }

    @Test("REC-7/STD-2: a valid certificate of the right category passes; the rate counts officers against 85%")
    func rate() throws {
        let good = officer([certificate("2029-01-01")])
        try good.checkAssignable(to: .inspection, on: today)
        let people = (0..<6).map { _ in good } + [officer([]), officer([certificate("2026-06-30")]), officer([], roles: [.head])]
        let rate = CertificateRate(people, on: today)
        #expect(rate == CertificateRate(officers: 8, certified: 6))
        #expect(rate.percentText == "75.0%" && !rate.meetsTarget)
        #expect(CertificateRate(officers: 20, certified: 17).meetsTarget)
    }
}
