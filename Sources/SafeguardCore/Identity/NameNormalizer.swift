import Foundation

/// Turns names as typed into the forms the matcher compares: lower-case ASCII letters, and a rough
/// phonetic key that absorbs common spelling and transliteration differences.
///
/// Names are handled as byte arrays because matching compares millions of them per second and Swift's
/// grapheme-aware `String` comparison is far slower than needed for a-z.
enum NameNormalizer {
    /// Lower-case a-z only: accents folded ("Zoë" → "zoe", "Łukasz" → "lukasz"), apostrophes, hyphens
    /// and spaces dropped ("O'Brien" → "obrien").
    static func letters(_ text: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var needsFolding = false
        for b in text.utf8 {
            switch b {
            case 97...122: out.append(b)
            case 65...90: out.append(b + 32)
            case 0x80...: needsFolding = true
            default: break
            }
        }
        guard needsFolding else { return out }
        // Rare path: letters outside ASCII. Letters that do not decompose are spelled out by hand.
        let special: [Character: String] = [
            "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae",
            "ß": "ss", "đ": "d", "Đ": "d", "ı": "i", "œ": "oe", "Œ": "oe",
        ]
        var replaced = ""
        for ch in text { replaced += special[ch] ?? String(ch) }
        let folded = replaced.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return letters(folded.unicodeScalars.filter(\.isASCII).map(String.init).joined())
    }

    /// Whitespace- or comma-separated tokens, each normalised; empty tokens dropped. Hyphenated parts
    /// stay together ("Mary-Jane" is one name).
    static func tokens(_ text: String) -> [[UInt8]] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" })
            .map { letters($0) }
            .filter { !$0.isEmpty }
    }

    /// A coarse sound-alike key: spellings that English, Polish, Urdu and Arabic transliteration produce
    /// for the same name collapse together ("Mohammed", "Muhammad", "Mohamed" → "mmd";
    /// "Aleksander", "Alexander" → "alksndr"; "Katherine", "Catherine" → "ktrn").
    /// The first letter keeps its vowel because vowel-initial names differ mostly there.
    static func phonetic(_ name: [UInt8]) -> [UInt8] {
        let a: UInt8 = 97
        let c: UInt8 = 99
        let e: UInt8 = 101
        let g: UInt8 = 103
        let h: UInt8 = 104
        let i: UInt8 = 105
        let k: UInt8 = 107
        let p: UInt8 = 112
        let q: UInt8 = 113
        let s: UInt8 = 115
        let v: UInt8 = 118
        let w: UInt8 = 119
        let x: UInt8 = 120
        let y: UInt8 = 121
        let z: UInt8 = 122
        let f: UInt8 = 102
        let t: UInt8 = 116
        var spelled: [UInt8] = []
        spelled.reserveCapacity(name.count + 2)
        var index = 0
        while index < name.count {
            let ch = name[index]
            let next: UInt8 = index + 1 < name.count ? name[index + 1] : 0
            switch ch {
            case p where next == h:
                spelled.append(f)
                index += 1
            case c where next == k:
                spelled.append(k)
                index += 1
            case c where next == e || next == i || next == y: spelled.append(s)
            case c, q: spelled.append(k)
            case x:
                spelled.append(k)
                spelled.append(s)
            case z: spelled.append(s)
            case w: spelled.append(v)
            case y: spelled.append(i)
            case t where next == h:
                spelled.append(t)
                index += 1
            case g where next == h:
                spelled.append(g)
                index += 1
            default: spelled.append(ch)
            }
            index += 1
        }
        var key: [UInt8] = []
        key.reserveCapacity(spelled.count)
        var previous: UInt8 = 0
        for (n, ch) in spelled.enumerated() {
            defer { previous = ch }
            if ch == previous { continue }  // doubled letters: "Mohammed" = "Mohamed"
            if n > 0 && (ch == a || ch == e || ch == i || ch == 111 || ch == 117 || ch == h) { continue }
            if key.last == ch { continue }  // "Mohamad": m, m across a dropped vowel
            key.append(ch)
        }
        return key
    }

    /// Digits only, for NHS numbers typed with spaces or hyphens.
    static func digits(_ text: String) -> [UInt8] {
        text.utf8.filter { $0 >= 48 && $0 <= 57 }.map { $0 - 48 }
    }

    /// Upper-case letters and digits only: "sg13 8dq" → "SG138DQ".
    static func compactPostcode(_ text: String) -> [UInt8] {
        text.utf8.compactMap { b -> UInt8? in
            switch b {
            case 48...57, 65...90: b
            case 97...122: b - 32
            default: nil
            }
        }
    }

    /// FNV-1a: a stable 64-bit hash used for blocking keys and quick equality checks.
    @inline(__always)
    static func hash(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
