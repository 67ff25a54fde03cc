import FluentKit
import Foundation
import SunlightCore

struct FluentSessionRepository: SessionRepository {
    let database: any Database

    func insert(_ session: StaffSession) async throws {
        try await StaffSessionModel(session).create(on: database)
    }

    func find(tokenHash: String) async throws -> StaffSession? {
        try await StaffSessionModel.query(on: database).filter(\.$tokenHash == tokenHash).first()?.domain()
    }

    func touch(_ id: StaffSession.ID, at: Date) async throws {
        try await StaffSessionModel.query(on: database).filter(\.$id == id).set(\.$lastSeenAt, to: at).update()
    }

    func end(_ id: StaffSession.ID, at: Date) async throws {
        try await StaffSessionModel.query(on: database).filter(\.$id == id).filter(\.$endedAt == nil)
            .set(\.$endedAt, to: at).update()
    }

    func endAll(of user: StaffUser.ID, at: Date) async throws {
        try await StaffSessionModel.query(on: database).filter(\.$userID == user).filter(\.$endedAt == nil)
            .set(\.$endedAt, to: at).update()
    }
}

struct FluentApiTokenRepository: ApiTokenRepository {
    let database: any Database

    func insert(_ token: ApiToken) async throws {
        try await ApiTokenModel(token).create(on: database)
    }

    func find(_ id: ApiToken.ID) async throws -> ApiToken? {
        try await ApiTokenModel.find(id, on: database)?.domain()
    }

    func find(tokenHash: String) async throws -> ApiToken? {
        try await ApiTokenModel.query(on: database).filter(\.$tokenHash == tokenHash).first()?.domain()
    }

    func list(for users: [StaffUser.ID]) async throws -> [ApiToken] {
        guard !users.isEmpty else { return [] }
        return try await ApiTokenModel.query(on: database).filter(\.$userID ~~ users).sort(\.$issuedAt, .descending).all()
            .map { try $0.domain() }
    }

    func revoke(_ id: ApiToken.ID, by: StaffUser.ID?, at: Date) async throws {
        try await ApiTokenModel.query(on: database).filter(\.$id == id).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: at).set(\.$revokedBy, to: by).update()
    }

    func touch(_ id: ApiToken.ID, at: Date) async throws {
        try await ApiTokenModel.query(on: database).filter(\.$id == id).set(\.$lastUsedAt, to: at).update()
    }
}

struct FluentLoginFailureRepository: LoginFailureRepository {
    let database: any Database

    func record(username: String, address: String?, at: Date) async throws {
        try await LoginFailureModel(username: username, address: address, at: at).create(on: database)
    }

    func failures(username: String, since: Date) async throws -> [Date] {
        try await LoginFailureModel.query(on: database).filter(\.$username == username).filter(\.$at >= since)
            .all().map(\.at)
    }

    func failures(address: String, since: Date) async throws -> [Date] {
        try await LoginFailureModel.query(on: database).filter(\.$address == address).filter(\.$at >= since)
            .all().map(\.at)
    }

    func clear(username: String) async throws {
        try await LoginFailureModel.query(on: database).filter(\.$username == username).delete()
    }
}

struct FluentAccessLogRepository: AccessLogRepository {
    let database: any Database

    func append(_ entry: AccessLogEntry) async throws {
        try await AccessLogModel(entry).create(on: database)
    }

    func entries(_ query: AccessLogQuery) async throws -> [AccessLogEntry] {
        let builder = AccessLogModel.query(on: database)
        let paths = query.organisationPaths
        if paths.isEmpty && !query.includeUnscoped { return [] }
        if !paths.contains("/") {
            builder.group(.or) { group in
                for path in paths { group.filter(\.$organisationPath =~ path) }
                if query.includeUnscoped { group.filter(\.$organisationPath == nil) }
            }
        }
        if let actor = query.actorUserID { builder.filter(\.$actorUserID == actor) }
        if let action = query.action { builder.filter(\.$action == action.rawValue) }
        if let type = query.resourceType { builder.filter(\.$resourceType == type) }
        if let since = query.since { builder.filter(\.$at >= since) }
        if let before = query.before { builder.filter(\.$at < before) }
        return try await builder.sort(\.$id, .descending).limit(query.limit).all().map { try $0.domain() }
    }

    func chronological(offset: Int, limit: Int) async throws -> [AccessLogEntry] {
        try await AccessLogModel.query(on: database).sort(\.$id).offset(offset).limit(limit).all().map { try $0.domain() }
    }
}

struct FluentHolidayNoticeRepository: HolidayNoticeRepository {
    let database: any Database

    func insert(_ loaded: LoadedHolidayNotice) async throws {
        let model = HolidayNoticeModel()
        model.id = loaded.id
        model.year = loaded.notice.year
        model.noticeJSON = String(decoding: try JSONEncoder().encode(loaded.notice), as: UTF8.self)
        model.loadedAt = loaded.loadedAt
        model.loadedBy = loaded.loadedBy
        try await model.create(on: database)
    }

    func all() async throws -> [LoadedHolidayNotice] {
        try await HolidayNoticeModel.query(on: database).sort(\.$loadedAt).all().map { model in
            LoadedHolidayNotice(id: try model.requireID(), notice: try HolidayNotice.parse(Data(model.noticeJSON.utf8)),
                                loadedAt: model.loadedAt, loadedBy: model.loadedBy)
        }
    }
}
