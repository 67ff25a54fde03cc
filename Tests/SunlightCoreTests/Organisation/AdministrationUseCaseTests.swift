import Foundation
@testable import SunlightCore
import SunlightFixtures
import SunlightTestSupport
import Testing

@Suite("机构与人员管理 §0（范围在用例中强制）")
struct AdministrationUseCaseTests {
    @Test("§0: the demo tree is province → prefecture → county with a justice bureau and three departments")
    func demoTree() async throws {
        try await DemoWorld.with { world in
            let tree = try await world.sunlight.organisations.publicOrganisationTree()
            let names = tree.nodes.map(\.organisation.name)
            #expect(names.first == "云南省人民政府")
            for name in ["元谋县司法局", "元谋县档案局", "元谋县市场监督管理局", "元谋县综合行政执法局"] {
                #expect(names.contains(name))
                #expect(tree.nodes.first { $0.organisation.name == name }?.depth == 3)
            }
        }
    }

    @Test("§0: the county supervisor sees the county's organisations; an officer sees only their own")
    func treeScope() async throws {
        try await DemoWorld.with { world in
            let supervised = try await world.sunlight.organisations.organisationTree(for: try await world.actor("jiandu")).nodes.map(\.organisation.name)
            #expect(supervised.contains("元谋县市场监督管理局") && supervised.contains("元马镇人民政府"))
            #expect(!supervised.contains("楚雄州司法局"))
            let own = try await world.sunlight.organisations.organisationTree(for: try await world.actor("scj.zhangwei")).nodes.map(\.organisation.name)
            #expect(own == ["元谋县市场监督管理局"])
        }
    }

    @Test("§0: an administrator creates users in their jurisdiction; every change is in the access log")
    func createUser() async throws {
        try await DemoWorld.with { world in
            let admin = try await world.actor("admin")
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let user = try await world.sunlight.organisations.createUser(NewStaffUser(
                organisationID: market.id, username: "scj.new", displayName: "新人", roles: [.officer],
                password: "Welcome-2026"), by: admin)
            #expect(user.passwordHash != "Welcome-2026")
            let entry = try #require(try await world.accessLog().first)
            #expect(entry.action == .create && entry.resourceID == user.id.uuidString)
            #expect(entry.actorName == "杨建国（admin）" && entry.address == "192.0.2.10")
            #expect(entry.organisationID == market.id)
        }
    }

    @Test("§0: reaching for another organisation is refused in the use case and the refusal is logged")
    func outsideScope() async throws {
        try await DemoWorld.with { world in
            // The county administrator cannot administer the prefecture.
            let admin = try await world.actor("admin")
            let prefecture = world.seeded.organisation("楚雄州司法局")
            await #expect {
                try await world.sunlight.organisations.createUser(NewStaffUser(organisationID: prefecture.id, username: "x.y", displayName: "某",
                                                                 roles: [.officer], password: "Welcome-2026"), by: admin)
            } throws: { "scope.outside" ~= $0 }
            #expect(try await world.accessLog().first?.action == .denied)
            // An officer cannot read another department.
            let officer = try await world.actor("scj.zhangwei")
            await #expect { try await world.sunlight.organisations.organisation(world.seeded.organisation("元谋县档案局").id, for: officer) }
                throws: { "scope.outside" ~= $0 }
            // Nor list users at all.
            await #expect { try await world.sunlight.organisations.users(by: officer) } throws: { "role.missing" ~= $0 }
            #expect(try await world.sunlight.store.users.find(username: "x.y") == nil)
        }
    }

    @Test("bad input changes nothing: duplicate username, weak password, empty roles, bad placement")
    func badInput() async throws {
        try await DemoWorld.with { world in
            let admin = try await world.actor("admin")
            let market = world.seeded.organisation("元谋县市场监督管理局")
            let before = try await world.accessLog().count
            let attempts: [(NewStaffUser, String)] = [
                (NewStaffUser(organisationID: market.id, username: "admin", displayName: "重名", roles: [.officer], password: "Welcome-2026"), "user.duplicate"),
                (NewStaffUser(organisationID: market.id, username: "ok.name", displayName: "弱", roles: [.officer], password: "short"), "input.invalid"),
                (NewStaffUser(organisationID: market.id, username: "ok.name", displayName: "无角色", roles: [], password: "Welcome-2026"), "input.invalid"),
                (NewStaffUser(organisationID: market.id, username: "1bad", displayName: "名", roles: [.officer], password: "Welcome-2026"), "input.invalid"),
            ]
            for (input, code) in attempts {
                await #expect { try await world.sunlight.organisations.createUser(input, by: admin) } throws: { code ~= $0 }
            }
            await #expect {
                try await world.sunlight.organisations.createOrganisation(NewOrganisation(parentID: market.id, name: "元谋县某政府", shortName: "某",
                                                                            kind: .government, level: .town), by: admin)
            } throws: { "input.invalid" ~= $0 }
            #expect(try await world.accessLog().count == before)
            await #expect { try await world.sunlight.organisations.user(UUID(), by: admin) } throws: { "not_found" ~= $0 }
        }
    }

    @Test("an administrator cannot lock themselves out")
    func selfLockout() async throws {
        try await DemoWorld.with { world in
            let admin = try await world.actor("admin")
            await #expect { try await world.sunlight.organisations.updateUser(admin.user!.id, StaffUserChanges(roles: [.supervisor]), by: admin) }
                throws: { "user.self_lockout" ~= $0 }
        }
    }

    @Test("REC-11: reading users is logged with who, what, when and from where")
    func readsAreLogged() async throws {
        try await DemoWorld.with { world in
            let admin = try await world.actor("admin")
            let officer = try await world.user("scj.zhangwei")
            let detail = try await world.sunlight.organisations.user(officer.id, by: admin)
            #expect(detail.certificates.first?.number == "53232800101")
            let entry = try #require(try await world.accessLog().first)
            #expect(entry.action == .read && entry.resourceType == "user" && entry.resourceID == officer.id.uuidString)
            #expect(entry.at == world.clock.now || abs(entry.at.timeIntervalSince(world.clock.now)) < 0.001)
        }
    }

    @Test("the access log shows administrators and supervisors their jurisdiction only")
    func accessLogScope() async throws {
        try await DemoWorld.with { world in
            let supervisor = try await world.actor("jiandu")
            let entries = try await world.sunlight.access.accessLog(AccessLogQuery(organisationPaths: []), by: supervisor)
            let county = world.seeded.organisation("元谋县人民政府")
            #expect(!entries.isEmpty)
            #expect(entries.allSatisfy { $0.organisationPath?.hasPrefix(county.path) == true })
            await #expect { try await world.sunlight.access.accessLog(AccessLogQuery(organisationPaths: ["/"]), by: try await world.actor("scj.lina")) }
                throws: { "role.missing" ~= $0 }
        }
    }
}
