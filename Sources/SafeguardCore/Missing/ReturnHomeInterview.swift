import Foundation

/// The independent return home interview the local authority must offer a child who has been
/// missing, within 72 hours of their return (statutory guidance on children who run away or go
/// missing from home or care).
///
/// The 72 hours are exact elapsed hours (72 × 3600 seconds) from the return, not working days:
/// a child back on Friday evening is due an interview by Monday evening.
public struct ReturnHomeInterview: Sendable, Equatable, Codable {
    public var offeredAt: Date?
    public var completedAt: Date?
    public var declined: Bool

    public init(offeredAt: Date? = nil, completedAt: Date? = nil, declined: Bool = false) {
        self.offeredAt = offeredAt
        self.completedAt = completedAt
        self.declined = declined
    }

    /// 72 hours, in seconds.
    public static let window: TimeInterval = 72 * 3600

    /// When the interview is due: exactly 72 hours after the return.
    public static func dueBy(returnedAt: Date) -> Date {
        returnedAt.addingTimeInterval(window)
    }

    /// The interview's status at `now`. Done at exactly 72 hours is in time; a second later is late.
    /// A completed interview counts even if a decline was recorded first (the child changed their
    /// mind); a still-missing child (`returnedAt` nil) has nothing due.
    public func status(returnedAt: Date?, now: Date) -> ReturnHomeInterviewStatus {
        guard let returnedAt, returnedAt <= now else { return .notDueYet }
        let due = Self.dueBy(returnedAt: returnedAt)
        if let completedAt { return completedAt <= due ? .doneInTime : .doneLate }
        if declined { return .declined }
        return now <= due ? .due : .overdue
    }

    /// Whether the offer was made within 72 hours of the return; nil when no offer is recorded.
    public func wasOfferedInTime(returnedAt: Date) -> Bool? {
        offeredAt.map { $0 <= Self.dueBy(returnedAt: returnedAt) }
    }
}
