import Foundation
import NIOCore
import SunlightCore
import SunlightLedger
import Vapor

/// 见证通道 over HTTP: `POST <prefix>/add-checkpoint` as C2SP tlog-witness defines it; the
/// answer's status is read back into the refusal it stands for.
struct HTTPWitnessTransport: WitnessTransport {
    let client: any Client
    var timeout: TimeAmount = .seconds(10)

    func addCheckpoint(_ request: AddCheckpointRequest, to witness: WitnessEndpoint) async throws -> AddCheckpointReply {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        var outgoing = ClientRequest(method: .POST, url: URI(string: witness.url + "/add-checkpoint"), headers: headers,
                                     body: ByteBuffer(string: request.body), timeout: timeout)
        outgoing.headers.replaceOrAdd(name: .userAgent, value: "sunlight")
        let response = try await client.send(outgoing)
        let body = response.body.map { String(buffer: $0) } ?? ""
        switch response.status.code {
        case 200: return .cosigned(body)
        case 409:
            guard let size = UInt64(body.trimmingCharacters(in: .newlines)) else { throw WitnessUnreachable(status: 409, body: body) }
            return .refused(.conflict(knownSize: size))
        case 400: return .refused(.malformed(body))
        case 403: return .refused(.forbidden(body))
        case 404: return .refused(.unknownOrigin(body))
        case 422: return .refused(.inconsistent(body))
        default: throw WitnessUnreachable(status: response.status.code, body: body)
        }
    }
}

/// A witness that answered with a status tlog-witness does not define.
struct WitnessUnreachable: Error, CustomStringConvertible {
    let status: UInt
    let body: String
    var description: String { "见证方返回 HTTP \(status)" + (body.isEmpty ? "" : "：\(body.prefix(200))") }
}
