import Foundation
import SafeguardCore

/// Reads the assessment form's own fields (the date it was carried out and any professional
/// override) beside the tool's answers, and checks them all: leniently for a draft, fully for a
/// submission.
struct AssessmentSubmission {
    var answers: AssessmentAnswers
    var assessedOn: SimpleDate?
    var override: LevelOverride?
    var rating: AssessmentRating?
    var errors: FormErrors

    static func read(
        _ fields: [String: String], tool: AssessmentTool, answers: AssessmentAnswers, submitting: Bool,
        today: SimpleDate
    ) -> AssessmentSubmission {
        var errors = FormErrors()
        let assessedOn = FormDate.read(
            fields, "assessed", label: "date of the assessment", required: submitting, today: today, errors: &errors)
        let level = fields["override-level"] ?? ""
        let reason = fields["override-reason"] ?? ""
        // An empty level means "agree with the calculated level"; a reason alone is kept with a draft.
        let override = level.isEmpty ? nil : LevelOverride(level: level, reason: reason)
        for p in tool.check(answers, for: submitting ? .submission : .draft, override: override) {
            errors.add(p.field, p.message)
        }
        let rating = submitting && errors.isEmpty ? tool.rate(answers, override: override) : nil
        return AssessmentSubmission(
            answers: answers, assessedOn: assessedOn, override: override, rating: rating, errors: errors)
    }

    func apply(to assessment: Assessment, tool: AssessmentTool, by userID: UUID, now: Date) {
        assessment.answers = answers
        assessment.assessedOn = assessedOn?.iso
        assessment.overrideLevel = override?.level
        assessment.overrideReason = override?.reason
        assessment.updatedAt = now
        guard let rating, let assessedOn else { return }
        assessment.status = AssessmentStatus.submitted
        assessment.calculatedLevel = rating.calculated.key
        assessment.finalLevel = rating.final.key
        assessment.overrideLevel = rating.override?.level
        assessment.overrideReason = rating.override?.reason
        assessment.score = rating.score
        assessment.prompts = rating.prompts.map(\.key).joined(separator: " ")
        assessment.reassessOn = Reassessment(assessedOn: assessedOn, afterDays: rating.reassessAfterDays).due.iso
        assessment.$submittedBy.id = userID
        assessment.submittedAt = now
    }
}
