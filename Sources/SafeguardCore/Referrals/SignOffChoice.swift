import Foundation

/// A MASH manager's answer to a decision waiting for sign-off. Neither answer is assumed: a
/// manager who presses Confirm without choosing is asked to choose, never signed off for.
public enum SignOffChoice: String, CaseIterable, Sendable {
    case approve
    case returnToTeam = "return"

    public static let minimumReturnNoteLength = 10

    /// Why the answer cannot be taken, in words for the manager, by form field.
    public enum Problem: Error, Equatable, Sendable {
        case noChoice, returnNeedsNote

        public var field: String { self == .noChoice ? "sign-off" : "note" }
        public var message: String {
            switch self {
            case .noChoice: "Choose whether to sign off the decision or return it to the team"
            case .returnNeedsNote:
                "Say what the decision-maker should look at again (at least \(SignOffChoice.minimumReturnNoteLength) characters)"
            }
        }
    }

    /// Reads the radio and the note; `note` matters only when returning.
    public static func read(_ raw: String?, note: String) throws(Problem) -> SignOffChoice {
        guard let choice = raw.flatMap(SignOffChoice.init(rawValue:)) else { throw .noChoice }
        if choice == .returnToTeam
            && note.trimmingCharacters(in: .whitespacesAndNewlines).count < minimumReturnNoteLength
        {
            throw .returnNeedsNote
        }
        return choice
    }

    /// The referral's status change this answer makes.
    public var event: ReferralStatus.Event { self == .approve ? .signOff : .returnDecision }
}
