/// A 10-digit NHS number whose last digit is the modulus-11 check digit of the first nine.
/// Accepts spaces or hyphens as typed ("943 476 5919") and keeps the digits only.
public struct NHSNumber: Hashable, Codable, Sendable, CustomStringConvertible {
    public let digits: String

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength, notDigits, failsCheckDigit

        public var message: String {
            switch self {
            case .wrongLength: "Enter an NHS number with 10 digits, like 943 476 5919"
            case .notDigits: "An NHS number must contain only digits and spaces"
            case .failsCheckDigit: "This is not a valid NHS number: check the digits have been typed correctly"
            }
        }
    }

    public init(_ text: String) throws(Problem) {
        let kept = text.filter { $0 != " " && $0 != "-" }
        guard kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notDigits }
        guard kept.count == 10 else { throw .wrongLength }
        let values = kept.compactMap { $0.wholeNumberValue }
        guard let check = NHSNumber.checkDigit(for: Array(values.prefix(9))), check == values[9] else {
            throw .failsCheckDigit
        }
        digits = kept
    }

    /// The modulus-11 check digit for nine digits, or nil where none exists (remainder gives 10).
    public static func checkDigit(for nine: [Int]) -> Int? {
        precondition(nine.count == 9)
        let sum = nine.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    /// "943 476 5919", the grouping the NHS uses on screen.
    public var formatted: String {
        let a = digits.prefix(3)
        let b = digits.dropFirst(3).prefix(3)
        let c = digits.suffix(4)
        return "\(a) \(b) \(c)"
    }

    public var description: String { formatted }
}
