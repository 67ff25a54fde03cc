import Foundation
import SunlightCore
import Vapor

/// The JSON API under `/api/v1`: bearer token, same use cases as the staff UI.
struct ApiController {
    func register(public api: any RoutesBuilder, authenticated: any RoutesBuilder) {
        api.get("openapi.json", use: openAPI)
        api.get("public", "organisations", use: publicOrganisations)

        authenticated.get("me", use: me)
        authenticated.get("organisations", use: organisations)
        authenticated.post("organisations", use: createOrganisation)
        authenticated.get("organisations", ":id", use: organisation)
        authenticated.patch("organisations", ":id", use: renameOrganisation)
        authenticated.get("users", use: users)
        authenticated.post("users", use: createUser)
        authenticated.get("users", ":id", use: user)
        authenticated.patch("users", ":id", use: updateUser)
        authenticated.get("tokens", use: tokens)
        authenticated.post("tokens", use: issueToken)
        authenticated.post("tokens", ":id", "revoke", use: revokeToken)
        authenticated.get("calendar", "years", use: calendarYears)
        authenticated.post("calendar", "years", use: loadCalendarYear)
        authenticated.get("calendar", "deadline", use: deadline)
        authenticated.get("access-log", use: accessLog)
    }

    @Sendable func openAPI(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: OpenAPIDocument.data))
        response.headers.contentType = .json
        return response
    }

    @Sendable func publicOrganisations(_ request: Request) async throws -> API.ListOut<API.OrganisationOut> {
        let tree = try await request.sunlight.organisations.publicOrganisationTree()
        return API.ListOut(items: tree.nodes.map { API.OrganisationOut($0.organisation, depth: $0.depth) })
    }

    @Sendable func me(_ request: Request) async throws -> API.MeOut {
        let actor = try request.requireApiActor()
        return API.MeOut(user: API.UserOut(actor.user!, today: request.sunlight.clock.today),
                         organisation: API.OrganisationOut(actor.organisation!), channel: actor.channel)
    }

    @Sendable func organisations(_ request: Request) async throws -> API.ListOut<API.OrganisationOut> {
        let tree = try await request.sunlight.organisations.organisationTree(for: try request.requireApiActor())
        return API.ListOut(items: tree.nodes.map { API.OrganisationOut($0.organisation, depth: $0.depth) })
    }

    @Sendable func organisation(_ request: Request) async throws -> API.OrganisationOut {
        API.OrganisationOut(try await request.sunlight.organisations.organisation(try request.uuid("id", "机构"), for: try request.requireApiActor()))
    }

    @Sendable func createOrganisation(_ request: Request) async throws -> Response {
        let input = try request.content.decode(NewOrganisation.self)
        let created = try await request.sunlight.organisations.createOrganisation(input, by: try request.requireApiActor())
        return try await API.OrganisationOut(created).encodeResponse(status: .created, for: request)
    }

    @Sendable func renameOrganisation(_ request: Request) async throws -> API.OrganisationOut {
        let input = try request.content.decode(API.RenameIn.self)
        return API.OrganisationOut(try await request.sunlight.organisations.renameOrganisation(
            try request.uuid("id", "机构"), name: input.name, shortName: input.shortName, by: try request.requireApiActor()))
    }

    @Sendable func users(_ request: Request) async throws -> API.ListOut<API.UserOut> {
        let organisation = try request.query.get(UUID?.self, at: "organisation")
        let today = request.sunlight.clock.today
        return API.ListOut(items: try await request.sunlight.organisations.users(by: try request.requireApiActor(), in: organisation).map {
            API.UserOut($0.user, certificates: $0.certificates, today: today)
        })
    }

    @Sendable func user(_ request: Request) async throws -> API.UserOut {
        let detail = try await request.sunlight.organisations.user(try request.uuid("id", "用户"), by: try request.requireApiActor())
        return API.UserOut(detail.user, certificates: detail.certificates, today: request.sunlight.clock.today)
    }

    @Sendable func createUser(_ request: Request) async throws -> Response {
        let input = try request.content.decode(API.NewUserIn.self)
        let user = try await request.sunlight.organisations.createUser(NewStaffUser(
            organisationID: input.organisationID, username: input.username, displayName: input.displayName,
            post: input.post ?? "", roles: Set(input.roles), password: input.password,
            legalQualification: input.legalQualification), by: try request.requireApiActor())
        return try await API.UserOut(user, certificates: [], today: request.sunlight.clock.today)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable func updateUser(_ request: Request) async throws -> API.UserOut {
        let input = try request.content.decode(API.UserChangesIn.self)
        let user = try await request.sunlight.organisations.updateUser(try request.uuid("id", "用户"), StaffUserChanges(
            displayName: input.displayName, post: input.post, roles: input.roles.map(Set.init), isActive: input.isActive,
            legalQualification: input.legalQualification), by: try request.requireApiActor())
        return API.UserOut(user, today: request.sunlight.clock.today)
    }

    @Sendable func tokens(_ request: Request) async throws -> API.ListOut<API.TokenOut> {
        API.ListOut(items: try await request.sunlight.access.apiTokens(by: try request.requireApiActor()).map { API.TokenOut($0.token) })
    }

    @Sendable func issueToken(_ request: Request) async throws -> Response {
        let input = try request.content.decode(API.NewTokenIn.self)
        let (token, secret) = try await request.sunlight.access.issueApiToken(for: input.userID, name: input.name, expiresOn: input.expiresOn,
                                                                        by: try request.requireApiActor())
        return try await API.TokenOut(token, secret: secret).encodeResponse(status: .created, for: request)
    }

    @Sendable func revokeToken(_ request: Request) async throws -> HTTPStatus {
        try await request.sunlight.access.revokeApiToken(try request.uuid("id", "接口令牌"), by: try request.requireApiActor())
        return .noContent
    }

    @Sendable func calendarYears(_ request: Request) async throws -> API.ListOut<API.CalendarYearOut> {
        _ = try request.requireApiActor()
        return API.ListOut(items: try await request.sunlight.calendar.calendarYears().map {
            API.CalendarYearOut(year: $0.year, source: $0.source, holidays: $0.holidayCount, makeUpWorkdays: $0.makeUpWorkdayCount,
                                workingDays: $0.workingDayCount, origin: $0.origin)
        })
    }

    @Sendable func loadCalendarYear(_ request: Request) async throws -> Response {
        guard request.headers.contentType == .json else { throw Abort(.unsupportedMediaType) }
        let body = request.body.data.map { Data(buffer: $0) } ?? Data()
        let notice = try await request.sunlight.calendar.loadHolidayNotice(body, by: try request.requireApiActor())
        return try await API.ListOut(items: [notice.year]).encodeResponse(status: .created, for: request)
    }

    @Sendable func deadline(_ request: Request) async throws -> API.DeadlineOut {
        _ = try request.requireApiActor()
        guard let fromText = request.query[String.self, at: "from"], let from = CivilDate(iso: fromText) else {
            throw SunlightError.invalid("from", "from 应为 YYYY-MM-DD 格式的日期", rule: .cal3)
        }
        guard let daysText = request.query[String.self, at: "days"], let days = Int(daysText) else {
            throw SunlightError.invalid("days", "days 应为整数", rule: .cal3)
        }
        let unitText = request.query[String.self, at: "unit"] ?? "working"
        guard let unit = PeriodUnit(rawValue: unitText) else {
            throw SunlightError.invalid("unit", "unit 应为 working（工作日）或 calendar（自然日）", rule: .cal2)
        }
        let answer = try await request.sunlight.calendar.deadline(from: from, Period(days, unit))
        return API.DeadlineOut(from: from, days: days, unit: unit, due: answer.due, state: answer.state,
                               stateName: answer.state.chineseName, workingDaysLeft: answer.workingDaysLeft)
    }

    @Sendable func accessLog(_ request: Request) async throws -> API.AccessLogOut {
        let limit = try request.limit(default: 200, maximum: 5000)
        let action = try request.query.get(String?.self, at: "action").map { code in
            guard let action = AccessLogEntry.Action(rawValue: code) else { throw SunlightError.invalid("action", "未知的操作类型：\(code)") }
            return action
        }
        return API.AccessLogOut(entries: try await request.sunlight.access.accessLog(
            AccessLogQuery(organisationPaths: [], action: action, limit: limit), by: try request.requireApiActor()))
    }
}

/// The OpenAPI 3.1 description of `/api/v1`, shipped as a resource.
enum OpenAPIDocument {
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            preconditionFailure("openapi.json 资源缺失")
        }
        return data
    }()
}
