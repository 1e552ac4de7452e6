/// The values the address matcher takes and gives back.
///
/// Police call handlers type incident addresses in a hurry; the matcher decides whether such an address is one
/// of a set of known addresses (in production, those carrying a child-protection "Place of Interest" marker).
/// A missed match sends an officer in blind and a false match shows a marker on the wrong family's home, so the
/// matcher answers in three ways: a confident automatic match, a short list for a person to review, or nothing.

/// One known address: an id, the address as free text, and the postcode if it is held separately.
public struct AddressRecord: Sendable, Hashable {
    public var id: String
    public var address: String
    public var postcode: String?

    public init(id: String, address: String, postcode: String?) {
        self.id = id
        self.address = address
        self.postcode = postcode
    }
}

/// A known address that may be the one asked about, with a score in [0, 1] and the reasons, in plain words,
/// that a reviewer can check ("house number: 10 = 10", "street: HIGH ST ~ HIGH STREET").
public struct AddressCandidate: Sendable, Hashable {
    public let id: String
    /// The probability-like score: the summed field weights passed through a logistic curve. Candidates that
    /// break a precision rule (another flat, another house number, 10 vs 10A) are capped below the match
    /// threshold, so a score at or above it always means "no rule broken".
    public let score: Double
    public let reasons: [String]

    public init(id: String, score: Double, reasons: [String]) {
        self.id = id
        self.score = score
        self.reasons = reasons
    }
}

/// What to do with an incident address.
public enum AddressMatchOutcome: Sendable, Equatable {
    /// Safe to link automatically: one candidate is strong, breaks no rule and clearly beats the rest.
    case match(AddressCandidate)
    /// Possibly one of these (best first); a person must decide.
    case needsReview([AddressCandidate])
    /// Nothing in the index is close enough to show.
    case noMatch
}

/// The score lines between the outcomes.
///
/// Chosen from the weights, not from labelled data: the score is `1 / (1 + e^-(W - 8))` where `W` sums the
/// field weights (natural-log likelihood ratios). A house number, street and town that agree without any
/// postcode give W ≈ 10.5 (score ≈ 0.92) — enough on its own only when nothing else in the index is close.
/// A number and street alone, without town or postcode, give W = 9 (≈ 0.73): worth a look, not a link.
public struct AddressMatchThresholds: Sendable, Equatable {
    /// At or above this score, with no rule broken and a clear lead, the best candidate is an automatic match.
    public var match: Double
    /// Candidates at or above this score are shown for review.
    public var review: Double
    /// The weight lead (log likelihood ratio) the best candidate needs over the runner-up for an automatic
    /// match; 2.5 means the runner-up is at least twelve times less likely. Closer than that is ambiguous.
    public var margin: Double

    public init(match: Double, review: Double, margin: Double = 2.5) {
        self.match = match
        self.review = review
        self.margin = margin
    }

    public static let `default` = AddressMatchThresholds(match: 0.9, review: 0.25, margin: 2.5)
}
