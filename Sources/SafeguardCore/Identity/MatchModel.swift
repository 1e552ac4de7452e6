import Foundation

/// The Fellegi–Sunter model: for every comparison level, m = P(level | same person) and
/// u = P(level | two different people), plus the prior that a referred person is already in the index.
///
/// A level's weight is log2(m/u) bits; a candidate's score is the sum over fields. The posterior
/// probability comes from the prior, so the automatic-match threshold is a probability (0.9 by default)
/// fixed in advance, never tuned against labelled outcomes.
public struct MatchModel: Sendable {
    /// Indexed by `ComparisonLevel.rawValue`.
    public var m: [Double]
    /// Indexed by `ComparisonLevel.rawValue`. For exact name and postcode levels the matcher uses the
    /// value's own frequency in the index instead (term-frequency adjustment).
    public var u: [Double]
    /// Prior probability that the person on a referral is already in the index.
    public var inIndexProbability: Double
    /// Bits added when first name and surname only agree crossed over (log2 of how often they are
    /// entered the wrong way round for the same person).
    public var swappedNamesWeight: Double
    /// u for an exact surname between two different people who live at the same address. Family members
    /// share surnames, so at one address a shared surname is weak evidence; treating surname and address as
    /// independent would make every housemate look like the person.
    public var surnameAtSameAddressU: Double
    /// Posterior probability at or above which the best candidate is an automatic match.
    public var matchThreshold: Double
    /// Posterior probability at or above which a candidate is shown as a possible match.
    public var possibleThreshold: Double

    public init(
        m: [Double], u: [Double], inIndexProbability: Double, swappedNamesWeight: Double = log2(0.02),
        surnameAtSameAddressU: Double = 0.6, matchThreshold: Double = 0.9, possibleThreshold: Double = 0.05
    ) {
        precondition(m.count == ComparisonLevel.allCases.count && u.count == m.count)
        self.m = m
        self.u = u
        self.inIndexProbability = inIndexProbability
        self.swappedNamesWeight = swappedNamesWeight
        self.surnameAtSameAddressU = surnameAtSameAddressU
        self.matchThreshold = matchThreshold
        self.possibleThreshold = possibleThreshold
    }

    /// Hand-set from general experience of person data in English local-authority, police and NHS systems
    /// (how often names are misspelt, dates mistyped, people move), not fitted to any benchmark. Use
    /// `estimated(from:queries:)` to fit the index actually in use.
    public static let `default`: MatchModel = {
        let table: [(ComparisonLevel, Double, Double)] = [
            (.firstExact, 0.80, 0.01), (.firstEquivalent, 0.07, 0.002), (.firstTypo, 0.07, 0.003),
            (.firstMiddleOrAlias, 0.03, 0.004), (.firstSimilar, 0.01, 0.01), (.firstInitial, 0.002, 0.01),
            (.firstDisagrees, 0.018, 0.96),
            (.surnameExact, 0.83, 0.002), (.surnameTypo, 0.08, 0.002), (.surnamePrevious, 0.02, 0.0005),
            (.surnameSimilar, 0.01, 0.005), (.surnameDisagrees, 0.06, 0.99),
            (.middleExact, 0.65, 0.005), (.middleConsistent, 0.30, 0.02), (.middleDisagrees, 0.05, 0.975),
            (.dobExact, 0.88, 3e-5), (.dobDayMonthSwapped, 0.03, 3e-5), (.dobTransposed, 0.04, 1.5e-4),
            (.dobOneOff, 0.02, 5e-4), (.dobSameYear, 0.01, 0.011), (.dobDisagrees, 0.02, 0.989),
            (.sexAgrees, 0.99, 0.5), (.sexDisagrees, 0.01, 0.5),
            (.nhsExact, 0.97, 1e-8), (.nhsNear, 0.025, 1e-6), (.nhsDisagrees, 0.005, 1),
            (.residenceSameHome, 0.70, 1e-5), (.residencePostcode, 0.08, 1e-5),
            (.residenceNearPostcodeSameAddress, 0.05, 1e-7), (.residenceSameAddress, 0.04, 1e-6),
            (.residenceNearPostcode, 0.01, 1e-6), (.residenceDistrict, 0.01, 5e-4), (.residenceDisagrees, 0.11, 0.9995),
        ]
        var m = [Double](repeating: 0, count: ComparisonLevel.allCases.count)
        var u = m
        for (level, mv, uv) in table {
            m[level.rawValue] = mv
            u[level.rawValue] = uv
        }
        return MatchModel(m: m, u: u, inIndexProbability: 0.5)
    }()

    /// Evidence in bits for one level at the model's average u.
    @inline(__always)
    public func weight(_ level: ComparisonLevel) -> Double {
        log2(m[level.rawValue] / u[level.rawValue])
    }

    /// Evidence in bits for an exact agreement on a value held by `frequency` of the index.
    /// Never more than the model's own u allows for a unique value, never less than zero evidence
    /// for agreeing on a value everybody has.
    func termFrequencyWeight(_ level: ComparisonLevel, frequency: Double, indexSize: Int) -> Double {
        let floor = 1 / Double(max(indexSize, 1))
        let u = min(max(frequency, floor), 1)
        return max(log2(m[level.rawValue] / u), 0)
    }

    /// Posterior probability that candidate with Bayes factor `bayesFactor` is the person, when all
    /// candidates' Bayes factors sum to `totalBayesFactor` and the index holds `indexSize` people.
    /// Assumes the person appears at most once in the index, so candidates compete for the probability.
    public func posterior(bayesFactor: Double, totalBayesFactor: Double, indexSize: Int) -> Double {
        let prior = inIndexProbability / Double(max(indexSize, 1))
        let denominator = (1 - inIndexProbability) + prior * totalBayesFactor
        return denominator > 0 ? prior * bayesFactor / denominator : 0
    }
}
