import Foundation
import SunlightCore

/// One county of the lived year: its government, its departments and their staff, made
/// through the organisation use cases. Every department has two certified officers for all
/// six enforcement categories, a head, a legal reviewer and a publicity clerk.
struct LivedCounty: Sendable {
    struct Department: Sendable {
        let organisation: Organisation
        let officers: [Actor]
        let head: Actor
        let reviewer: Actor
        let clerk: Actor
    }

    let name: String
    let government: Organisation
    let departments: [Department]

    /// The departments a county has; the default demo adds them beside 元谋县's hand-made ones.
    static let departmentNames = ["交通运输局", "农业农村局", "自然资源局", "卫生健康局", "应急管理局", "住房和城乡建设局"]

    /// Makes the county `name` under `parent` (or takes `existing` as its government), with
    /// staff whose usernames start with `code`.
    static func make(_ sunlight: Sunlight, name: String, code: String, under parent: Organisation?, existing: Organisation?,
                     departments: Int, validUntil: CivilDate) async throws -> LivedCounty {
        let console = Actor.console("generate")
        let government: Organisation
        if let existing {
            government = existing
        } else {
            government = try await sunlight.organisations.createOrganisation(NewOrganisation(
                parentID: parent?.id, name: "\(name)人民政府", shortName: String(name.prefix(2)), kind: .government, level: .county), by: console)
        }
        // Short names make case and document numbers, so every county's must differ (元, 生2, 生3, …).
        let prefix = existing != nil ? String(name.prefix(1)) : String(name.prefix(1)) + code.filter(\.isNumber)
        var made: [Department] = []
        for (index, department) in departmentNames.prefix(departments).enumerated() {
            let organisation = try await sunlight.organisations.createOrganisation(NewOrganisation(
                parentID: government.id, name: "\(name)\(department)", shortName: prefix + String(department.prefix(2)),
                kind: .department, level: .county), by: console)
            func person(_ suffix: String, _ display: String, _ post: String, _ roles: Set<Role>, qualification: String? = nil,
                        certificate: String? = nil) async throws -> Actor {
                let username = "\(code).d\(index).\(suffix)"
                let user = try await sunlight.organisations.createUser(NewStaffUser(
                    organisationID: organisation.id, username: username, displayName: display, post: post, roles: roles,
                    password: LivedYear.password, legalQualification: qualification), by: console)
                if let certificate {
                    try await sunlight.organisations.addCertificate(EnforcementCertificate(
                        holderID: user.id, number: certificate, categories: Set(EnforcementCategory.enforcement), region: name,
                        validFrom: validUntil.adding(days: -5 * 365), validUntil: validUntil), by: console)
                }
                return try await sunlight.access.actor(username: username, channel: .staff, address: "generate")
            }
            let number = "\(code.filter(\.isNumber))\(index)"
            let officers = [
                try await person("o1", Names.person(index * 7 + 1), "执法队员", [.officer], certificate: "\(number)01"),
                try await person("o2", Names.person(index * 7 + 2), "执法队员", [.officer], certificate: "\(number)02"),
            ]
            made.append(Department(
                organisation: organisation, officers: officers,
                head: try await person("head", Names.person(index * 7 + 3), "局长", [.head]),
                reviewer: try await person("fazhi", Names.person(index * 7 + 4), "法制审核员", [.legalReviewer],
                                           qualification: "A\(number)9"),
                clerk: try await person("gongshi", Names.person(index * 7 + 5), "办公室科员", [.publicityClerk])))
        }
        return LivedCounty(name: name, government: government, departments: made)
    }
}

/// Plausible names, picked by number (the same number gives the same name).
enum Names {
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕")
    static let given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕"]
    static let shops = ["便民超市", "小吃店", "食品批发部", "粮油店", "农家乐", "面包坊", "烧烤店", "建材店", "运输有限公司", "养殖场", "石料厂", "汽修厂", "药店", "诊所", "加油站"]

    static func person(_ n: Int) -> String { "\(surnames[n % surnames.count])\(given[(n / surnames.count + n) % given.count])" }
    static func business(_ county: String, _ n: Int) -> String { "\(county)\(given[n % given.count])\(surnames[(n / 3) % surnames.count])\(shops[n % shops.count])" }
}
