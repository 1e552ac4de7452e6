import Testing

@testable import SafeguardCore

struct SeriousIncidentClockTests {
    static let calendar = WorkingCalendar.englandAndWales
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }

    @Test func fiveWorkingDaysToNotifyAndFifteenToTheRapidReview() throws {
        // Aware on Thursday 17 December 2026: Christmas Day and Boxing Day (moved to Monday 28th) are not working days.
        let clock = try SeriousIncidentClock(
            awareOn: Self.day(2026, 12, 17), notifiedOn: Self.day(2026, 12, 22), calendar: Self.calendar)
        #expect(clock.notificationDue == Self.day(2026, 12, 24))
        #expect(clock.rapidReviewDue == Self.day(2027, 1, 15))
        #expect(
            try SeriousIncidentClock(awareOn: Self.day(2026, 3, 2), notifiedOn: nil, calendar: Self.calendar)
                .rapidReviewDue == nil)
    }

    @Test func aStepIsGreenThenAmberThenRedAndADoneStepIsNotRated() {
        let due = Self.day(2026, 3, 9)
        #expect(
            SeriousIncidentClock.standing(due: due, doneOn: nil, today: Self.day(2026, 3, 2), calendar: Self.calendar)
                .rag == .green)
        #expect(
            SeriousIncidentClock.standing(due: due, doneOn: nil, today: Self.day(2026, 3, 6), calendar: Self.calendar)
                .rag == .amber)
        #expect(
            SeriousIncidentClock.standing(due: due, doneOn: nil, today: Self.day(2026, 3, 9), calendar: Self.calendar)
                == .due(workingDaysLeft: 0))
        #expect(
            SeriousIncidentClock.standing(due: due, doneOn: nil, today: Self.day(2026, 3, 11), calendar: Self.calendar)
                == .overdue(workingDays: 2))
        #expect(
            SeriousIncidentClock.standing(
                due: due, doneOn: Self.day(2026, 3, 10), today: Self.day(2026, 3, 11), calendar: Self.calendar)
                == .done(onTime: false))
    }

    @Test func aLateStepMustSayWhy() {
        let due = Self.day(2026, 3, 9)
        #expect(SeriousIncidentClock.latenessProblem(due: due, doneOn: Self.day(2026, 3, 9), reason: "") == nil)
        #expect(
            SeriousIncidentClock.latenessProblem(due: due, doneOn: Self.day(2026, 3, 10), reason: "late")?.contains(
                "say why it was late") == true)
        #expect(
            SeriousIncidentClock.latenessProblem(
                due: due, doneOn: Self.day(2026, 3, 10), reason: "Police summary arrived after the deadline") == nil)
    }
}
