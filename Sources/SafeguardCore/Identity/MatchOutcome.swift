/// The matcher's decision for one referral, in the bands a MASH front door works with.
///
/// `match` is only returned when the posterior probability clears the model's automatic-match threshold;
/// everything else goes to a person to decide, because a wrong automatic link in safeguarding merges two
/// children's histories.
public enum MatchOutcome: Sendable {
    /// One candidate is very probably the person.
    case match(MatchCandidate)
    /// Candidates worth a practitioner's look, most probable first.
    case possible([MatchCandidate])
    /// Nobody in the index is a plausible match: the referral is probably about someone new.
    case none
}
