/// A UK postcode in its normal form: upper case, one space before the three-character inward code
/// ("sg138dq", "SG13  8DQ" and "SG138DQ" all become "SG13 8DQ").
public struct UKPostcode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let outward: String
    public let inward: String

    public enum Problem: Error, Equatable, Sendable {
        case empty, badFormat

        public var message: String {
            switch self {
            case .empty: "Enter a postcode"
            case .badFormat: "Enter a real postcode, like SG13 8DQ"
            }
        }
    }

    public init(_ text: String) throws(Problem) {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard !compact.isEmpty else { throw .empty }
        guard compact.count >= 5, compact.count <= 7, compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw .badFormat
        }
        let out = String(compact.dropLast(3))
        let inw = String(compact.suffix(3))
        // Girobank's GIR 0AA is the one postcode outside the pattern.
        if out == "GIR" && inw == "0AA" {
            outward = out
            inward = inw
            return
        }
        guard UKPostcode.isOutward(out), UKPostcode.isInward(inw) else { throw .badFormat }
        outward = out
        inward = inw
    }

    public var text: String { "\(outward) \(inward)" }
    public var description: String { text }
    /// The postcode district ("SG13"): the unit identity matching blocks on.
    public var district: String { outward }
    /// The postcode sector ("SG13 8").
    public var sector: String { "\(outward) \(inward.prefix(1))" }

    /// Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
    static func isOutward(_ s: String) -> Bool {
        let shape = String(s.map { $0.isLetter ? "A" : "9" })
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { return false }
        let first = s.first!
        // Q, V and X are never used in the first position; I, J and Z never in the second.
        if "QVX".contains(first) { return false }
        if s.count > 1, shape.hasPrefix("AA"), "IJZ".contains(s[s.index(after: s.startIndex)]) { return false }
        return true
    }

    /// Inward codes are a digit and two letters, never C, I, K, M, O or V.
    static func isInward(_ s: String) -> Bool {
        let chars = Array(s)
        guard chars.count == 3, chars[0].isNumber, chars[1].isLetter, chars[2].isLetter else { return false }
        return !chars.dropFirst().contains { "CIKMOV".contains($0) }
    }
}
