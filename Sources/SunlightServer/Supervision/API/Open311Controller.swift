import Foundation
import SunlightCore
import Vapor

/// Open311 GeoReport v2 (JSON) for complaints (SUP-1), so existing clients can file and follow
/// them: `services.json` lists the organisations that take complaints, `requests.json` files
/// one (the service request ID is the tracking code), `requests/{code}.json` reports its status.
/// Errors are GeoReport's `[{"code", "description"}]`.
struct Open311Controller {
    struct Service: Content {
        let service_code: String
        let service_name: String
        let description: String
        let metadata: Bool
        let type: String
        let keywords: String
        let group: String
    }

    struct Created: Content {
        let service_request_id: String
        let service_notice: String
        let account_id: String?
    }

    struct ServiceRequest: Content {
        let service_request_id: String
        let status: String
        let status_notes: String?
        let service_name: String
        let service_code: String
        let description: String
        let agency_responsible: String
        let requested_datetime: String
        let updated_datetime: String
        let expected_datetime: String?
    }

    struct Failure: Content {
        let code: Int
        let description: String
    }

    func register(_ app: Application) {
        let v2 = app.grouped("open311", "v2")
        v2.get("services.json", use: services)
        v2.post("requests.json", use: create)
        v2.get("requests.json", use: list)
        v2.get("requests", ":code", use: one)
    }

    @Sendable func services(_ request: Request) async throws -> [Service] {
        try await request.sunlight.organisations.publicOrganisationTree().nodes.map(\.organisation).map {
            Service(service_code: $0.id.uuidString.lowercased(), service_name: "向\($0.name)投诉举报", description: "行政执法投诉举报（依据《中华人民共和国行政处罚法》第七十五条第二款）",
                    metadata: false, type: "realtime", keywords: "投诉,举报,行政执法", group: $0.kind.chineseName)
        }
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        func field(_ key: String) -> String? { request.field(key)?.nilIfEmpty }
        return try await answer(request) {
            guard let service = field("service_code"), let organisation = UUID(uuidString: service) else {
                throw SunlightError.invalid("service_code", "service_code 缺失或无效", rule: .sup1)
            }
            let description = field("description") ?? ""
            let name = [field("last_name"), field("first_name")].compactMap { $0 }.joined()
            let complaint = try await request.sunlight.supervision.fileComplaint(
                NewComplaint(organisationID: organisation, subject: String(description.prefix(30)), description: description,
                             location: field("address_string"), latitude: field("lat").flatMap(Double.init), longitude: field("long").flatMap(Double.init),
                             anonymous: name.isEmpty, name: name.nilIfEmpty, phone: field("phone"), email: field("email")),
                channel: .open311, by: .visitor(address: request.clientAddress))
            let handler = try await request.sunlight.organisations.organisation(complaint.handlingOrganisation)
            return [Created(service_request_id: complaint.trackingCode,
                            service_notice: "已登记，由\(handler.name)办理，办理期限 \(complaint.dueOn?.iso ?? "按规定")；凭查询码查询进度", account_id: nil)]
        }
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await answer(request) {
            let codes = (request.query[String.self, at: "service_request_id"] ?? "").split(separator: ",").map(String.init).prefix(50)
            guard !codes.isEmpty else { throw SunlightError.invalid("service_request_id", "请提供 service_request_id（以逗号分隔）；不提供全部列表以保护投诉人", rule: .sup1) }
            var found: [ServiceRequest] = []
            for code in codes { if let one = try? await Self.serviceRequest(code, request) { found.append(one) } }
            return found
        }
    }

    @Sendable func one(_ request: Request) async throws -> Response {
        let code = (request.parameters.get("code") ?? "").replacingOccurrences(of: ".json", with: "")
        return try await answer(request) { [try await Self.serviceRequest(code, request)] }
    }

    static func serviceRequest(_ code: String, _ request: Request) async throws -> ServiceRequest {
        let progress = try await request.sunlight.supervision.complaintProgress(trackingCode: code)
        let time: (CivilDate) -> String = { "\($0.iso)T00:00:00+08:00" }
        return ServiceRequest(service_request_id: progress.trackingCode, status: Complaint.Status(rawValue: progress.status)?.open311 ?? "open",
                              status_notes: progress.feedback ?? progress.statusName, service_name: "向\(progress.receivedBy)投诉举报",
                              service_code: progress.serviceCode, description: progress.subject, agency_responsible: progress.handledBy,
                              requested_datetime: time(progress.receivedOn), updated_datetime: time(progress.steps.last?.on ?? progress.receivedOn),
                              expected_datetime: progress.dueOn.map(time))
    }

    /// Runs `work` and answers GeoReport-style: the value as JSON, or `[{code, description}]`.
    func answer<T: Encodable>(_ request: Request, _ work: () async throws -> T) async throws -> Response {
        let response = Response()
        do {
            try response.content.encode(try await work(), as: .json)
        } catch let error as SunlightError {
            response.status = error.httpStatus
            try response.content.encode([Failure(code: Int(error.httpStatus.code), description: error.description)], as: .json)
        }
        return response
    }
}
