import Foundation
import Testing
@testable import SunlightCore

/// A small tree: 云南省 → 楚雄州 → 元谋县 {司法局, 市场监督管理局} and 武定县 {市场监督管理局}.
struct Tree {
    let province, prefecture, yuanmou, justice, market, wuding, wudingMarket: Organisation

    init() {
        func make(_ name: String, _ kind: OrganisationKind, _ level: AdministrativeLevel, under parent: Organisation?) -> Organisation {
            let id = UUID()
            return Organisation(id: id, parentID: parent?.id, name: name, shortName: String(name.prefix(2)), kind: kind,
                                level: level, path: Organisation.path(for: id, under: parent), createdAt: Date())
        }
        province = make("云南省人民政府", .government, .province, under: nil)
        prefecture = make("楚雄彝族自治州人民政府", .government, .city, under: province)
        yuanmou = make("元谋县人民政府", .government, .county, under: prefecture)
        justice = make("元谋县司法局", .justiceBureau, .county, under: yuanmou)
        market = make("元谋县市场监督管理局", .department, .county, under: yuanmou)
        wuding = make("武定县人民政府", .government, .county, under: prefecture)
        wudingMarket = make("武定县市场监督管理局", .department, .county, under: wuding)
    }

    func user(_ roles: Role..., in organisation: Organisation) -> StaffUser {
        StaffUser(organisationID: organisation.id, username: "u", displayName: "某", roles: Set(roles),
                  passwordHash: "", createdAt: Date())
    }

    func parent(of organisation: Organisation) -> Organisation? {
        [province, prefecture, yuanmou, justice, market, wuding, wudingMarket].first { $0.id == organisation.parentID }
    }

    func scope(_ roles: Role..., in organisation: Organisation) -> AccessScope {
        AccessScope(user: StaffUser(organisationID: organisation.id, username: "u", displayName: "某", roles: Set(roles),
                                    passwordHash: "", createdAt: Date()),
                    organisation: organisation, parent: parent(of: organisation))
    }
}

@Suite("数据范围 §0")
struct AccessScopeTests {
    let tree = Tree()

    @Test("§0: an officer reads and changes only their own organisation")
    func officer() {
        let scope = tree.scope(.officer, in: tree.market)
        #expect(scope.canRead(tree.market) && scope.canChange(tree.market))
        #expect(!scope.canRead(tree.justice))
        #expect(!scope.canRead(tree.yuanmou))
        #expect(!scope.canRead(tree.wudingMarket))
        #expect(!scope.canAdminister(tree.market))
    }

    @Test("§0: a justice-bureau supervisor reads every department of its government, but not the next county")
    func supervisor() {
        let scope = tree.scope(.supervisor, in: tree.justice)
        #expect(scope.canRead(tree.market))
        #expect(scope.canRead(tree.yuanmou))
        #expect(!scope.canChange(tree.market))
        #expect(!scope.canRead(tree.wudingMarket))
        #expect(!scope.canRead(tree.prefecture))
        #expect(scope.readablePaths == [tree.yuanmou.path])
    }

    @Test("§0: a supervisor at the prefecture's justice level reads both counties below")
    func higherSupervisor() {
        let scope = tree.scope(.supervisor, in: tree.prefecture)
        #expect(scope.canRead(tree.market) && scope.canRead(tree.wudingMarket))
        #expect(!scope.canRead(tree.province))
    }

    @Test("§0: an administrator administers their jurisdiction only")
    func administrator() {
        let scope = tree.scope(.administrator, in: tree.justice)
        #expect(scope.canAdminister(tree.market) && scope.canAdminister(tree.yuanmou))
        #expect(!scope.canAdminister(tree.wuding))
        let departmental = tree.scope(.administrator, in: tree.market)
        #expect(departmental.canAdminister(tree.market))
        #expect(!departmental.canAdminister(tree.justice))
    }

    @Test("§0: actors without the role are refused, naming the roles needed")
    func roles() {
        let actor = Actor(user: tree.user(.officer, in: tree.market), organisation: tree.market,
                          parent: tree.yuanmou, channel: .staff, address: nil)
        #expect(throws: SunlightError.missingRole([.administrator])) { try actor.requireAdminister(tree.market) }
        #expect(throws: SunlightError.outsideScope) { try actor.requireRead(tree.wudingMarket) }
        #expect(Actor.console("root").scope.canAdminister(tree.province))
        #expect(!Actor.visitor(address: nil).scope.canRead(tree.market))
    }
}

@Suite("机构树 §0")
struct OrganisationRulesTests {
    let tree = Tree()

    @Test("§0: governments nest one level down; departments and justice bureaus sit under a government of their level")
    func placement() throws {
        try OrganisationRules.validatePlacement(kind: .government, level: .province, under: nil)
        try OrganisationRules.validatePlacement(kind: .government, level: .town, under: tree.yuanmou)
        try OrganisationRules.validatePlacement(kind: .department, level: .county, under: tree.yuanmou)
        try OrganisationRules.validatePlacement(kind: .justiceBureau, level: .county, under: tree.yuanmou)
        try OrganisationRules.validatePlacement(kind: .department, level: .county, under: tree.market)
        for (kind, level, parent) in [
            (OrganisationKind.department, AdministrativeLevel.county, Optional<Organisation>.none),
            (.government, .county, tree.province),
            (.government, .town, tree.market),
            (.department, .city, tree.yuanmou),
            (.department, .county, tree.justice),
            (.justiceBureau, .county, tree.market),
        ] {
            #expect(throws: SunlightError.self) { try OrganisationRules.validatePlacement(kind: kind, level: level, under: parent) }
        }
    }

    @Test("the tree lists parents before children, government first")
    func ordering() {
        let all = [tree.wudingMarket, tree.market, tree.justice, tree.wuding, tree.yuanmou, tree.prefecture, tree.province]
        let nodes = OrganisationTree(all.shuffled()).nodes
        #expect(nodes.map(\.organisation.id) == [tree.province, tree.prefecture, tree.yuanmou, tree.justice, tree.market,
                                                 tree.wuding, tree.wudingMarket].map(\.id))
        #expect(nodes.map(\.depth) == [0, 1, 2, 3, 3, 2, 3])
    }
}
