import Foundation
import Testing
@testable import SunlightCore

@Suite("公示清单规则 PUB-1..5 PUB-11 STD-1")
struct PublicityRulesTests {
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
