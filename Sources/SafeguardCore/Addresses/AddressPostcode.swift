/// Postcode handling for address matching: forgiving normalisation and graded comparison.
///
/// Unlike `UKPostcode`, which validates what a user enters, this never rejects: a typed postcode with a wrong
/// character is still strong evidence, so it is kept and compared by how far it is from each candidate's.
enum AddressPostcode {
    /// Upper case, letters and digits only, with the usual keying slips mended by position: the inward code is
    /// a digit then two letters, and an outward code starts with a letter, so O/0 and I/1 can be told apart
    /// there ("SW1A 0AA" typed "SW1A OAA" becomes "SW1A0AA"). Returns nil for an empty postcode.
    static func normalise(_ text: String?) -> String? {
        guard let text else { return nil }
        var chars: [Character] = text.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !chars.isEmpty else { return nil }
        if chars.count >= 5 && chars.count <= 7 {
            let n = chars.count
            chars[n - 3] = digitFix(chars[n - 3])
            chars[n - 2] = letterFix(chars[n - 2])
            chars[n - 1] = letterFix(chars[n - 1])
            chars[0] = letterFix(chars[0])
            // The outward code always ends in a digit unless it is A9A / AA9A (central London), where the
            // letter follows a digit; a letter after a letter there must be a slipped digit.
            let outwardEnd = n - 4
            if outwardEnd >= 1, chars[outwardEnd - 1].isLetter, chars[outwardEnd].isLetter {
                chars[outwardEnd] = digitFix(chars[outwardEnd])
            }
        }
        return String(chars)
    }

    /// Whether a token (or two tokens joined) has the shape of a postcode: outward A9, A99, AA9, AA99, A9A
    /// or AA9A, then a digit and two letters. Used to find a postcode typed inside the address line.
    static func looksLikePostcode(_ compact: String) -> Bool {
        let c = Array(compact)
        guard c.count >= 5, c.count <= 7, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return false
        }
        let inward = c.suffix(3)
        let outward = String(c.dropLast(3).map { $0.isLetter ? "A" : "9" })
        return inward.first!.isNumber && inward.dropFirst().allSatisfy(\.isLetter)
            && ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(outward)
    }

    /// "HG32XF" → "HG3"
    static func outward(_ compact: String) -> Substring { compact.count > 3 ? compact.dropLast(3) : Substring(compact) }
    /// "HG32XF" → "HG32"
    static func sector(_ compact: String) -> Substring { compact.count > 3 ? compact.dropLast(2) : Substring(compact) }
    /// "HG32XF" → "HG3 2XF"
    static func display(_ compact: String) -> String {
        compact.count > 3 ? "\(compact.dropLast(3)) \(compact.suffix(3))" : compact
    }

    /// Keys that two postcodes share exactly when they differ in at most one character position: each key
    /// is the postcode with one position masked. Filing records under these lets a mistyped postcode find
    /// its block without scanning.
    static func maskedKeys(_ compact: String) -> [String] {
        let c = Array(compact)
        return c.indices.map { i in
            var m = c
            m[i] = "?"
            return String(m)
        }
    }

    /// How two postcodes agree, from strongest to weakest.
    enum Agreement: Equatable {
        case exact, oneCharacter, sameSector, sameDistrict, different, missing
    }

    static func compare(_ a: String?, _ b: String?) -> Agreement {
        compare(a.map { Array($0.utf8) }, b.map { Array($0.utf8) })
    }

    /// A postcode packed into one word (byte i at bits 8i, the length in the top byte), which the matcher
    /// keeps ready so that comparing a block costs a few integer operations. Longer text keeps 7 characters.
    static func pack(_ compact: String) -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in compact.utf8.prefix(7).enumerated() { v |= UInt64(b) << UInt64(8 * i) }
        return v | UInt64(min(compact.utf8.count, 8)) << 56
    }

    static func compare(packed x: UInt64?, _ y: UInt64?) -> Agreement {
        guard let x, let y else { return .missing }
        if x == y { return .exact }
        let n = Int(x >> 56)
        guard n == Int(y >> 56), n > 3, n <= 7 else { return .different }
        let diff = x ^ y
        var positions: [Int] = []
        for i in 0..<n where (diff >> UInt64(8 * i)) & 0xFF != 0 { positions.append(i) }
        if positions.count == 1 { return .oneCharacter }
        func byte(_ v: UInt64, _ i: Int) -> UInt64 { (v >> UInt64(8 * i)) & 0xFF }
        if positions.count == 2, positions[1] == positions[0] + 1,
            byte(x, positions[0]) == byte(y, positions[1]), byte(x, positions[1]) == byte(y, positions[0])
        {
            return .oneCharacter
        }
        let firstDiff = positions[0]
        if firstDiff >= n - 2 { return .sameSector }
        return firstDiff >= n - 3 ? .sameDistrict : .different
    }

    /// The same on bytes.
    static func compare(_ x: [UInt8]?, _ y: [UInt8]?) -> Agreement {
        guard let x, let y else { return .missing }
        if x == y { return .exact }
        if x.count == y.count {
            let diffs = x.indices.filter { x[$0] != y[$0] }
            if diffs.count == 1 { return .oneCharacter }
            if diffs.count == 2, diffs[1] == diffs[0] + 1, x[diffs[0]] == y[diffs[1]], x[diffs[1]] == y[diffs[0]] {
                return .oneCharacter  // two neighbouring characters swapped
            }
        }
        guard x.count > 3, y.count > 3, x[..<(x.count - 3)] == y[..<(y.count - 3)] else { return .different }
        return x[x.count - 3] == y[y.count - 3] ? .sameSector : .sameDistrict
    }

    private static func digitFix(_ c: Character) -> Character {
        switch c {
        case "O": "0"
        case "I": "1"
        default: c
        }
    }

    private static func letterFix(_ c: Character) -> Character {
        switch c {
        case "0": "O"
        case "1": "I"
        default: c
        }
    }
}
