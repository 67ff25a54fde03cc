import Foundation
@testable import SunlightServer
import Testing
import Vapor
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("停滞的上传（issue 15 item 13）")
struct StalledUploadTests {
    @Test("issue 15 item 13, REC-4: an upload whose client stops sending is cut off after the idle timeout and its temporary file removed")
    func stalledUploadTimesOut() async throws {
        // Long enough that a loaded machine's pauses between the bytes below never reach it.
        try await TestServer.with(idleTimeout: 5) { server in
            // given: a real socket, the head of a 1 MB upload and its first bytes, then silence
            let token = try await server.token(for: "scj.zhangwei")
            try await server.app.server.start(address: .hostname("127.0.0.1", port: 0))
            do {
                try await stall(server, token: token)
            } catch {
                await server.app.server.shutdown()
                throw error
            }
            await server.app.server.shutdown()
        }
    }

    private func stall(_ server: TestServer, token: String) async throws {
        let port = try #require(server.app.http.server.shared.localAddress?.port)
        let client = try RawClient(port: port)
        try client.send("POST /api/v1/blobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                        + "Content-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
        // Bytes keep coming (each resets the idle clock) until the upload is seen in flight.
        var inFlight = false
        for _ in 0..<100 where !inFlight {
            try client.send(String(repeating: "x", count: 1024))
            try await Task.sleep(for: .milliseconds(100))
            inFlight = try server.temporaryUploads().count == 1
        }
        #expect(inFlight, "the upload is in flight")
        // when: the client sends nothing more
        let closed = client.waitForClose(seconds: 15)
        // then
        #expect(closed, "the server closed the stalled connection")
        var left = try server.temporaryUploads()
        for _ in 0..<20 where !left.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            left = try server.temporaryUploads()
        }
        #expect(left.isEmpty, "the stalled upload left \(left)")
    }
}

/// A plain TCP client that writes what it is told and nothing else, to stall on purpose.
private final class RawClient {
    let descriptor: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else { throw Abort(.internalServerError, reason: "connect failed") }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { socketSend(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Abort(.internalServerError, reason: "write failed") }
            offset += written
        }
    }

    /// Whether the server ends the connection (end of stream or reset) within `seconds`;
    /// anything it answers first is read and ignored.
    func waitForClose(seconds: Double) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while clock.now < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return true }
        }
        return false
    }

    deinit { close(descriptor) }
}

/// `send(2)` that reports a connection the server closed as an error instead of raising SIGPIPE.
private func socketSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
    #else
    Darwin.send(descriptor, bytes, count, 0)
    #endif
}
