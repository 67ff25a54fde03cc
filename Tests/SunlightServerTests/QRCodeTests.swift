import Foundation
@testable import SunlightServer
import Testing

/// Decodes an SVG with real tools: librsvg rasterises it, zbar reads it.
func decodeQR(_ svg: String) throws -> String? {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let svgFile = directory.appendingPathComponent("code.svg"), pngFile = directory.appendingPathComponent("code.png")
    try svg.write(to: svgFile, atomically: true, encoding: .utf8)
    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
    _ = try run("/usr/bin/rsvg-convert", ["-w", "600", "-o", pngFile.path, svgFile.path])
    let text = try run("/usr/bin/zbarimg", ["--raw", "-q", pngFile.path])
    return text.isEmpty ? nil : String(text.dropLast())  // zbarimg ends with a newline
}

@Suite("二维码 PUB-2")
struct QRCodeTests {
    @Test("PUB-2: our QR codes decode with zbar, at every version 1–10", arguments: [1, 10, 30, 50, 75, 100, 130, 160, 190, 213])
    func decodes(length: Int) throws {
        let text = "https://yuanmou.sunlight.example/c/53232800101?" + String(repeating: "x", count: max(0, length - 47))
        let code = try QRCode(text: String(text.prefix(length)))
        #expect(try decodeQR(code.svg()) == String(text.prefix(length)), "version \(code.version)")
    }

    @Test("PUB-2: Chinese text round-trips as UTF-8")
    func chinese() throws {
        #expect(try decodeQR(try QRCode(text: "元谋县市场监督管理局 执法证 53232800101").svg()) == "元谋县市场监督管理局 执法证 53232800101")
    }

    @Test("text longer than version 10 holds is refused")
    func tooLong() {
        #expect(throws: QRCode.EncodingError.self) { try QRCode(text: String(repeating: "a", count: 214)) }
    }

    @Test("Reed–Solomon matches the standard's worked example (ISO/IEC 18004 annex, 1-M “01234567”)")
    func reedSolomon() {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(QRCode.reedSolomonRemainder(data, QRCode.reedSolomonDivisor(10)) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }
}
