import Foundation

extension MissingDashboard {
    /// One district's figures (or the total, when ``district`` is nil).
    public struct Row: Sendable, Equatable, Codable {
        /// The district's name; nil on the total row.
        public var district: String?
        /// Young people with an episode starting in the period.
        public var youngPeople = 0
        /// Episodes starting in the period.
        public var episodes = 0
        /// Of ``youngPeople``, those repeat missing during the period.
        public var repeatMissingYoungPeople = 0
        /// Young people missing at the `asOf` time, whenever they went missing.
        public var currentlyMissing = 0
        /// Return home interviews for the period's episodes, by status at `asOf`.
        public var interviewsDue = 0
        public var interviewsOverdue = 0
        public var interviewsDoneInTime = 0
        public var interviewsDoneLate = 0
        public var interviewsDeclined = 0
        /// Episodes whose child returned more than 72 hours before `asOf`: the interviews that can
        /// be judged in time or not. Declined interviews are among them (not done within 72 hours).
        public var returnedMoreThan72HoursAgo = 0
        /// Of those, interviews done within 72 hours.
        public var returnedMoreThan72HoursAgoDoneInTime = 0
        /// Repeat-missing young people by exploitation risk level: the point of the dashboard.
        public var repeatMissingByRisk = ExploitationRiskCounts()
        /// The other young people with an episode, by level, so the two rows add up to ``youngPeople``.
        public var notRepeatMissingByRisk = ExploitationRiskCounts()

        public init(district: String?) {
            self.district = district
        }

        /// "Total" on the total row.
        public var displayName: String { district ?? "Total" }

        public var isTotal: Bool { district == nil }

        /// Per cent of interviews done within 72 hours, of children who returned more than 72 hours
        /// ago, rounded; nil when there are none to judge.
        public var percentWithin72Hours: Int? {
            guard returnedMoreThan72HoursAgo > 0 else { return nil }
            return Int(
                (Double(returnedMoreThan72HoursAgoDoneInTime) * 100 / Double(returnedMoreThan72HoursAgo)).rounded())
        }

        mutating func countInterview(_ episode: MissingEpisode, now: Date) {
            switch episode.interviewStatus(at: now) {
            case .notDueYet: break
            case .due: interviewsDue += 1
            case .overdue: interviewsOverdue += 1
            case .doneInTime: interviewsDoneInTime += 1
            case .doneLate: interviewsDoneLate += 1
            case .declined: interviewsDeclined += 1
            }
            if let due = episode.interviewDueBy, due < now {
                returnedMoreThan72HoursAgo += 1
                if episode.interviewStatus(at: now) == .doneInTime { returnedMoreThan72HoursAgoDoneInTime += 1 }
            }
        }

        /// Adds the counts; the district of the result is `a`'s (the total row starts with nil).
        public static func + (a: Row, b: Row) -> Row {
            var sum = a
            sum.youngPeople += b.youngPeople
            sum.episodes += b.episodes
            sum.repeatMissingYoungPeople += b.repeatMissingYoungPeople
            sum.currentlyMissing += b.currentlyMissing
            sum.interviewsDue += b.interviewsDue
            sum.interviewsOverdue += b.interviewsOverdue
            sum.interviewsDoneInTime += b.interviewsDoneInTime
            sum.interviewsDoneLate += b.interviewsDoneLate
            sum.interviewsDeclined += b.interviewsDeclined
            sum.returnedMoreThan72HoursAgo += b.returnedMoreThan72HoursAgo
            sum.returnedMoreThan72HoursAgoDoneInTime += b.returnedMoreThan72HoursAgoDoneInTime
            sum.repeatMissingByRisk = sum.repeatMissingByRisk + b.repeatMissingByRisk
            sum.notRepeatMissingByRisk = sum.notRepeatMissingByRisk + b.notRepeatMissingByRisk
            return sum
        }
    }
}
