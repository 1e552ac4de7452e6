import Foundation

/// One time a child was missing: reported by the police, with the return and the return home
/// interview that follows.
public struct MissingEpisode: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var kind: MissingEpisodeKind
    /// When the child went missing (the time last seen, as the police record it).
    public var startedAt: Date
    /// When the child returned or was found; nil while still missing.
    public var returnedAt: Date?
    public var whereFound: MissingWhereFound?
    public var returnInterview: ReturnHomeInterview

    public init(
        id: UUID = UUID(), kind: MissingEpisodeKind, startedAt: Date, returnedAt: Date? = nil,
        whereFound: MissingWhereFound? = nil, returnInterview: ReturnHomeInterview = ReturnHomeInterview()
    ) {
        self.id = id
        self.kind = kind
        self.startedAt = startedAt
        self.returnedAt = returnedAt
        self.whereFound = whereFound
        self.returnInterview = returnInterview
    }

    /// Missing at `now`: started by then and not returned by then.
    public func isMissing(at now: Date) -> Bool {
        guard startedAt <= now else { return false }
        guard let returnedAt else { return true }
        return returnedAt > now
    }

    /// When the return home interview is due; nil while the child is still missing.
    public var interviewDueBy: Date? {
        returnedAt.map(ReturnHomeInterview.dueBy(returnedAt:))
    }

    public func interviewStatus(at now: Date) -> ReturnHomeInterviewStatus {
        returnInterview.status(returnedAt: returnedAt, now: now)
    }

    /// The calendar day the episode started, in England.
    public var startDay: SimpleDate { SimpleDate(startedAt) }
}
