import Foundation

/// How many working hours partners have to answer a MASH information request at each RAG rating.
///
/// Configurable per partnership because areas differ: the default is red 4 / amber 24 / green 72
/// working hours; others use 2 / 6 / 24. Values are checked on creation and on decoding, so a
/// deadline computed from a `RAGTimescales` can never be fed a negative count.
public struct RAGTimescales: Sendable, Codable, Equatable {
    /// Working hours for a red request.
    public let red: Int
    /// Working hours for an amber request.
    public let amber: Int
    /// Working hours for a green request.
    public let green: Int

    /// Throws `.negativeCount` for any value below zero.
    public init(red: Int = 4, amber: Int = 24, green: Int = 72) throws(WorkingCalendarError) {
        for hours in [red, amber, green] where hours < 0 { throw .negativeCount(hours) }
        self.red = red
        self.amber = amber
        self.green = green
    }

    /// The defaults with some ratings overridden, e.g. `[.red: 2, .amber: 6, .green: 24]`.
    public init(overriding overrides: [RAGRating: Int]) throws(WorkingCalendarError) {
        try self.init(red: overrides[.red] ?? 4, amber: overrides[.amber] ?? 24, green: overrides[.green] ?? 72)
    }

    /// Red 4, amber 24, green 72 working hours.
    public static let standard = try! RAGTimescales()

    /// The working hours allowed at `rating`.
    public func workingHours(for rating: RAGRating) -> Int {
        switch rating {
        case .red: red
        case .amber: amber
        case .green: green
        }
    }

    /// When a request rated `rating` and raised at `raisedAt` is due, in working hours on `calendar`.
    /// Throws only `.outOfRange`, for an instant near the year 2200.
    public func deadline(
        for rating: RAGRating, raisedAt: Date, on calendar: WorkingCalendar
    ) throws(WorkingCalendarError) -> Date {
        try calendar.deadline(addingWorkingHours: workingHours(for: rating), to: raisedAt)
    }

    /// When a partner's answer is due: its RAG time, but never after the referral's own decision
    /// deadline, since an answer that comes after the decision cannot inform it. `capped` says the
    /// decision deadline set it, so the page can tell the MASH why it is earlier than usual.
    public func requestDeadline(
        for rating: RAGRating, raisedAt: Date, decisionDue: Date?,
        on calendar: WorkingCalendar
    ) throws(WorkingCalendarError) -> (due: Date, capped: Bool) {
        let usual = try deadline(for: rating, raisedAt: raisedAt, on: calendar)
        guard let decisionDue, decisionDue < usual else { return (usual, false) }
        return (max(decisionDue, raisedAt), true)
    }

    private enum CodingKeys: String, CodingKey { case red, amber, green }

    /// A missing rating takes its default, so a configuration can name only what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            red: c.decodeIfPresent(Int.self, forKey: .red) ?? 4,
            amber: c.decodeIfPresent(Int.self, forKey: .amber) ?? 24,
            green: c.decodeIfPresent(Int.self, forKey: .green) ?? 72)
    }
}
