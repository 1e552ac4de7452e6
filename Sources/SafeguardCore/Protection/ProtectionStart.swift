import Foundation

/// A child protection plan, unborn plan or looked-after status as it starts, read and checked from the web form's
/// fields or a `safeguard import cp-plans` row (which uses the same names), so a plan loaded in bulk meets the same
/// rules as one typed in.
public struct ProtectionStart: Sendable, Equatable {
    public var kind: ProtectionKind
    /// Empty for looked-after status, which has none.
    public var categories: [ProtectionCategory]
    public var start: SimpleDate
    public var socialWorkerID: UUID
    public var strategyDiscussion: SimpleDate?
    /// Plans only: the conference that made the plan.
    public var initialConference: SimpleDate?
    public var lastReview: SimpleDate?

    /// `fields` uses the form's names: kind, start-day/-month/-year (or start as YYYY-MM-DD), social-worker (a user
    /// id), strategy-…, conference-…, review-… dates. `socialWorkers` are the users who may hold the case.
    public static func read(
        _ fields: [String: String], categories chosen: [String], socialWorkers: Set<UUID>,
        today: SimpleDate
    ) -> Result<ProtectionStart, FieldProblems> {
        var problems = FieldProblems()
        let kind = ProtectionKind(rawValue: fields["kind"] ?? "")
        if kind == nil {
            problems.add(
                "kind",
                "Select whether this is a child protection plan, an unborn child protection plan or looked-after status"
            )
        }
        let categories = ProtectionCategory.allCases.filter { chosen.contains($0.rawValue) }
        if let bad = chosen.first(where: { ProtectionCategory(rawValue: $0) == nil }) {
            problems.add(
                "categories",
                "'\(bad)' is not a plan category: use physical-abuse, emotional-abuse, sexual-abuse or neglect")
        }
        if kind?.isPlan == true && categories.isEmpty {
            problems.add("categories", "Select the plan's category, or more than one")
        }
        func date(_ prefix: String, _ label: String, required: Bool) -> SimpleDate? {
            let (d, problem) = TypedDate.read(fields, prefix, label: label, required: required, today: today)
            problems.add(problem)
            return d
        }
        let start = date("start", "start date", required: true)
        let strategy = date("strategy", "strategy discussion date", required: false)
        let conference = date("conference", "initial conference date", required: false)
        let review = date("review", "last review date", required: false)
        if kind?.isPlan == true, conference == nil, problems["conference-day"] == nil {
            problems.add(
                "conference-day", "Enter the date of the initial child protection conference that made the plan")
        }
        if let conference, let review, review < conference {
            problems.add("review-day", "The last review cannot be before the initial conference")
        }
        if let strategy, let conference, conference < strategy {
            problems.add("conference-day", "The conference cannot be before the strategy discussion")
        }
        let worker = UUID(uuidString: fields["social-worker"] ?? "")
        if worker == nil || !socialWorkers.contains(worker!) {
            problems.add("social-worker", "Select the allocated social worker")
        }
        guard problems.isEmpty, let kind, let start, let worker else { return .failure(problems) }
        return .success(
            ProtectionStart(
                kind: kind, categories: kind.isPlan ? categories : [], start: start, socialWorkerID: worker,
                strategyDiscussion: strategy, initialConference: kind.isPlan ? conference : nil,
                lastReview: kind.isPlan ? review : nil))
    }

    /// A child has at most one open record of each kind: a second would mark the addresses again, and every police
    /// incident there would alert twice.
    public static func alreadyOpen(_ kind: ProtectionKind, firstName: String) -> FieldProblem {
        FieldProblem(
            field: "kind",
            message: "\(firstName) already has an open \(kind.displayName.lowercased()): end it before starting another"
        )
    }
}
