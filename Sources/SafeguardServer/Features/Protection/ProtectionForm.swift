import Foundation
import SafeguardCore

/// Reads and checks a protection record: the web form and `safeguard import cp-plans` both use it,
/// so a plan loaded in bulk meets the same rules as one typed in.
struct ProtectionForm: Sendable {
    var kind: ProtectionKind
    var categories: [ProtectionCategory]
    var start: SimpleDate
    var socialWorkerID: UUID
    var strategyDiscussion: SimpleDate?
    var initialConference: SimpleDate?
    var lastReview: SimpleDate?

    /// `fields` uses the form's names: kind, start-day/-month/-year, social-worker (a user id),
    /// strategy-…, conference-…, review-… dates. `socialWorkers` are the users who may hold the case.
    static func read(_ fields: [String: String], categories chosen: [String], socialWorkers: Set<UUID>, today: SimpleDate,
                     errors: inout FormErrors) -> ProtectionForm? {
        let kind = ProtectionKind(rawValue: fields["kind"] ?? "")
        if kind == nil { errors.add("kind", "Select whether this is a child protection plan, an unborn child protection plan or looked-after status") }
        let categories = ProtectionCategory.allCases.filter { chosen.contains($0.rawValue) }
        if let bad = chosen.first(where: { ProtectionCategory(rawValue: $0) == nil }) {
            errors.add("categories", "'\(bad)' is not a plan category: use physical-abuse, emotional-abuse, sexual-abuse or neglect")
        }
        if kind?.isPlan == true && categories.isEmpty { errors.add("categories", "Select the plan's category, or more than one") }
        let start = FormDate.read(fields, "start", label: "start date", required: true, today: today, errors: &errors)
        let strategy = FormDate.read(fields, "strategy", label: "strategy discussion date", required: false, today: today, errors: &errors)
        let conference = FormDate.read(fields, "conference", label: "initial conference date", required: false, today: today, errors: &errors)
        let review = FormDate.read(fields, "review", label: "last review date", required: false, today: today, errors: &errors)
        if kind?.isPlan == true, conference == nil, errors["conference-day"] == nil {
            errors.add("conference-day", "Enter the date of the initial child protection conference that made the plan")
        }
        if let conference, let review, review < conference { errors.add("review-day", "The last review cannot be before the initial conference") }
        if let strategy, let conference, conference < strategy { errors.add("conference-day", "The conference cannot be before the strategy discussion") }
        let worker = UUID(uuidString: fields["social-worker"] ?? "")
        if worker == nil || !socialWorkers.contains(worker!) { errors.add("social-worker", "Select the allocated social worker") }
        guard errors.isEmpty, let kind, let start, let worker else { return nil }
        return ProtectionForm(kind: kind, categories: kind.isPlan ? categories : [], start: start, socialWorkerID: worker,
                              strategyDiscussion: strategy, initialConference: kind.isPlan ? conference : nil, lastReview: kind.isPlan ? review : nil)
    }

    func apply(to record: ProtectionRecord) {
        record.kind = kind.rawValue
        record.categories = categories.map(\.rawValue).joined(separator: " ")
        record.startDate = start.iso
        record.$socialWorker.id = socialWorkerID
        record.strategyDiscussionDate = strategyDiscussion?.iso
        record.initialConferenceDate = initialConference?.iso
        record.lastReviewDate = lastReview?.iso
    }
}
