import Foundation
import SunlightLedger

/// The canonical content of each kind of logged record (REC-5). What is here is what the log
/// commits to; a field left out can change without the log noticing, so only operational
/// bookkeeping (last-used times, session touches) is left out.
enum Snapshot {
    static func time(_ date: Date) -> CanonicalJSON { .string(LedgerTime.text(date)) }
    static func uuid(_ id: UUID?) -> CanonicalJSON { id.map { .string($0.uuidString.lowercased()) } ?? .null }
    static func text(_ value: String?) -> CanonicalJSON { value.map(CanonicalJSON.string) ?? .null }

    /// A hand-written content with fields added after its first version: each is written only
    /// when set, so every record written before it hashes as before (docs/ledger.md, point 1).
    static func object(_ fields: [String: CanonicalJSON], addedLater: [String: CanonicalJSON?]) -> CanonicalJSON {
        .object(fields.merging(addedLater.compactMapValues { $0 }) { original, _ in original })
    }
}

extension Organisation {
    var ledgerContent: CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "parent": Snapshot.uuid(parentID), "name": .string(name), "shortName": .string(shortName),
                 "kind": .string(kind.rawValue), "level": .string(level.rawValue), "path": .string(path),
                 "createdAt": Snapshot.time(createdAt)])
    }

    func ledgerRecord(_ type: String) -> LedgerRecord {
        Self.logged(type: type, table: "organisations", id: id.uuidString.lowercased(), organisationID: id, content: ledgerContent)
    }
}

extension StaffUser {
    /// Roles are in; so is a digest of the password hash, so a password set behind the
    /// system's back is found.
    var ledgerContent: CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "organisation": Snapshot.uuid(organisationID), "username": .string(username),
                 "displayName": .string(displayName), "post": .string(post),
                 "roles": .array(sortedRoles.map { .string($0.rawValue) }),
                 "passwordHash": .string(LedgerHash.sha256(Array(passwordHash.utf8)).hex),
                 "active": .bool(isActive), "legalQualification": Snapshot.text(legalQualification),
                 "createdAt": Snapshot.time(createdAt)])
    }

    func ledgerRecord(_ type: String) -> LedgerRecord {
        Self.logged(type: type, table: "users", id: id.uuidString.lowercased(), organisationID: organisationID, content: ledgerContent)
    }
}

extension EnforcementCertificate {
    /// Fields added after the first version appear only when set, so snapshots of records made
    /// before them read the same.
    var ledgerContent: CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "id": Snapshot.uuid(id), "holder": Snapshot.uuid(holderID), "number": .string(number),
            "categories": .array(EnforcementCategory.allCases.filter(categories.contains).map { .string($0.rawValue) }),
            "region": .string(region), "validFrom": .string(validFrom.iso), "validUntil": .string(validUntil.iso),
            "revokedOn": Snapshot.text(revokedOn?.iso)]
        if let revocationReason { members["revocationReason"] = .string(revocationReason) }
        return .object(members)
    }

    func ledgerRecord(_ type: String, organisationID: UUID) -> LedgerRecord {
        Self.logged(type: type, table: "certificates", id: id.uuidString.lowercased(), organisationID: organisationID, content: ledgerContent)
    }
}

extension ApiToken {
    var ledgerContent: CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "name": .string(name), "user": Snapshot.uuid(userID), "tokenHash": .string(tokenHash),
                 "prefix": .string(prefix), "issuedBy": Snapshot.uuid(issuedBy), "issuedAt": Snapshot.time(issuedAt),
                 "expiresAt": expiresAt.map(Snapshot.time) ?? .null, "revokedAt": revokedAt.map(Snapshot.time) ?? .null,
                 "revokedBy": Snapshot.uuid(revokedBy)])
    }

    func ledgerRecord(_ type: String, organisationID: UUID) -> LedgerRecord {
        Self.logged(type: type, table: "api_tokens", id: id.uuidString.lowercased(), organisationID: organisationID, content: ledgerContent)
    }
}

extension LoadedHolidayNotice {
    var ledgerContent: CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "year": .int(Int64(notice.year)), "source": .string(notice.source),
                 "holidays": .array(notice.holidays.map {
                     .object(["name": .string($0.name), "from": .string($0.from.iso), "to": .string($0.to.iso)])
                 }),
                 "workdays": .array(notice.workdays.map { .string($0.iso) }),
                 "loadedAt": Snapshot.time(loadedAt), "loadedBy": .string(loadedBy)])
    }

    func ledgerRecord(organisationID: UUID?) -> LedgerRecord {
        Self.logged(type: "calendar.loaded", table: "holiday_notices", id: id.uuidString.lowercased(),
                    organisationID: organisationID, content: ledgerContent)
    }
}

extension AccessLogEntry {
    /// The client address is personal data: the log holds its salted commitment.
    func ledgerContent(address: PersonalValue?) -> CanonicalJSON {
        .object(["id": Snapshot.uuid(id), "at": Snapshot.time(at), "actor": Snapshot.uuid(actorUserID), "actorName": .string(actorName),
                 "channel": .string(channel.rawValue), "action": .string(action.rawValue), "resourceType": .string(resourceType),
                 "resourceID": Snapshot.text(resourceID), "organisation": Snapshot.uuid(organisationID),
                 "address": address.map { PersonalData.json($0.commitment) } ?? .null, "summary": .string(summary)])
    }

    func ledgerRecord(address: PersonalValue?) -> LedgerRecord {
        Self.logged(type: "access.\(action.rawValue)", table: "access_log", id: id.uuidString.lowercased(),
                    organisationID: organisationID, content: ledgerContent(address: address))
    }
}
