/// Why a candidate scored as it did, one line per compared field, so a MASH practitioner can see the
/// evidence rather than trust a bare number ("date of birth: day and month swapped, +9.1").
public struct MatchReason: Sendable, Hashable, CustomStringConvertible {
    /// The field compared, in words ("first name", "date of birth").
    public let field: String
    /// What the comparison found: "exact", "nickname (Kay → Kayleigh)", "disagrees", "missing"...
    public let outcome: String
    /// The evidence in bits: log2 of how much more likely this outcome is for the same person than for
    /// two different people. Positive supports a match; 0 means the field said nothing (missing).
    public let weight: Double

    public init(field: String, outcome: String, weight: Double) {
        self.field = field
        self.outcome = outcome
        self.weight = weight
    }

    public var description: String {
        let sign = weight >= 0 ? "+" : "−"
        return "\(field): \(outcome) (\(sign)\(String(format: "%.1f", abs(weight))))"
    }
}
