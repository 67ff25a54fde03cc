/// 详细地址检测 — addresses that go below the township level to a house.
///
/// Trigger: a house number — a run of digits or Chinese numerals followed by a
/// house-level marker (号/栋/幢/单元/室/组/号楼/弄/排). Ordinals (`第3号`) and
/// dates (`3月5号`) are not house numbers.
///
/// Start of the masked part: scanning back from the house number (never past
/// punctuation, a bracket or whitespace, and at most ``lookBehind`` characters),
/// the nearest administrative suffix (省/自治区/市/州/盟/县/区/旗/镇/乡/街道, with
/// look-alikes such as 社区, 小区, 超市, 市场 excluded) ends the kept part. The
/// text between it and the house number must contain a road/street/lane/village
/// word (路/街/巷/道/村/社区/小区/…); it may be empty only after a township-level
/// suffix (`元马镇12组45号`). Without any administrative suffix, the masked part
/// starts after the nearest address cue (住/地址/位于/在/…) or, failing that, at the
/// start of a short (≤ ``bareSegmentLimit``) segment, and must contain a street word.
///
/// End of the masked part: the house number, extended over further house-level
/// parts within ``lookAhead`` characters (`23号3单元501室`, `88号SOHO现代城5号楼`) and a
/// bare room number after 号楼/栋/单元 (`5号楼1203`); never past punctuation,
/// a bracket or whitespace.
///
/// Replacement: `***`, so `云南省楚雄州元谋县元马镇龙川街23号3单元501室` becomes
/// `云南省楚雄州元谋县元马镇***`.
enum AddressDetector {
    static let lookBehind = 40
    static let lookAhead = 8
    static let bareSegmentLimit = 12

    static func candidates(in t: ScanText) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < t.count {
            guard isNumeral(t, i) else { i += 1; continue }
            let numberEnd = numberRunEnd(t, from: i)
            defer { i = numberEnd }
            guard let marker = t.firstMatch(of: AddressLexicon.houseMarkers, at: numberEnd),
                  !isOrdinalOrDate(t, numberStart: i, marker: marker),
                  let start = maskStart(t, numberStart: i) else { continue }
            let end = tailEnd(t, after: numberEnd + marker.count, lastMarker: marker)
            out.append(Candidate(.address, start..<end, "***"))
        }
        return out
    }

    // MARK: House numbers

    static func isNumeral(_ t: ScanText, _ i: Int) -> Bool {
        t.isDigit(i) || (0xFF10...0xFF19).contains(t.code(i)) || t.isOne(of: AddressLexicon.chineseNumerals, i)
    }

    /// End of a number run: numerals, with single hyphens between digits (`23-1号`).
    static func numberRunEnd(_ t: ScanText, from i: Int) -> Int {
        var j = i
        while isNumeral(t, j) || (t.code(j) == 0x2D && isNumeral(t, j - 1) && isNumeral(t, j + 1)) { j += 1 }
        return j
    }

    private static func isStop(_ t: ScanText, _ i: Int) -> Bool {
        t.isOne(of: AddressLexicon.stops, i) || t.isWhitespace(i)
    }

    /// `第3号` is an ordinal and `3月5号` a date, not a house number.
    private static func isOrdinalOrDate(_ t: ScanText, numberStart: Int, marker: Pattern) -> Bool {
        let before = t.code(numberStart - 1)
        return before == 0x7B2C /* 第 */ || (before == 0x6708 /* 月 */ && marker.string == "号")
    }

    // MARK: Start of the masked part

    /// Where masking starts for the house number at `numberStart`, or `nil` when the
    /// text before it does not look like an address.
    static func maskStart(_ t: ScanText, numberStart: Int) -> Int? {
        var j = numberStart - 1
        while j >= 0, numberStart - j <= lookBehind, !isStop(t, j) {
            if let suffix = adminSuffix(t, endingAt: j) {
                let adminEnd = j + 1
                if adminEnd == numberStart {
                    return AddressLexicon.townshipSuffixes.contains(suffix.string) ? adminEnd : nil
                }
                return containsStreetWord(t, adminEnd..<numberStart) ? adminEnd : nil
            }
            j -= 1
        }
        let segmentStart = j + 1
        var start = segmentStart
        if let cueEnd = nearestCueEnd(t, in: segmentStart..<numberStart) {
            start = cueEnd
        } else if numberStart - segmentStart > bareSegmentLimit || t.code(j) == 0x2A /* * */ {
            // Too long to be only an address, or cut short by an earlier mask (a
            // segment that only became short because of redaction is not an address).
            return nil
        }
        return containsStreetWord(t, start..<numberStart) ? start : nil
    }

    /// The administrative suffix whose last character is at `j`, unless the
    /// neighbouring characters show it is a look-alike (社区, 超市, 市场 …).
    static func adminSuffix(_ t: ScanText, endingAt j: Int) -> Pattern? {
        guard let suffix = AddressLexicon.adminSuffixes.first(where: { t.matches($0, at: j + 1 - $0.count) }) else {
            return nil
        }
        guard suffix.count == 1 else { return suffix }
        let key = suffix.string
        if let before = AddressLexicon.notAdminBefore[key], j > 0, before.contains(t.chars[j - 1]) { return nil }
        if let after = AddressLexicon.notAdminAfter[key], j + 1 < t.count, after.contains(t.chars[j + 1]) { return nil }
        return suffix
    }

    private static func containsStreetWord(_ t: ScanText, _ range: Range<Int>) -> Bool {
        range.contains { i in AddressLexicon.streetKeywords.contains { k in i + k.count <= range.upperBound && t.matches(k, at: i) } }
    }

    /// End of the address cue nearest to the end of `range` and wholly inside it.
    private static func nearestCueEnd(_ t: ScanText, in range: Range<Int>) -> Int? {
        for end in stride(from: range.upperBound, to: range.lowerBound, by: -1) {
            if AddressLexicon.addressCues.contains(where: { end - $0.count >= range.lowerBound && t.matches($0, at: end - $0.count) }) {
                return end
            }
        }
        return nil
    }

    // MARK: End of the masked part

    /// Extends the address over further house-level parts and a trailing room number.
    static func tailEnd(_ t: ScanText, after markerEnd: Int, lastMarker: Pattern) -> Int {
        var end = markerEnd
        var marker = lastMarker
        while let next = nextHousePart(t, after: end) {
            end = next.end
            marker = next.marker
        }
        if AddressLexicon.roomNumberMarkers.contains(marker.string), t.isAlnum(end) {
            while t.isAlnum(end) || (t.code(end) == 0x2D && t.isAlnum(end + 1)) { end += 1 }
        }
        return end
    }

    /// A number + marker starting within ``lookAhead`` characters after `from`,
    /// with no punctuation, bracket or whitespace in between.
    private static func nextHousePart(_ t: ScanText, after from: Int) -> (end: Int, marker: Pattern)? {
        var k = from
        while k < t.count, k - from <= lookAhead, !isStop(t, k) {
            if isNumeral(t, k), !isNumeral(t, k - 1) || k == from {
                let numberEnd = numberRunEnd(t, from: k)
                if let marker = t.firstMatch(of: AddressLexicon.continuationMarkers, at: numberEnd) {
                    return (numberEnd + marker.count, marker)
                }
                k = numberEnd
            } else {
                k += 1
            }
        }
        return nil
    }
}
