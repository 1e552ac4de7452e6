/// The MASH's decision on a referral: the level of need, the outcome and why. Checked here so
/// the web form and the API refuse the same things with the same words.
public struct ThresholdDecision: Sendable, Equatable {
    public let level: Int
    public let outcome: ReferralOutcome
    public let rationale: String

    public static let minimumRationaleLength = 30

    public enum Problem: Error, Equatable, Sendable {
        case missingLevel, unknownLevel, missingOutcome, rationaleTooShort
        case outcomeDoesNotFitSubjects(ReferralOutcome)
        case outcomeDoesNotFitLevel(ReferralOutcome, String)

        public var field: String {
            switch self {
            case .missingLevel, .unknownLevel: "level"
            case .missingOutcome, .outcomeDoesNotFitSubjects, .outcomeDoesNotFitLevel: "outcome"
            case .rationaleTooShort: "rationale"
            }
        }

        public var message: String {
            switch self {
            case .missingLevel: "Select the level of need"
            case .unknownLevel: "Select one of the partnership's levels of need"
            case .missingOutcome: "Select the outcome"
            case .rationaleTooShort:
                "Explain the decision: what you weighed and why (at least \(ThresholdDecision.minimumRationaleLength) characters)"
            case .outcomeDoesNotFitSubjects(let o): "\(o.displayName) does not fit the people this referral is about"
            case .outcomeDoesNotFitLevel(let o, let level):
                "\(o.displayName) does not fit level \(level): change the level or the outcome"
            }
        }
    }

    /// Validates what the decision-maker entered against the partnership's continuum and the
    /// people the referral concerns (a section 42 enquiry is for adults; sections 17 and 47 for children).
    public static func make(
        level: Int?, outcome: ReferralOutcome?, rationale: String, continuum: ContinuumOfNeed,
        subjects: [PersonCategory]
    ) -> Result<ThresholdDecision, ProblemList> {
        var problems: [Problem] = []
        if level == nil {
            problems.append(.missingLevel)
        } else if continuum.level(level!) == nil {
            problems.append(.unknownLevel)
        }
        if outcome == nil { problems.append(.missingOutcome) }
        let text = rationale.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < minimumRationaleLength { problems.append(.rationaleTooShort) }
        if let outcome {
            if !subjects.isEmpty, !subjects.contains(where: { outcome.fits($0) }) {
                problems.append(.outcomeDoesNotFitSubjects(outcome))
            } else if let level, let named = continuum.level(level), !continuum.fits(outcome: outcome, level: level) {
                problems.append(.outcomeDoesNotFitLevel(outcome, "\(named.number) (\(named.name))"))
            }
        }
        guard problems.isEmpty, let level, let outcome else { return .failure(ProblemList(problems: problems)) }
        return .success(ThresholdDecision(level: level, outcome: outcome, rationale: text))
    }

    /// Problems as an Error, so they travel in a Result.
    public struct ProblemList: Error, Equatable, Sendable {
        public let problems: [Problem]
    }
}
