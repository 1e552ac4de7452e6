/// Where a return home interview stands against the 72-hour expectation.
public enum ReturnHomeInterviewStatus: String, CaseIterable, Codable, Sendable {
    /// The child has not returned (or the return is recorded later than now): nothing is due.
    case notDueYet = "not-due-yet"
    /// Returned, not yet interviewed, and the 72 hours have not run out.
    case due
    /// Returned more than 72 hours ago and not interviewed.
    case overdue
    case doneInTime = "done-in-time"
    case doneLate = "done-late"
    /// Offered and declined by the child. The offer is the duty; a child may refuse it.
    case declined

    public var displayName: String {
        switch self {
        case .notDueYet: "Not due: still missing"
        case .due: "Due"
        case .overdue: "Overdue"
        case .doneInTime: "Done within 72 hours"
        case .doneLate: "Done after 72 hours"
        case .declined: "Declined"
        }
    }

    /// Needs someone to do something: due or overdue.
    public var needsAction: Bool { self == .due || self == .overdue }
}
