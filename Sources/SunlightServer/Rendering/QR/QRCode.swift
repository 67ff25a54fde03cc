/// 二维码 — a QR Code (ISO/IEC 18004) encoder of our own, so certificates get their codes
/// without any outside service. Byte mode, error correction level M, versions 1–10 (up to
/// 213 bytes: any URL Sunlight prints). After Project Nayuki's reference design.
public struct QRCode: Sendable {
    /// Modules per side.
    public let size: Int
    public let version: Int
    /// `modules[y][x]`: true is dark.
    public private(set) var modules: [[Bool]]
    private var isFunction: [[Bool]]

    public enum EncodingError: Error { case tooLong(Int) }

    /// Error-correction codewords per block and number of blocks, level M, versions 1–10.
    static let eccPerBlock = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let blocks = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]
    static let maxVersion = 10

    public init(text: String) throws {
        let data = Array(text.utf8)
        var chosen: Int?
        for version in 1...Self.maxVersion {
            let countBits = version <= 9 ? 8 : 16
            if 4 + countBits + data.count * 8 <= Self.dataCodewords(version) * 8 { chosen = version; break }
        }
        guard let version = chosen else { throw EncodingError.tooLong(data.count) }
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules

        // The bit stream: byte mode, count, data, terminator, padding.
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(data.count, version <= 9 ? 8 : 16)
        for byte in data { append(Int(byte), 8) }
        let capacity = Self.dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var pad = 0xEC
        while bits.count < capacity { append(pad, 8); pad ^= 0xEC ^ 0x11 }
        var codewords = [UInt8](repeating: 0, count: bits.count / 8)
        for (i, bit) in bits.enumerated() where bit { codewords[i >> 3] |= 1 << (7 - UInt8(i & 7)) }

        drawFunctionPatterns()
        drawCodewords(addECCAndInterleave(codewords))
        // Pick the mask with the lowest penalty.
        var best = 0, bestPenalty = Int.max
        for mask in 0..<8 {
            applyMask(mask)
            drawFormatBits(mask)
            let penalty = penaltyScore()
            if penalty < bestPenalty { best = mask; bestPenalty = penalty }
            applyMask(mask)  // undo
        }
        applyMask(best)
        drawFormatBits(best)
    }

    // MARK: layout

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            result -= (25 * align - 10) * align - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccPerBlock[version] * blocks[version]
    }

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let xx = x + dx, yy = y + dy
                    guard (0..<size).contains(xx), (0..<size).contains(yy) else { continue }
                    let distance = max(abs(dx), abs(dy))
                    set(xx, yy, distance != 2 && distance != 4)
                }
            }
        }
        let positions = alignmentPositions()
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() {
                let last = positions.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 { for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        drawFormatBits(0)
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
    }

    private func alignmentPositions() -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result: [Int] = []
        var position = size - 7
        for _ in 0..<(count - 1) {
            result.insert(position, at: 0)
            position -= step
        }
        result.insert(6, at: 0)
        return result
    }

    private mutating func drawFormatBits(_ mask: Int) {
        let data = 0 << 3 | mask  // level M has format bits 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    private mutating func drawCodewords(_ data: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x], i < data.count * 8 {
                        modules[y][x] = (data[i >> 3] >> (7 - UInt8(i & 7))) & 1 == 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let invert: Bool = switch mask {
                case 0: (x + y) % 2 == 0
                case 1: y % 2 == 0
                case 2: x % 3 == 0
                case 3: (x + y) % 3 == 0
                case 4: (x / 3 + y / 2) % 2 == 0
                case 5: x * y % 2 + x * y % 3 == 0
                case 6: (x * y % 2 + x * y % 3) % 2 == 0
                default: ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y][x].toggle() }
            }
        }
    }

    /// Runs of five or more, 2×2 blocks and dark/light balance (rules 1, 2 and 4 of the standard).
    private func penaltyScore() -> Int {
        var penalty = 0
        for horizontal in [true, false] {
            for a in 0..<size {
                var run = 1
                for b in 1..<size {
                    let current = horizontal ? modules[a][b] : modules[b][a]
                    let previous = horizontal ? modules[a][b - 1] : modules[b - 1][a]
                    if current == previous {
                        run += 1
                        if run == 5 { penalty += 3 } else if run > 5 { penalty += 1 }
                    } else {
                        run = 1
                    }
                }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = modules[y][x]
                if c == modules[y][x + 1], c == modules[y + 1][x], c == modules[y + 1][x + 1] { penalty += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        penalty += (abs(dark * 20 - total * 10) + total - 1) / total * 10
        return penalty
    }

    // MARK: error correction

    private func addECCAndInterleave(_ data: [UInt8]) -> [UInt8] {
        let count = Self.blocks[version], eccLength = Self.eccPerBlock[version]
        let raw = Self.rawDataModules(version) / 8
        let shortBlocks = count - raw % count
        let shortLength = raw / count
        let divisor = Self.reedSolomonDivisor(eccLength)
        var blocks: [[UInt8]] = []
        var k = 0
        for i in 0..<count {
            let length = shortLength - eccLength + (i < shortBlocks ? 0 : 1)
            var block = Array(data[k..<k + length])
            k += length
            let ecc = Self.reedSolomonRemainder(block, divisor)
            if i < shortBlocks { block.append(0) }
            blocks.append(block + ecc)
        }
        var result: [UInt8] = []
        for i in 0..<blocks[0].count {
            for (j, block) in blocks.enumerated() where i != shortLength - eccLength || j >= shortBlocks {
                result.append(block[i])
            }
        }
        return result
    }

    static func reedSolomonDivisor(_ degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func reedSolomonRemainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }

    /// Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z: Int = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> UInt8(i)) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    // MARK: output

    /// An SVG image with a four-module quiet zone, `scale` pixels per module.
    public func svg(scale: Int = 6) -> String {
        let border = 4, side = size + border * 2
        var path = ""
        for y in 0..<size { for x in 0..<size where modules[y][x] { path += "M\(x + border),\(y + border)h1v1h-1z" } }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 \(side) \(side)" width="\(side * scale)" height="\(side * scale)" shape-rendering="crispEdges">\
            <rect width="100%" height="100%" fill="#ffffff"/><path d="\(path)" fill="#000000"/></svg>
            """
    }
}
