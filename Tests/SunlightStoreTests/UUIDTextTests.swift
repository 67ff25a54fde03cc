import Foundation
@testable import SunlightStore
import Testing

/// 标识文本 — SQLite keeps UUIDs as text; the store reads them with its own parser (issue 16
/// item 3), which must read what Foundation's `UUID(uuidString:)` reads from the text Fluent writes.
@Suite("标识文本 UUID text (issue 16 item 3)")
struct UUIDTextTests {
    @Test("issue 16 item 3, REC-5: a UUID stored as text, in either case, reads back as the same UUID",
          arguments: ["00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
                      "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
                      "123e4567-e89b-12d3-a456-426614174000", "9AbCdEf0-1234-5678-9aBc-DeF012345678"])
    func readsWhatFoundationReads(_ text: String) {
        #expect(UUID(storedText: text) == UUID(uuidString: text))
        #expect(UUID(storedText: text) != nil)
    }

    @Test("issue 16 item 3, REC-5: text that is not a UUID is refused, as Foundation refuses it, so a damaged row is reported as corrupt",
          arguments: ["", "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f00",
                      "0f1e2d3c_4b5a-6978-8796-a5b4c3d2e1f0", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1fg", "g0000000-0000-0000-0000-000000000000",
                      "0f1e2d3-c4b5a-6978-8796-a5b4c3d2e1f0", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f０"])
    func refusesWhatFoundationRefuses(_ text: String) {
        #expect(UUID(storedText: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }

    @Test("issue 16 item 3, REC-5: white space inside the 36 characters is refused, where Foundation's sscanf would skip it and read other bytes",
          arguments: [" 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f", "0f1e2d3c-4b5a-6978-8796- a5b4c3d2e1f", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f "])
    func refusesWhiteSpace(_ text: String) {
        #expect(UUID(storedText: text) == nil)
    }

    @Test("issue 16 item 3, REC-5: a thousand generated UUIDs read back from their text, lower and upper case")
    func readsGeneratedUUIDs() {
        var generator = SplitMix(seed: 16)
        for _ in 0..<1000 {
            var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &bytes) { out in for index in out.indices { out[index] = UInt8.random(in: 0...255, using: &generator) } }
            let id = UUID(uuid: bytes)
            #expect(UUID(storedText: id.uuidString) == id)
            #expect(UUID(storedText: id.uuidString.lowercased()) == id)
        }
    }
}

/// A seeded generator, so the test reads the same UUIDs on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
