import Foundation
import Testing

@testable import SafeguardCore

struct MissingEpisodeTests {
    static let hour: TimeInterval = 3600
    static let minute: TimeInterval = 60
    /// Wednesday 4 March 2026, 20:00 UTC (and London): the child comes home.
    static let returned = Date(timeIntervalSince1970: 1_772_654_400)

    static func day(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }
    /// Noon in London on an ISO date, clear of any midnight boundary.
    static func noon(_ iso: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let d = day(iso)
        return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: 12))!
    }

    // MARK: Return home interviews

    @Test(
        arguments: [
            // (completed after return in seconds, declined, now after return in seconds, expected)
            (72 * hour, false, 100 * hour, ReturnHomeInterviewStatus.doneInTime),
            (72 * hour + minute, false, 100 * hour, .doneLate),
            (2 * hour, false, 3 * hour, .doneInTime),
            (nil, false, 10 * hour, .due),
            (nil, false, 72 * hour, .due),
            (nil, false, 72 * hour + minute, .overdue),
            (nil, false, 30 * 24 * hour, .overdue),
            (nil, true, 100 * hour, .declined),
            (nil, true, 1 * hour, .declined),
            (50 * hour, true, 100 * hour, .doneInTime),
        ] as [(TimeInterval?, Bool, TimeInterval, ReturnHomeInterviewStatus)])
    func interviewStatusAgainstTheSeventyTwoHours(
        completedAfter: TimeInterval?, declined: Bool, nowAfter: TimeInterval,
        expected: ReturnHomeInterviewStatus
    ) {
        let interview = ReturnHomeInterview(
            completedAt: completedAfter.map { Self.returned.addingTimeInterval($0) }, declined: declined)
        #expect(
            interview.status(returnedAt: Self.returned, now: Self.returned.addingTimeInterval(nowAfter)) == expected)
    }

    @Test func aChildStillMissingHasNoInterviewDue() {
        let episode = MissingEpisode(kind: .missingFromCare, startedAt: Self.returned)
        let muchLater = Self.returned.addingTimeInterval(400 * Self.hour)
        #expect(episode.interviewStatus(at: muchLater) == .notDueYet)
        #expect(episode.interviewDueBy == nil)
        #expect(episode.isMissing(at: muchLater))
        #expect(!episode.isMissing(at: Self.returned.addingTimeInterval(-Self.minute)))
        // A return recorded for later than now is not yet a return.
        let interview = ReturnHomeInterview()
        #expect(interview.status(returnedAt: muchLater, now: Self.returned) == .notDueYet)
    }

    @Test func dueByIsExactlySeventyTwoHoursEvenAcrossTheClocksChanging() {
        // Back on Friday 27 March 2026 at 18:00 GMT; the clocks go forward on Sunday 29 March.
        let friday = Self.noon("2026-03-27").addingTimeInterval(6 * Self.hour)
        let due = ReturnHomeInterview.dueBy(returnedAt: friday)
        #expect(due.timeIntervalSince(friday) == 259_200)
        #expect(SimpleDate(due) == Self.day("2026-03-30"))
        let episode = MissingEpisode(
            kind: .missingFromHome, startedAt: friday.addingTimeInterval(-10 * Self.hour), returnedAt: friday)
        #expect(episode.interviewDueBy == due)
        #expect(!episode.isMissing(at: friday))
    }

    @Test func anOfferAfterSeventyTwoHoursIsLate() {
        let inTime = ReturnHomeInterview(offeredAt: Self.returned.addingTimeInterval(72 * Self.hour), declined: true)
        let late = ReturnHomeInterview(offeredAt: Self.returned.addingTimeInterval(73 * Self.hour), declined: true)
        #expect(inTime.wasOfferedInTime(returnedAt: Self.returned) == true)
        #expect(late.wasOfferedInTime(returnedAt: Self.returned) == false)
        #expect(ReturnHomeInterview().wasOfferedInTime(returnedAt: Self.returned) == nil)
    }

    @Test func statusesNeedingActionAndDisplayNames() {
        #expect(ReturnHomeInterviewStatus.allCases.filter(\.needsAction) == [.due, .overdue])
        #expect(ReturnHomeInterviewStatus.doneInTime.rawValue == "done-in-time")
        #expect(MissingEpisodeKind.missingFromCare.displayName == "Missing from care")
        #expect(MissingWhereFound.allCases.count == 8)
        #expect(Set(MissingWhereFound.allCases.map(\.displayName)).count == 8)
    }

    // MARK: Repeat missing

    @Test(arguments: [
        // (days after 1 January 2026 each episode started, assessed on day, repeat?, episodes counting)
        ([0, 45], 50, false, 0),
        ([0, 45, 80], 80, true, 3),
        ([0, 45, 90], 90, true, 3),
        ([0, 45, 91], 91, false, 0),
        ([0, 45, 91], 95, false, 0),
        ([0, 10, 20], 90, true, 3),
        ([0, 10, 20], 91, false, 0),
        ([0, 10, 20, 30], 25, true, 3),
        ([0, 1, 2, 3, 200], 200, false, 0),
        ([0, 0, 0], 0, true, 3),
    ])
    func repeatMissingIsThreeWithinNinetyDays(offsets: [Int], on: Int, expected: Bool, counting: Int) {
        let start = Self.day("2026-01-01")
        let starts = offsets.map { Self.noon(start.adding(days: $0).iso) }
        let result = RepeatMissingRule.standard.assess(episodeStarts: starts, on: start.adding(days: on))
        #expect(result.isRepeatMissing == expected)
        #expect(result.countingEpisodeIndices.count == counting)
    }

    @Test func countingEpisodesAreNamedByPositionEarliestFirst() {
        let starts = ["2026-03-01", "2025-06-01", "2026-02-10", "2026-01-20"].map(Self.noon)
        let result = RepeatMissingRule.standard.assess(episodeStarts: starts, on: Self.day("2026-03-05"))
        #expect(result.isRepeatMissing)
        #expect(result.countingEpisodeIndices == [3, 2, 0])
        #expect(result.episodesInLast12Months == 4)
        let nextYear = RepeatMissingRule.standard.assess(episodeStarts: starts, on: Self.day("2026-06-01"))
        // 1 June 2025 is exactly 12 months before, so no longer "in the last 12 months".
        #expect(nextYear.episodesInLast12Months == 3)
        #expect(!nextYear.isRepeatMissing)
    }

    @Test func aPartnershipCanSetItsOwnRule() throws {
        let twoInThirty = try #require(RepeatMissingRule(minimumEpisodes: 2, withinDays: 30))
        let starts = ["2026-01-01", "2026-01-31"].map(Self.noon)
        #expect(twoInThirty.assess(episodeStarts: starts, on: Self.day("2026-01-31")).isRepeatMissing)
        #expect(!RepeatMissingRule.standard.assess(episodeStarts: starts, on: Self.day("2026-01-31")).isRepeatMissing)
        #expect(RepeatMissingRule(minimumEpisodes: 1) == nil)
        #expect(RepeatMissingRule(withinDays: 0) == nil)
        let decoded = try JSONDecoder().decode(RepeatMissingRule.self, from: Data(#"{"withinDays": 60}"#.utf8))
        #expect(decoded.minimumEpisodes == 3 && decoded.withinDays == 60)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RepeatMissingRule.self, from: Data(#"{"minimumEpisodes": 1}"#.utf8))
        }
    }

    @Test func repeatMissingDuringAPeriodLooksAtEveryDayOfIt() {
        let rule = RepeatMissingRule.standard
        let april = Self.day("2026-04-01")...Self.day("2026-04-30")
        // Three episodes in March: still within 90 days on 1 April.
        let march = ["2026-03-01", "2026-03-10", "2026-03-20"].map(Self.noon)
        #expect(rule.assess(episodeStarts: march, during: april).isRepeatMissing)
        // A cluster the previous autumn has run out by April.
        let autumn = ["2025-10-01", "2025-10-10", "2025-10-20"].map(Self.noon)
        #expect(!rule.assess(episodeStarts: autumn, during: april).isRepeatMissing)
        // Two in January and one in late April: January 1 is 115 days before April 25, too far.
        let spread = ["2026-01-01", "2026-01-20", "2026-04-25"].map(Self.noon)
        #expect(!rule.assess(episodeStarts: spread, during: april).isRepeatMissing)
        // February, early April and the end of April: within 90 days on 30 April, all three named.
        let inMonth = ["2026-02-15", "2026-04-02", "2026-04-30"].map(Self.noon)
        let result = rule.assess(episodeStarts: inMonth, during: april)
        #expect(result.isRepeatMissing && result.countingEpisodeIndices == [0, 1, 2])
        // Episodes after the period do not make a child repeat missing in it.
        let after = ["2026-04-20", "2026-05-02", "2026-05-03"].map(Self.noon)
        #expect(!rule.assess(episodeStarts: after, during: april).isRepeatMissing)
    }
}
