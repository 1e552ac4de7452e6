import Foundation

/// What the referrer is told when the MASH's decision is signed off: which referral, about whom, what was
/// decided and when. Referrers who hear nothing stop referring; this closes the loop.
public struct ReferralOutcomeNotice: Sendable, Equatable {
    public var reference: String
    public var children: [String]
    public var outcome: ReferralOutcome?
    public var decidedOn: SimpleDate

    public init(reference: String, children: [String], outcome: ReferralOutcome?, decidedOn: SimpleDate) {
        self.reference = reference
        self.children = children
        self.outcome = outcome
        self.decidedOn = decidedOn
    }

    var about: String {
        switch children.count {
        case 0: "the people you referred"
        case 1: children[0]
        default: children.dropLast().joined(separator: ", ") + " and " + children.last!
        }
    }

    public var subject: String { "Outcome of your referral \(reference) about \(about)" }

    public var body: String {
        "On \(decidedOn.longText) the MASH decided your referral \(reference) about \(about): "
            + (outcome?.displayName ?? "a decision was recorded") + ". "
            + "Open the referral in Safeguard to see the outcome and whom to contact. Thank you for referring."
    }
}

extension ReferralUrgency {
    /// An urgent referral sent while the MASH is closed: the referrer must be given the out-of-hours number,
    /// because nobody will read it until the next opening.
    public func needsOutOfHoursContact(sentAt: Date, calendar: WorkingCalendar) -> Bool {
        self != .standard && !calendar.isWithinWorkingHours(sentAt)
    }
}
