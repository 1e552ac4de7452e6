import Foundation

/// Ending a plan, a looked-after status or one of its Place of Interest markers is deliberate:
/// police stop being told about the address at once, so the user reads what will happen and
/// types why. No reason is filled in for them.
public enum ProtectionEnding {
    public static let minimumReasonLength = 5
    public static let maximumReasonLength = 500

    /// What is wrong with the reason typed, if anything; `example` shows what a good one says.
    public static func reasonProblem(_ reason: String, example: String) -> String? {
        if reason.count < minimumReasonLength || !TypedText.hasVisibleCharacter(reason) {
            return "Say why, for example \"\(example)\""
        }
        if reason.count > maximumReasonLength { return "The reason must be \(maximumReasonLength) characters or fewer" }
        return nil
    }

    /// The end date and reason typed for a record that started on `start`, or every problem with them.
    public static func read(
        _ fields: [String: String], start: SimpleDate?, alreadyEnded: Bool,
        today: SimpleDate
    ) -> Result<(on: SimpleDate, reason: String), FieldProblems> {
        var problems = FieldProblems()
        let (endDate, dateProblem) = TypedDate.read(fields, "end", label: "end date", required: true, today: today)
        problems.add(dateProblem)
        let reason = (fields["end-reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = reasonProblem(reason, example: "Plan ended at review conference") {
            problems.add("end-reason", problem)
        }
        if let endDate, let start, endDate < start {
            problems.add("end-day", "The end date cannot be before the start, \(start.longText)")
        }
        if alreadyEnded { problems.add("end-day", "This has already ended") }
        guard problems.isEmpty, let endDate else { return .failure(problems) }
        return .success((endDate, reason))
    }
}
