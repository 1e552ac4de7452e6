/// The statutory clocks after a child dies or is seriously harmed (DOMAIN.md, Working Together 2023): the
/// national panel is notified within 5 working days of the local authority becoming aware, and the rapid
/// review is due 15 working days after the notification. A late step must say why it was late.
public struct SeriousIncidentClock: Sendable, Equatable {
    public static let notifyWithinWorkingDays = 5
    public static let rapidReviewWithinWorkingDays = 15

    public let awareOn: SimpleDate
    public let notifiedOn: SimpleDate?
    public let notificationDue: SimpleDate
    /// Nil until the panel has been notified: the rapid review's clock starts then.
    public let rapidReviewDue: SimpleDate?

    public init(awareOn: SimpleDate, notifiedOn: SimpleDate?, calendar: WorkingCalendar) throws(WorkingCalendarError) {
        self.awareOn = awareOn
        self.notifiedOn = notifiedOn
        notificationDue = try calendar.addingWorkingDays(Self.notifyWithinWorkingDays, to: awareOn)
        rapidReviewDue = try notifiedOn.map { day throws(WorkingCalendarError) in
            try calendar.addingWorkingDays(Self.rapidReviewWithinWorkingDays, to: day)
        }
    }

    /// A step's state on `today`, for the RAG tag and My work.
    public enum Standing: Equatable, Sendable {
        case done(onTime: Bool)
        /// Working days left, 0 on the day it is due.
        case due(workingDaysLeft: Int)
        case overdue(workingDays: Int)

        /// Red overdue, amber with a working day or less left, green otherwise; done is not rated.
        public var rag: RAGRating? {
            switch self {
            case .done: nil
            case .overdue: .red
            case .due(let left): left <= 1 ? .amber : .green
            }
        }
    }

    public static func standing(
        due: SimpleDate, doneOn: SimpleDate?, today: SimpleDate, calendar: WorkingCalendar
    ) -> Standing {
        if let doneOn { return .done(onTime: doneOn <= due) }
        if today > due { return .overdue(workingDays: calendar.workingDays(from: due, to: today)) }
        return .due(workingDaysLeft: calendar.workingDays(from: today, to: due))
    }

    /// A step done after its due date needs the reason it was late; on time, none is asked for.
    public static func latenessProblem(due: SimpleDate, doneOn: SimpleDate, reason: String) -> String? {
        guard doneOn > due, reason.trimmingCharacters(in: .whitespacesAndNewlines).count < 10 else { return nil }
        return
            "This is \(doneOn.longText), after the due date of \(due.longText): say why it was late (at least 10 characters)"
    }
}
