import Foundation
import SafeguardCore

/// One assessment as its pages show it, in plain values: built from the stored record by `init(_:)`, and made by
/// hand in tests, so the form and the summary render without a database.
struct AssessmentDetails: Sendable {
    /// Who did something, and when, as the page words it: "Sam Okafor", "3 March 2026, 2:15pm".
    struct Signature: Sendable {
        var by: String
        var at: String
    }

    var id: UUID
    var status: AssessmentStatus
    var answers: AssessmentAnswers
    /// Keys of the tool's levels, fixed on submission.
    var calculatedLevel: String?
    var finalLevel: String?
    var overrideLevel: String?
    var overrideReason: String?
    var score: Double?
    /// Keys of the prompts shown on submission (e.g. "marac").
    var prompts: [String]
    var assessed: SimpleDate?
    var reassessDue: SimpleDate?
    /// The assessing agency's name.
    var agency: String
    var started: Signature
    var submitted: Signature?
    var countersigned: Signature?
    var countersignNote: String?
    /// The reference of the referral it was started from.
    var referral: String?
}

extension AssessmentDetails {
    /// Needs the agency, the people who signed and the referral loaded, as `AssessmentsController.load` does.
    init(_ a: Assessment) throws {
        let submitted = a.submittedBy.flatMap { by in
            a.submittedAt.map { Signature(by: by.displayName, at: SiteFormat.dateTime($0)) }
        }
        let countersigned = a.countersignedBy.flatMap { by in
            a.countersignedAt.map { Signature(by: by.displayName, at: SiteFormat.dateTime($0)) }
        }
        self.init(
            id: try a.requireID(), status: a.status, answers: a.answers, calculatedLevel: a.calculatedLevel,
            finalLevel: a.finalLevel, overrideLevel: a.overrideLevel, overrideReason: a.overrideReason, score: a.score,
            prompts: (a.prompts ?? "").split(separator: " ").map(String.init), assessed: a.assessed,
            reassessDue: a.reassessDue, agency: a.agency.name,
            started: Signature(by: a.startedBy.displayName, at: SiteFormat.dateTime(a.startedAt)),
            submitted: submitted, countersigned: countersigned, countersignNote: a.countersignNote,
            referral: a.referral?.reference)
    }
}
