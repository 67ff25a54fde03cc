import FluentKit
import Foundation
import SunlightCore

final class AccessLogModel: Model, @unchecked Sendable {
    static let schema = "access_log"

    /// The order of appending; the log is read newest first by it.
    @ID(custom: "seq", generatedBy: .database) var id: Int?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "channel") var channel: String
    @Field(key: "action") var action: String
    @Field(key: "resource_type") var resourceType: String
    @OptionalField(key: "resource_id") var resourceID: String?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "organisation_path") var organisationPath: String?
    @OptionalField(key: "address") var address: String?
    @Field(key: "summary") var summary: String

    init() {}

    init(_ e: AccessLogEntry) {
        entryID = e.id
        at = e.at
        actorUserID = e.actorUserID
        actorName = e.actorName
        channel = e.channel.rawValue
        action = e.action.rawValue
        resourceType = e.resourceType
        resourceID = e.resourceID
        organisationID = e.organisationID
        organisationPath = e.organisationPath
        address = e.address
        summary = e.summary
    }

    func domain() throws -> AccessLogEntry {
        guard let channel = Actor.Channel(rawValue: channel), let action = AccessLogEntry.Action(rawValue: action) else {
            throw StoreError.corrupt(Self.schema, entryID)
        }
        return AccessLogEntry(id: entryID, at: at, actorUserID: actorUserID, actorName: actorName,
                              channel: channel, action: action, resourceType: resourceType, resourceID: resourceID,
                              organisationID: organisationID, organisationPath: organisationPath, address: address,
                              summary: summary)
    }
}

final class HolidayNoticeModel: Model, @unchecked Sendable {
    static let schema = "holiday_notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    /// The notice in the shipped JSON format.
    @Field(key: "notice_json") var noticeJSON: String
    @Field(key: "loaded_at") var loadedAt: Date
    @Field(key: "loaded_by") var loadedBy: String

    init() {}
}
