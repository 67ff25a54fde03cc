@testable import SunlightServer
import Testing

@Suite("客户端地址 REC-11")
struct ClientAddressTests {
    @Test("Behind the trusted proxy the client is the hop the proxy appended; addresses the client wrote to the left cannot dodge the login back-off (REC-11, issue 15 item 12)")
    func lastHop() {
        #expect(ClientAddress.resolve(forwarded: ["203.0.113.9, 198.51.100.7"], peer: "10.0.0.2", trustProxy: true) == "198.51.100.7")
        #expect(ClientAddress.resolve(forwarded: ["1.1.1.1", "198.51.100.7"], peer: "10.0.0.2", trustProxy: true) == "198.51.100.7")
        #expect(ClientAddress.resolve(forwarded: [], peer: "10.0.0.2", trustProxy: true) == "10.0.0.2")
        #expect(ClientAddress.resolve(forwarded: ["203.0.113.9"], peer: "10.0.0.2", trustProxy: false) == "10.0.0.2", "without a proxy the header is ignored")
    }
}
