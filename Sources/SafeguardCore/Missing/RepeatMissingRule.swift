import Foundation

/// When a child counts as "repeat missing": at least `minimumEpisodes` episodes starting within
/// `withinDays` days of each other.
///
/// Partnerships commonly use 3 episodes in 90 days, the default here, but there is no national
/// definition: the figures are the partnership's to set. "Within 90 days" means the first and last
/// start no more than 90 calendar days apart (days in England, so the clocks changing never moves
/// an episode in or out): episodes 90 days apart count together, 91 days apart do not.
public struct RepeatMissingRule: Sendable, Equatable, Codable {
    public let minimumEpisodes: Int
    public let withinDays: Int

    /// Fails when `minimumEpisodes` is below 2 (one episode is not a repeat) or `withinDays` below 1.
    public init?(minimumEpisodes: Int = 3, withinDays: Int = 90) {
        guard minimumEpisodes >= 2, withinDays >= 1 else { return nil }
        self.minimumEpisodes = minimumEpisodes
        self.withinDays = withinDays
    }

    /// 3 or more episodes within 90 days.
    public static let standard = RepeatMissingRule()!

    private enum CodingKeys: String, CodingKey { case minimumEpisodes, withinDays }

    /// A missing figure takes its default; an impossible one is refused, as ``init(minimumEpisodes:withinDays:)`` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let minimum = try c.decodeIfPresent(Int.self, forKey: .minimumEpisodes) ?? 3
        let days = try c.decodeIfPresent(Int.self, forKey: .withinDays) ?? 90
        guard let rule = RepeatMissingRule(minimumEpisodes: minimum, withinDays: days) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "A repeat missing rule needs at least 2 episodes within at least 1 day"))
        }
        self = rule
    }

    /// Whether the child is repeat missing on `date`: enough episodes started in the `withinDays`
    /// days up to and including `date`. Episodes starting after `date` are ignored.
    public func assess(episodeStarts starts: [Date], on date: SimpleDate) -> RepeatMissingAssessment {
        let days = starts.map { SimpleDate($0) }
        let inWindow = window(endingOn: date, days: days)
        return RepeatMissingAssessment(
            isRepeatMissing: inWindow.count >= minimumEpisodes,
            countingEpisodeIndices: inWindow.count >= minimumEpisodes ? Self.byStart(inWindow, starts) : [],
            episodesInLast12Months: Self.inLast12Months(days, on: date))
    }

    /// Whether the child was repeat missing on any day of `period`, counting earlier episodes too:
    /// what a quarterly or yearly report means by "repeat missing children in the period". The
    /// counting episodes are every episode in any qualifying window; the 12-month count is to the
    /// period's last day.
    public func assess(episodeStarts starts: [Date], during period: ClosedRange<SimpleDate>) -> RepeatMissingAssessment
    {
        let days = starts.map { SimpleDate($0) }
        // The count in a window ending on day D only rises on a day an episode starts, so the
        // period's first day and its episode days are the only days worth checking.
        let candidates = [period.lowerBound] + days.filter { period.contains($0) }
        var counting = Set<Int>()
        for day in candidates {
            let inWindow = window(endingOn: day, days: days)
            if inWindow.count >= minimumEpisodes { counting.formUnion(inWindow) }
        }
        return RepeatMissingAssessment(
            isRepeatMissing: !counting.isEmpty,
            countingEpisodeIndices: Self.byStart(Array(counting), starts),
            episodesInLast12Months: Self.inLast12Months(days, on: period.upperBound))
    }

    /// Indices of the episodes starting in the `withinDays` days up to and including `end`.
    func window(endingOn end: SimpleDate, days: [SimpleDate]) -> [Int] {
        let first = end.adding(days: -withinDays)
        return days.indices.filter { days[$0] >= first && days[$0] <= end }
    }

    static func byStart(_ indices: [Int], _ starts: [Date]) -> [Int] {
        indices.sorted { (starts[$0], $0) < (starts[$1], $1) }
    }

    /// Episodes starting in the 12 months up to and including `date` (after the same day a year before).
    static func inLast12Months(_ days: [SimpleDate], on date: SimpleDate) -> Int {
        let yearBefore = date.adding(months: -12)
        return days.filter { $0 > yearBefore && $0 <= date }.count
    }
}
