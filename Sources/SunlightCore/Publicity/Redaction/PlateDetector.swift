/// 车牌号码检测 — mainland licence plates.
///
/// A province abbreviation (京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼),
/// one capital letter (the issuing city), an optional separator (`·`, `•`, `・`,
/// `.` or a space), then 5 (ordinary) or 6 (new-energy) capital letters and digits,
/// not followed by another ASCII letter or digit. Letters I and O never appear on
/// plates, and the serial must contain at least one digit (so a word such as
/// `京ABCDEF` is not taken for a plate).
///
/// Replacement keeps the province, the city letter and the separator as written
/// and masks each serial character: `云E·*****`, `云A******`.
enum PlateDetector {
    static let provinces: Set<UInt32> = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼".unicodeScalars.map(\.value))
    static let separators: Set<UInt32> = [0xB7, 0x2022, 0x30FB, 0x2E, 0x20]
    /// `I` and `O`.
    static let excludedLetters: Set<UInt32> = [0x49, 0x4F]

    static func candidates(in t: ScanText) -> [Candidate] {
        var out: [Candidate] = []
        for i in 0..<t.count where t.isUpper(i + 1) && t.isOne(of: provinces, i) {
            if let c = plate(t, at: i) { out.append(c) }
        }
        return out
    }

    private static func isSerialCharacter(_ t: ScanText, _ i: Int) -> Bool {
        t.isDigit(i) || (t.isUpper(i) && !t.isOne(of: excludedLetters, i))
    }

    private static func plate(_ t: ScanText, at i: Int) -> Candidate? {
        guard t.isUpper(i + 1), !t.isOne(of: excludedLetters, i + 1) else { return nil }
        var serialStart = i + 2
        if t.isOne(of: separators, serialStart) { serialStart += 1 }
        var end = serialStart
        while end - serialStart < 6, isSerialCharacter(t, end) { end += 1 }
        let length = end - serialStart
        guard length == 5 || length == 6, !t.isAlnum(end),
              (serialStart..<end).contains(where: t.isDigit) else { return nil }
        let kept = t.string(i..<serialStart)
        return Candidate(.plate, i..<end, kept + String(repeating: "*", count: length))
    }
}
