import Foundation

/// Forbidden characters (see ``TypedText``) removed from a body or query string in
/// `application/x-www-form-urlencoded` form, before it is parsed.
///
/// A literal `%` is always sent as `%25`, so `%00` always means a NUL: removing the encoded
/// sequences from the text removes exactly the characters. One pass, no parsing.
public enum FormEncodedText {
    /// The bytes with forbidden characters removed, whether sent raw or percent-encoded.
    public static func cleaned(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let skip = forbiddenLength(bytes, at: i)
            if skip > 0 {
                i += skip
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// True when `cleaned` would change something; most bodies have nothing to remove.
    public static func needsCleaning(_ bytes: [UInt8]) -> Bool {
        bytes.indices.contains { forbiddenLength(bytes, at: $0) > 0 }
    }

    /// How many bytes at `i` spell one forbidden character (0 when none do).
    static func forbiddenLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D || c == 0x7F { return 1 }
        if c == 0xE2, i + 2 < b.count, isBidi(b[i + 1], b[i + 2]) { return 3 }
        guard c == UInt8(ascii: "%"), let first = hexByte(b, at: i) else { return 0 }
        if first < 0x20 && first != 0x09 && first != 0x0A && first != 0x0D || first == 0x7F { return 3 }
        if first == 0xE2, let second = hexByte(b, at: i + 3), let third = hexByte(b, at: i + 6), isBidi(second, third) {
            return 9
        }
        return 0
    }

    /// U+202A–U+202E are E2 80 AA–AE in UTF-8; U+2066–U+2069 are E2 81 A6–A9.
    static func isBidi(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }

    /// The byte `%XY` at `i` stands for, if it is one.
    static func hexByte(_ b: [UInt8], at i: Int) -> UInt8? {
        guard i + 2 < b.count, b[i] == UInt8(ascii: "%"), let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2])
        else { return nil }
        return hi << 4 | lo
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The number of `name=value` pairs, counted without parsing: what bounds the parser's work.
    public static func fieldCount(_ bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        var inField = false
        for c in bytes {
            if c == UInt8(ascii: "&") {
                inField = false
            } else if !inField {
                inField = true
                count += 1
            }
        }
        return count
    }

    /// Every `name=value` pair in order, repeats kept, percent-decoded; pairs that do not decode are
    /// left out. For keeping a form to send again, not for reading one: routes use the decoders.
    public static func pairs(in bytes: [UInt8]) -> [(name: String, value: String)] {
        bytes.split(separator: UInt8(ascii: "&")).compactMap { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: ArraySlice<UInt8>) -> String? {
                String(decoding: part.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
                    .removingPercentEncoding
            }
            guard let name = decode(parts[0]), !name.isEmpty else { return nil }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            return value.map { (name, $0) }
        }
    }

    /// The value of the first field called `name`, percent-decoded, found in one pass without
    /// parsing the rest (the CSRF token is read this way before any parser runs).
    public static func value(of name: String, in bytes: [UInt8]) -> String? {
        let key = Array(name.utf8) + [UInt8(ascii: "=")]
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if end - start >= key.count, Array(bytes[start..<start + key.count]) == key {
                let raw = bytes[(start + key.count)..<end].map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
                return String(decoding: raw, as: UTF8.self).removingPercentEncoding
            }
            start = end + 1
        }
        return nil
    }
}
