/// A person from the index who may be the person on the referral, with the evidence for and against.
public struct MatchCandidate: Sendable, Hashable {
    /// The index record's id.
    public let id: String
    /// Match weight: log2 of the Bayes factor, the sum of the reasons' weights. Comparable across
    /// queries; independent of the index size and of the prior.
    public let score: Double
    /// Posterior probability that this candidate is the person, given the model's prior and the other
    /// candidates found (two near-identical candidates share the probability instead of both looking certain).
    public let probability: Double
    /// One reason per compared field, strongest evidence first.
    public let reasons: [MatchReason]

    public init(id: String, score: Double, probability: Double, reasons: [MatchReason]) {
        self.id = id
        self.score = score
        self.probability = probability
        self.reasons = reasons
    }
}
