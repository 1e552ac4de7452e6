import Foundation

/// The MASH's own steps on a referral (rate it and ask partners, record the decision, sign it off), each decided
/// here: whether the step may be taken now, and what its form must say. The server loads the referral, asks, and
/// saves what was decided with ``ReferralStatus/after(_:)``'s move; it checks nothing itself.
///
/// A step that may not be taken now is ``Refused`` (the referral moved on, or was never there: nothing the form
/// could fix). A form that is not yet right comes back as ``FieldProblems``, every problem at once, in the form's order.
public enum MASHStep {
    public enum Refused: Error, Equatable, Sendable {
        case noLongerRateable, alreadyDecided, nothingAwaitingSignOff

        public var message: String {
            switch self {
            case .noLongerRateable: "This referral can no longer be rated."
            case .alreadyDecided: "A decision has already been recorded for this referral."
            case .nothingAwaitingSignOff: "There is no decision waiting for sign-off."
            }
        }
    }

    /// What a triage records: the rating and the partners to ask, each once.
    public struct Triage: Equatable, Sendable {
        public let rag: RAGRating
        public let agencies: [UUID]
    }

    /// Rates the referral and chooses the partners to ask. `available` are the active agencies among those chosen:
    /// a choice that is not one of them was not on the list the page offered.
    public static func triage(
        status: ReferralStatus, rag: String?, chosen: [UUID], available: Set<UUID>
    ) throws(Refused) -> Result<Triage, FieldProblems> {
        guard status.after(.triage) != nil else { throw .noLongerRateable }
        var problems = FieldProblems()
        let rating = rag.flatMap(RAGRating.init(rawValue:))
        if rating == nil { problems.add("rag", "Select a RAG rating") }
        let unique = chosen.reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
        if !unique.allSatisfy(available.contains) { problems.add("agencies", "Select agencies from the list") }
        guard let rating, problems.isEmpty else { return .failure(problems) }
        return .success(Triage(rag: rating, agencies: unique))
    }

    /// Records the threshold decision. A decision reaches each person's chronology through their record, so every
    /// person the referral is about must be linked to one (or have one created) first.
    public static func decide(
        status: ReferralStatus, unlinkedSubjects: Int, level: Int?, outcome: ReferralOutcome?, rationale: String,
        continuum: ContinuumOfNeed, subjects: [PersonCategory]
    ) throws(Refused) -> Result<ThresholdDecision, FieldProblems> {
        guard status.after(.recordDecision) != nil else { throw .alreadyDecided }
        guard unlinkedSubjects == 0 else {
            return .failure(
                FieldProblems([
                    FieldProblem(
                        field: "level",
                        message:
                            "Link each person the referral is about to a record (or create one) before recording the decision"
                    )
                ]))
        }
        switch ThresholdDecision.make(
            level: level, outcome: outcome, rationale: rationale, continuum: continuum, subjects: subjects)
        {
        case .success(let decision): return .success(decision)
        case .failure(let list):
            var problems = FieldProblems()
            for p in list.problems { problems.add(p.field, p.message) }
            return .failure(problems)
        }
    }

    /// A manager signs the decision off or returns it. Only a referral awaiting sign-off, with a decision neither
    /// signed off nor returned, has anything to sign.
    public static func signOff(
        status: ReferralStatus, decisionWaiting: Bool, choice: String?, note: String
    ) throws(Refused) -> Result<SignOffChoice, FieldProblems> {
        guard status.after(.signOff) != nil, decisionWaiting else { throw .nothingAwaitingSignOff }
        do {
            return .success(try SignOffChoice.read(choice, note: note))
        } catch {
            return .failure(FieldProblems([FieldProblem(field: error.field, message: error.message)]))
        }
    }
}
