import Foundation
import Testing

@testable import SafeguardCore

/// Builds test dates: `d("2026-04-03")`.
private func d(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

/// An instant from local wall-clock time in `zone` (Europe/London unless told).
private func at(_ iso: String, _ hour: Int, _ minute: Int = 0, zone: String = "Europe/London") -> Date {
    let day = d(iso)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone)!
    return calendar.date(
        from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
}

/// An instant in UTC, to pin the absolute moment as well as the London wall clock.
private func utc(_ iso: String, _ hour: Int, _ minute: Int = 0) -> Date { at(iso, hour, minute, zone: "UTC") }

/// Easter Sunday by the anonymous Gregorian computus, written independently of the data file.
private func easterSunday(_ y: Int) -> SimpleDate {
    let a = y % 19
    let b = y / 100
    let c = y % 100
    let dd = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - dd - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    return SimpleDate(year: y, month: (h + l - 7 * m + 114) / 31, day: (h + l - 7 * m + 114) % 31 + 1)!
}

struct BankHolidayDataTests {
    let calendar = WorkingCalendar.englandAndWales

    /// Checked by hand against GOV.UK, including every substitute day and one-off holiday.
    @Test(arguments: [
        "2018-05-07", "2018-12-26", "2019-08-26",
        "2020-05-08",  // early May moved to Friday for VE Day 75
        "2020-12-28",  // Boxing Day substitute (26th a Saturday)
        "2021-12-27", "2021-12-28",  // Christmas on Saturday: both substitutes
        "2022-01-03",  // New Year's Day substitute (1st a Saturday)
        "2022-06-02", "2022-06-03",  // Spring holiday moved + Platinum Jubilee
        "2022-09-19",  // State Funeral of Queen Elizabeth II
        "2022-12-26", "2022-12-27", "2023-01-02",  // Christmas and New Year on Sundays
        "2023-05-01", "2023-05-08",  // early May + Coronation of King Charles III
        "2024-03-29", "2024-04-01", "2025-08-25",
        "2026-04-03", "2026-04-06", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-12-27", "2027-12-28", "2028-01-03", "2029-03-30", "2030-04-22", "2030-12-26",
    ])
    func knownBankHolidays(_ iso: String) {
        #expect(calendar.bankHolidays[d(iso)] != nil, "\(iso) should be a bank holiday")
        #expect(!calendar.isWorkingDay(d(iso)))
    }

    /// Days that are NOT bank holidays although a naive rule might say so.
    @Test(arguments: [
        "2020-05-04",  // the Monday the VE Day holiday replaced
        "2022-05-30",  // the last Monday of May 2022, moved to 2 June
        "2018-05-21",  // no holiday for the 2018 royal wedding (a Saturday anyway: 19 May)
        "2024-12-27", "2025-12-29", "2026-01-02",
    ])
    func notBankHolidays(_ iso: String) {
        #expect(calendar.bankHolidays[d(iso)] == nil)
        #expect(calendar.isWorkingDay(d(iso)))
    }

    @Test func noBankHolidayFallsOnAWeekend() {
        let weekend = calendar.bankHolidays.keys.filter(\.isWeekend).sorted()
        #expect(weekend.isEmpty, "weekend dates in the data: \(weekend)")
    }

    @Test func coversEveryYearFrom2018To2030() {
        #expect(calendar.bankHolidayYears == 2018...2030)
        let byYear = Dictionary(grouping: calendar.bankHolidays.keys, by: \.year).mapValues(\.count)
        for year in 2018...2030 {
            let expected = year == 2022 ? 10 : year == 2023 ? 9 : 8
            #expect(byYear[year] == expected, "\(year) has \(byYear[year] ?? 0) bank holidays")
        }
        #expect(calendar.bankHolidays.count == 107)
    }

    @Test(arguments: 2018...2030)
    func easterFollowsTheComputus(_ year: Int) {
        let easter = easterSunday(year)
        #expect(calendar.bankHolidays[easter.adding(days: -2)] == "Good Friday")
        #expect(calendar.bankHolidays[easter.adding(days: 1)] == "Easter Monday")
    }

    @Test func easter2026() throws {
        #expect(easterSunday(2026) == d("2026-04-05"))
        #expect(calendar.nonWorkingReason(d("2026-04-03")) == "Good Friday")
        #expect(calendar.nonWorkingReason(d("2026-04-06")) == "Easter Monday")
        #expect(calendar.isWorkingDay(d("2026-04-02")) && calendar.isWorkingDay(d("2026-04-07")))
        #expect(try calendar.addingWorkingDays(1, to: d("2026-04-02")) == d("2026-04-07"))
    }

    @Test func decodesTheGovUKDivisionShapeAndRefusesBadDates() throws {
        let govUK =
            #"{"division":"england-and-wales","events":[{"title":"Christmas Day","date":"2031-12-25","notes":"","bunting":true}]}"#
        let file = try BankHolidayFile.decode(Data(govUK.utf8))
        #expect(try file.holidays() == [d("2031-12-25"): "Christmas Day"])
        let bad = #"{"division":"england-and-wales","events":[{"title":"Nope","date":"2031-02-30"}]}"#
        #expect(throws: WorkingCalendarError.self) { try BankHolidayFile.decode(Data(bad.utf8)) }
        #expect(throws: WorkingCalendarError.self) { try BankHolidayFile.decode(Data("[]".utf8)) }
    }
}

struct WorkingDayTests {
    let calendar = WorkingCalendar.englandAndWales

    @Test(arguments: [
        ("2025-06-14", false), ("2025-06-15", false), ("2025-06-16", true), ("2025-06-20", true),
        ("2025-12-25", false), ("2025-12-26", false), ("2025-12-29", true), ("2026-01-01", false),
    ])
    func weekendsAndHolidays(_ iso: String, _ working: Bool) {
        #expect(calendar.isWorkingDay(d(iso)) == working)
    }

    @Test(arguments: [
        ("2025-12-23", 3, "2025-12-30"),  // skips Christmas, Boxing Day and the weekend
        ("2025-12-23", 0, "2025-12-23"),  // day 0 is the same day
        ("2025-12-27", 0, "2025-12-29"),  // from a Saturday, day 0 is the next working day
        ("2025-12-27", 1, "2025-12-30"),
        ("2025-12-31", 1, "2026-01-02"),  // over New Year's Day
        ("2025-09-01", 45, "2025-11-03"),  // child and family assessment: 9 clear weeks
        ("2026-03-24", 15, "2026-04-16"),  // ICPC from strategy discussion, over Easter
        ("2026-05-22", 1, "2026-05-26"),  // Friday, then Spring bank holiday Monday
    ])
    func addingWorkingDays(_ from: String, _ n: Int, _ expected: String) throws {
        #expect(try calendar.addingWorkingDays(n, to: d(from)) == d(expected))
    }

    @Test(arguments: [
        ("2025-12-23", "2025-12-30", 3), ("2026-06-05", "2026-06-08", 1), ("2026-06-06", "2026-06-07", 0),
        ("2026-06-10", "2026-06-10", 0), ("2026-06-08", "2026-06-05", -1), ("2025-09-01", "2025-11-03", 45),
    ])
    func countsWorkingDays(_ from: String, _ to: String, _ expected: Int) {
        #expect(calendar.workingDays(from: d(from), to: d(to)) == expected)
    }

    /// The two functions agree from every kind of start day, including weekends and holidays.
    @Test func addingAndCountingAgree() throws {
        var day = d("2025-12-01")
        while day < d("2026-02-01") {
            for n in [0, 1, 2, 5, 15, 45] {
                let due = try calendar.addingWorkingDays(n, to: day)
                #expect(calendar.isWorkingDay(due))
                #expect(calendar.workingDays(from: day, to: due) == n, "\(day) + \(n)")
            }
            day = day.adding(days: 1)
        }
    }

    @Test func partnershipClosureDay() throws {
        let local = calendar.adding(closures: [d("2025-12-24"): "Council closure day"])
        #expect(!local.isWorkingDay(d("2025-12-24")))
        #expect(local.nonWorkingReason(d("2025-12-24")) == "Council closure day")
        #expect(try local.addingWorkingDays(3, to: d("2025-12-23")) == d("2025-12-31"))
        // The shipped calendar is a value: adding closures leaves it unchanged.
        #expect(calendar.isWorkingDay(d("2025-12-24")))
        let twice = local.adding(closures: [d("2025-12-24"): "Staff training"])
        #expect(twice.nonWorkingReason(d("2025-12-24")) == "Council closure day; Staff training")
    }

    @Test func refusesNegativeCounts() {
        #expect(throws: WorkingCalendarError.negativeCount(-1)) {
            try calendar.addingWorkingDays(-1, to: d("2026-01-05"))
        }
        #expect(throws: WorkingCalendarError.negativeCount(-2)) {
            try calendar.deadline(addingWorkingHours: -2, to: at("2026-01-05", 10))
        }
        #expect(throws: WorkingCalendarError.negativeCount(-3)) {
            try calendar.deadline(addingWorkingDays: -3, to: at("2026-01-05", 10))
        }
        #expect(throws: WorkingCalendarError.negativeCount(-4)) { try RAGTimescales(red: -4) }
        #expect(throws: WorkingCalendarError.outOfRange) {
            try calendar.addingWorkingDays(1_000_000, to: d("2026-01-05"))
        }
    }

    @Test func refusesAWorkingDayThatClosesBeforeItOpens() {
        #expect(throws: WorkingCalendarError.invalidWorkingHours(start: .seventeen, end: .nine)) {
            try WorkingCalendar(holidays: [:], workdayStart: .seventeen, workdayEnd: .nine)
        }
    }

    @Test func dayArithmetic() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("1970-01-01").isoWeekday == 4)
        #expect(d("1969-12-28").isoWeekday == 7)
        #expect(d("2024-02-28").adding(days: 2) == d("2024-03-01"))
        #expect(d("2025-12-23").days(until: d("2026-01-02")) == 10)
        #expect(ClockTime("9:30") == ClockTime(hour: 9, minute: 30) && ClockTime("24:00") == nil)
    }
}

struct WorkingHourTests {
    let calendar = WorkingCalendar.englandAndWales

    @Test(arguments: [
        // (raised day, hour, minute, working hours, due day, hour, minute) — London wall clock
        ("2026-06-05", 15, 30, 4, "2026-06-08", 11, 30),  // Friday 15:30 red → Monday 11:30
        ("2026-05-22", 15, 30, 4, "2026-05-26", 11, 30),  // ... Tuesday when Monday is a bank holiday
        ("2026-06-08", 13, 0, 4, "2026-06-08", 17, 0),  // ends exactly at closing: stays that day
        ("2026-06-08", 7, 45, 4, "2026-06-08", 13, 0),  // raised before opening
        ("2026-06-08", 17, 0, 4, "2026-06-09", 13, 0),  // raised at closing
        ("2026-06-08", 19, 0, 4, "2026-06-09", 13, 0),  // raised in the evening
        ("2026-06-06", 10, 0, 4, "2026-06-08", 13, 0),  // raised on a Saturday
        ("2026-06-05", 16, 0, 0, "2026-06-05", 16, 0),  // zero hours inside hours: now
        ("2026-06-06", 10, 0, 0, "2026-06-08", 9, 0),  // zero hours outside: the next opening
        ("2026-03-02", 9, 0, 72, "2026-03-12", 17, 0),  // green: nine full working days
        ("2025-12-24", 10, 0, 24, "2025-12-31", 10, 0),  // amber over Christmas
    ])
    func deadlines(
        _ raisedDay: String, _ rh: Int, _ rm: Int, _ hours: Int, _ dueDay: String, _ dh: Int, _ dm: Int
    ) throws {
        let raised = at(raisedDay, rh, rm)
        let due = try calendar.deadline(addingWorkingHours: hours, to: raised)
        #expect(due == at(dueDay, dh, dm))
        #expect(calendar.workingHours(from: raised, to: due) == Double(hours))
    }

    @Test func springForwardWeekend() throws {
        // Clocks go forward 01:00 GMT on Sunday 29 March 2026: Friday is GMT, Monday is BST.
        let raised = at("2026-03-27", 16)
        #expect(raised == utc("2026-03-27", 16))
        let due = try calendar.deadline(addingWorkingHours: 4, to: raised)
        #expect(due == at("2026-03-30", 12))
        #expect(due == utc("2026-03-30", 11))
        #expect(calendar.workingHours(from: raised, to: at("2026-03-30", 10)) == 2)
    }

    @Test func fallBackWeekend() throws {
        // Clocks go back 01:00 GMT on Sunday 25 October 2026: Friday is BST, Monday is GMT.
        let raised = at("2026-10-23", 16)
        #expect(raised == utc("2026-10-23", 15))
        let due = try calendar.deadline(addingWorkingHours: 4, to: raised)
        #expect(due == at("2026-10-26", 12))
        #expect(due == utc("2026-10-26", 12))
        #expect(try calendar.deadline(addingWorkingDays: 1, to: raised) == utc("2026-10-26", 17))
    }

    @Test func elapsedWorkingHours() {
        let friday = at("2026-06-05", 14)
        let monday = at("2026-06-08", 11)
        #expect(calendar.workingHours(from: friday, to: monday) == 5)  // 3 on Friday + 2 on Monday
        #expect(calendar.workingHours(from: monday, to: friday) == -5)  // negative: time left
        #expect(calendar.workingHours(from: at("2026-06-06", 8), to: at("2026-06-07", 20)) == 0)
        #expect(calendar.workingHours(from: at("2026-06-08", 16, 30), to: at("2026-06-08", 20)) == 0.5)
        #expect(calendar.workingHours(from: at("2026-06-01", 9), to: at("2026-06-08", 9)) == 40)
        #expect(calendar.workingHours(from: at("2025-12-24", 16), to: at("2025-12-29", 9, 30)) == 1.5)
    }

    @Test(arguments: [
        ("2026-06-05", 16, 1, "2026-06-08"),  // Friday 16:00, 1 working day → Monday 17:00
        ("2026-06-05", 18, 1, "2026-06-09"),  // after closing: day 0 is Monday → Tuesday
        ("2026-06-06", 11, 1, "2026-06-09"),  // Saturday: day 0 is Monday → Tuesday
        ("2026-06-08", 8, 0, "2026-06-08"),  // 0 days: closing time on day 0
        ("2026-05-22", 10, 1, "2026-05-26"),  // over Spring bank holiday
    ])
    func decisionClock(_ day: String, _ hour: Int, _ n: Int, _ dueDay: String) throws {
        #expect(try calendar.deadline(addingWorkingDays: n, to: at(day, hour)) == at(dueDay, 17))
    }

    @Test func clockStartAndOpeningHours() {
        #expect(calendar.isWithinWorkingHours(at("2026-06-08", 9)))
        #expect(!calendar.isWithinWorkingHours(at("2026-06-08", 17)))
        #expect(!calendar.isWithinWorkingHours(at("2026-05-25", 11)))
        #expect(calendar.workingClockStart(for: at("2026-06-05", 17, 30)) == at("2026-06-08", 9))
        #expect(calendar.workingClockStart(for: at("2026-06-05", 10, 15)) == at("2026-06-05", 10, 15))
        #expect(calendar.opening(on: d("2026-07-01")) == utc("2026-07-01", 8))
        #expect(calendar.closing(on: d("2026-01-05")) == utc("2026-01-05", 17))
    }

    @Test func customHoursAndZone() throws {
        let short = try WorkingCalendar(
            holidays: [:], workdayStart: ClockTime(hour: 8, minute: 30)!,
            workdayEnd: ClockTime(hour: 16, minute: 30)!)
        #expect(try short.deadline(addingWorkingHours: 2, to: at("2026-06-05", 15, 30)) == at("2026-06-08", 9, 30))
    }
}

struct RAGTimescaleTests {
    @Test func defaultsAndOverrides() throws {
        let standard = RAGTimescales.standard
        #expect(RAGRating.allCases.map { standard.workingHours(for: $0) } == [4, 24, 72])
        let other = try RAGTimescales(overriding: [.red: 2, .amber: 6, .green: 24])
        #expect([other.red, other.amber, other.green] == [2, 6, 24] as [Int])
        #expect(try RAGTimescales(overriding: [.red: 1]).amber == 24)
    }

    @Test func deadlineForARating() throws {
        let due = try RAGTimescales.standard.deadline(
            for: .red, raisedAt: at("2026-06-05", 15, 30),
            on: .englandAndWales)
        #expect(due == at("2026-06-08", 11, 30))
    }

    @Test func codableWithDefaultsAndValidation() throws {
        let decoded = try JSONDecoder().decode(RAGTimescales.self, from: Data(#"{"red": 2}"#.utf8))
        #expect(decoded == (try RAGTimescales(red: 2)))
        let roundTrip = try JSONDecoder().decode(RAGTimescales.self, from: JSONEncoder().encode(decoded))
        #expect(roundTrip == decoded)
        #expect(throws: WorkingCalendarError.self) {
            try JSONDecoder().decode(RAGTimescales.self, from: Data(#"{"green": -1}"#.utf8))
        }
        #expect(try JSONDecoder().decode(RAGRating.self, from: Data(#""amber""#.utf8)) == .amber)
    }
}

/// A partner's answer is due before the MASH must decide.
struct RequestDeadlineTests {
    @Test func aRequestIsDueNoLaterThanTheDecision() throws {
        let calendar = WorkingCalendar.englandAndWales
        let monday10 = SimpleDate(iso: "2026-03-02")!.at(hour: 10)
        let decision = try calendar.deadline(addingWorkingDays: 1, to: monday10)
        let amber = try RAGTimescales.standard.requestDeadline(
            for: .amber, raisedAt: monday10, decisionDue: decision, on: calendar)
        #expect(amber.due == decision && amber.capped)
        let red = try RAGTimescales.standard.requestDeadline(
            for: .red, raisedAt: monday10, decisionDue: decision, on: calendar)
        #expect(!red.capped && red.due < decision)
        let adult = try RAGTimescales.standard.requestDeadline(
            for: .green, raisedAt: monday10, decisionDue: nil, on: calendar)
        #expect(!adult.capped)
        let late = try RAGTimescales.standard.requestDeadline(
            for: .amber, raisedAt: decision.addingTimeInterval(3600), decisionDue: decision, on: calendar)
        #expect(
            late.capped && late.due == decision.addingTimeInterval(3600),
            "a decision already overdue: due now, never in the past")
    }
}
