import Foundation
import SunlightCore

/// 演示数据 — the demo data set of `sunlight demo`: 云南省 → 楚雄州 → 元谋县 with its justice
/// bureau and three departments, officers with certificates, a legal reviewer per department,
/// a supervisor and an administrator. Built through the same use cases as real data.
///
/// Every date in it follows "today": cases, documents, evidence and payments are dated by the
/// use cases' clock, list entries take effect today, annual reviews are of last year, the
/// 双随机 draw is this quarter's, and the certificates are moved by whole days so that on any
/// day 李娜's expires in 17 days, 赵磊's expired 146 days ago and everyone else's is valid for
/// years. Pin the clock (`sunlight demo --today`) and the whole demo is the same on any machine.
public enum DemoData {
    /// The password of every demo account.
    public static let password = "Yuanmou-2026"
    /// How many accounts the demo has.
    public static let accountCount = 19
    /// The day the certificates' dates below are written for; they move with the demo's day.
    static let certificatesWrittenFor = CivilDate(iso: "2026-11-23")!

    /// A demo account, for the start-up banner and the tests.
    public struct Account: Sendable {
        public let username: String
        public let displayName: String
        public let organisation: String
        public let roles: [Role]
    }

    public struct Seeded: Sendable {
        public let organisations: [String: Organisation]
        public let accounts: [Account]
        public func organisation(_ name: String) -> Organisation { organisations[name]! }
    }

    struct Person {
        let username: String, name: String, post: String, roles: Set<Role>
        var certificate: (number: String, categories: Set<EnforcementCategory>, from: String, until: String)?
        var legalQualification: String?
    }

    /// Fills an empty store with the demo data set, as of the clock's today. `certificatesAsOf`
    /// dates the certificates as of another day instead (tests whose expectations were written
    /// for one day, then seed the demo on others).
    @discardableResult
    public static func seed(_ sunlight: Sunlight, certificatesAsOf: CivilDate? = nil) async throws -> Seeded {
        let shift = certificatesWrittenFor.days(until: certificatesAsOf ?? sunlight.clock.today)
        func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)!.adding(days: shift) }
        let console = Actor.console("demo")
        var organisations: [String: Organisation] = [:]
        func add(_ name: String, _ short: String, _ kind: OrganisationKind, _ level: AdministrativeLevel,
                 under parent: String?) async throws {
            organisations[name] = try await sunlight.organisations.createOrganisation(
                NewOrganisation(parentID: parent.map { organisations[$0]!.id }, name: name, shortName: short,
                                kind: kind, level: level), by: console)
        }
        try await add("云南省人民政府", "云", .government, .province, under: nil)
        try await add("云南省司法厅", "云司", .justiceBureau, .province, under: "云南省人民政府")
        try await add("楚雄彝族自治州人民政府", "楚", .government, .city, under: "云南省人民政府")
        try await add("楚雄州司法局", "楚司", .justiceBureau, .city, under: "楚雄彝族自治州人民政府")
        try await add("元谋县人民政府", "元", .government, .county, under: "楚雄彝族自治州人民政府")
        try await add("元谋县司法局", "元司", .justiceBureau, .county, under: "元谋县人民政府")
        try await add("元谋县档案局", "元档", .department, .county, under: "元谋县人民政府")
        try await add("元谋县市场监督管理局", "元市监", .department, .county, under: "元谋县人民政府")
        try await add("元谋县综合行政执法局", "元综执", .department, .county, under: "元谋县人民政府")
        try await add("元马镇人民政府", "元马", .government, .town, under: "元谋县人民政府")

        let people: [String: [Person]] = [
            // The installation's administrator (the top organisation's): installation-wide settings such as the holiday calendar.
            "云南省司法厅": [
                Person(username: "yn.admin", name: "段志明", post: "信息技术处处长", roles: [.administrator]),
            ],
            "元谋县司法局": [
                Person(username: "admin", name: "杨建国", post: "信息中心主任", roles: [.administrator]),
                Person(username: "jiandu", name: "李秀英", post: "执法监督科科长", roles: [.supervisor]),
                Person(username: "sfj.wangli", name: "王丽", post: "副局长", roles: [.head]),
                Person(username: "sfj.zhaomin", name: "赵敏", post: "法制股科员", roles: [.publicityClerk]),
            ],
            "元谋县市场监督管理局": [
                Person(username: "scj.zhangwei", name: "张伟", post: "市场监管执法大队队员", roles: [.officer],
                       certificate: ("53232800101", [.penalty, .inspection, .coercion], "2024-03-01", "2029-02-28")),
                Person(username: "scj.lina", name: "李娜", post: "市场监管执法大队队员", roles: [.officer],
                       certificate: ("53232800102", [.penalty, .inspection, .permit], "2022-01-01", "2026-12-10")),
                Person(username: "scj.zhaolei", name: "赵磊", post: "市场监管执法大队队员", roles: [.officer],
                       certificate: ("53232800103", [.penalty, .inspection], "2021-06-01", "2026-06-30")),
                Person(username: "scj.wangfang", name: "王芳", post: "副局长", roles: [.head]),
                Person(username: "scj.fazhi", name: "刘洋", post: "法规股股长", roles: [.legalReviewer],
                       legalQualification: "A20185323001"),
                Person(username: "scj.gongshi", name: "陈静", post: "办公室科员", roles: [.publicityClerk]),
            ],
            "元谋县档案局": [
                Person(username: "daj.chenming", name: "陈明", post: "执法监督科科员", roles: [.officer],
                       certificate: ("53232800201", [.penalty, .inspection], "2023-05-01", "2028-04-30")),
                Person(username: "daj.huangli", name: "黄丽", post: "执法监督科科员", roles: [.officer],
                       certificate: ("53232800202", [.penalty, .inspection], "2023-05-01", "2028-04-30")),
                Person(username: "daj.zhoujun", name: "周军", post: "局长", roles: [.head]),
                Person(username: "daj.fazhi", name: "吴敏", post: "法制审核员", roles: [.legalReviewer, .publicityClerk],
                       legalQualification: "A20195323002"),
            ],
            "元马镇人民政府": [
                Person(username: "ym.yangfan", name: "杨帆", post: "综合行政执法办公室主任", roles: [.officer, .head],
                       certificate: ("53232800401", [.penalty, .inspection], "2025-01-01", "2029-12-31")),
            ],
            "元谋县综合行政执法局": [
                Person(username: "zf.sunqiang", name: "孙强", post: "执法中队队长", roles: [.officer, .head],
                       certificate: ("53232800301", [.penalty, .inspection, .coercion], "2024-01-01", "2028-12-31")),
                Person(username: "zf.zhoutao", name: "周涛", post: "执法队员", roles: [.officer],
                       certificate: ("53232800302", [.penalty, .inspection, .coercion], "2024-01-01", "2028-12-31")),
                Person(username: "zf.xuhui", name: "徐慧", post: "法制审核员", roles: [.legalReviewer, .publicityClerk],
                       legalQualification: "A20205323003"),
            ],
        ]
        var accounts: [Account] = []
        for organisationName in people.keys.sorted() {
            let organisation = organisations[organisationName]!
            for person in people[organisationName]! {
                let user = try await sunlight.organisations.createUser(
                    NewStaffUser(organisationID: organisation.id, username: person.username, displayName: person.name,
                                 post: person.post, roles: person.roles, password: password,
                                 legalQualification: person.legalQualification), by: console)
                if let certificate = person.certificate {
                    try await sunlight.organisations.addCertificate(EnforcementCertificate(
                        holderID: user.id, number: certificate.number, categories: certificate.categories,
                        region: "元谋县", validFrom: day(certificate.from), validUntil: day(certificate.until)), by: console)
                }
                accounts.append(Account(username: person.username, displayName: person.name,
                                        organisation: organisationName, roles: person.roles.sorted()))
            }
        }
        try await seedLists(sunlight, organisations: organisations)
        try await seedCases(sunlight, organisations: organisations)
        try await seedPublicity(sunlight, market: organisations["元谋县市场监督管理局"]!)
        try await seedLeads(sunlight)
        return Seeded(organisations: organisations, accounts: accounts)
    }
}

extension DemoData {
    /// The day a demo runs on: `pinned` if given, else the machine's `today` — as long as the
    /// holiday notices that ship with the server cover its year, because the demo's cases count
    /// working days and a year without a notice is refused, never guessed (CAL-1). Outside them
    /// the demo runs on the same date of the newest shipped year (28 February for the 29th).
    /// A pinned day outside them is refused with the years that would work.
    public static func day(pinned: CivilDate?, today: CivilDate, shipped: WorkingDayCalendar) throws -> (day: CivilDate, pinned: Bool) {
        let years = shipped.notices.keys.sorted()
        if let pinned {
            guard shipped.covers(pinned) else {
                throw SunlightError.invalid("today", "演示日期 \(pinned.iso) 所在的 \(pinned.year) 年节假日安排未随程序提供"
                                            + "（已有 \(years.map(String.init).joined(separator: "、")) 年），请选择这些年份中的日期", rule: .cal1)
            }
            return (pinned, true)
        }
        guard !shipped.covers(today), let newest = years.last else { return (today, false) }
        let day = CivilDate(year: newest, month: today.month, day: today.day) ?? CivilDate(year: newest, month: today.month, day: 28)!
        return (day, true)
    }
}
