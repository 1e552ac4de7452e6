/// The answer of a ``RepeatMissingRule`` for one child.
public struct RepeatMissingAssessment: Sendable, Equatable, Codable {
    public var isRepeatMissing: Bool
    /// Positions, in the array of start times given, of the episodes that make the child repeat
    /// missing, earliest first; empty when the child is not repeat missing.
    public var countingEpisodeIndices: [Int]
    /// Episodes starting in the 12 months up to the date assessed, whether or not they count.
    public var episodesInLast12Months: Int

    public init(isRepeatMissing: Bool, countingEpisodeIndices: [Int], episodesInLast12Months: Int) {
        self.isRepeatMissing = isRepeatMissing
        self.countingEpisodeIndices = countingEpisodeIndices
        self.episodesInLast12Months = episodesInLast12Months
    }
}
