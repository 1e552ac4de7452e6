import Foundation

/// Splits a typed address into comma-separated parts of upper-case ASCII tokens.
///
/// The parts matter: "FLAT 2, 10 HIGH ST" and "FLAT 2 10 HIGH ST" carry the same words, but where a part
/// ends tells a street from a town and "ST" (street) from "ST" (saint). Punctuation otherwise goes:
/// apostrophes join ("O'BRIEN" → OBRIEN), hyphens and slashes between digits survive ("10-12", "2/10").
enum AddressLexer {
    static func segments(_ text: String) -> [[String]] {
        // Accents only matter when there are any; folding is slow, so plain ASCII skips it.
        let folded =
            (text.utf8.allSatisfy { $0 < 128 } ? text : text.folding(options: .diacriticInsensitive, locale: nil))
            .uppercased()
        let scalars = Array(folded.unicodeScalars)
        var segments: [[String]] = []
        var current: [String] = []
        var token = ""
        func endToken() {
            if !token.isEmpty { current.append(contentsOf: split(token)) }
            token = ""
        }
        func endSegment() {
            endToken()
            if !current.isEmpty { segments.append(current) }
            current = []
        }
        for (i, s) in scalars.enumerated() {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            switch s {
            case "A"..."Z", "0"..."9":
                token.unicodeScalars.append(s)
            case "'", "\u{2019}", "`":
                continue
            case "-":
                if token.last?.isNumber == true, ("0"..."9").contains(next) { token.append("-") } else { endToken() }
            case "/", "\\":
                if token.last?.isNumber == true, ("0"..."9").contains(next) || ("A"..."Z").contains(next) {
                    endToken()
                    current.append("/")
                } else {
                    endToken()
                }
            case "&":
                endToken()
                current.append("AND")
            case ",", ";", "\n", "\r", "|":
                endSegment()
            default:
                endToken()
            }
        }
        endSegment()
        return segments
    }

    /// Separates run-together tokens: "FLAT2" → FLAT 2, "NO10" → NO 10, "10HIGH" → 10 HIGH. Leaves house
    /// numbers with a suffix letter ("10B"), ordinals ("2ND"), unit ids ("A4") and inward codes ("4AB") whole.
    static func split(_ token: String) -> [String] {
        let chars = Array(token)
        guard chars.count > 2, chars.contains(where: \.isNumber), chars.contains(where: \.isLetter) else {
            return [token]
        }
        if AddressVocabulary.isOrdinal(token) { return [token] }
        let letters = chars.prefix { $0.isLetter }
        if letters.count >= 2 {
            let rest = String(chars.dropFirst(letters.count))
            let head = String(letters)
            if AddressVocabulary.designators.contains(head) || AddressVocabulary.numberWords.contains(head) {
                return [head] + split(rest)
            }
            return [token]
        }
        let digits = chars.prefix { $0.isNumber || $0 == "-" }
        let tail = chars.dropFirst(digits.count)
        // Three letters or more: a word run on ("10HIGH"); two would be an inward postcode ("4AB").
        if !digits.isEmpty, tail.count >= 3, tail.allSatisfy(\.isLetter) {
            return [String(digits), String(tail)]
        }
        return [token]
    }

    /// Removes a postcode typed at the end of the address ("… LEEDS LS1 4AB", "…, LS14AB") and returns it in
    /// compact form, or nil when the last tokens do not look like one.
    static func takePostcode(_ segments: inout [[String]]) -> String? {
        guard var last = segments.last, let t1 = last.last else { return nil }
        var found: String?
        if last.count >= 2, t1.count == 3, isPostcode(last[last.count - 2] + t1) {
            found = last[last.count - 2] + t1
            last.removeLast(2)
        } else if isPostcode(t1) {
            found = t1
            last.removeLast()
        }
        guard let found else { return nil }
        if last.isEmpty { segments.removeLast() } else { segments[segments.count - 1] = last }
        return AddressPostcode.normalise(found)
    }

    /// Strict shape only: mending O/0 here would read words like "HOLLIE" as postcodes.
    private static func isPostcode(_ s: String) -> Bool { AddressPostcode.looksLikePostcode(s) }
}
