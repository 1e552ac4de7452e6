import Foundation

/// The working-time calendar that statutory clocks run on: which days are working days, and which
/// hours of them count, for deadlines such as "decide within 1 working day", "assess within 45
/// working days" or a MASH red rating of 4 working hours.
///
/// A working day is Monday to Friday, minus bank holidays (shipped as data, see
/// `englandAndWales`) and any closure days the partnership adds. Working hours are
/// `workdayStart`–`workdayEnd` local wall-clock time in `timeZone` (09:00–17:00 Europe/London).
///
/// Conventions, chosen so that every clock is reproducible and the two counting functions agree:
/// - **Day 0** is the day something is received. Received on a non-working day, it is treated as
///   received on the next working day, which becomes day 0 (a Saturday referral is a Monday one).
/// - `addingWorkingDays(n, to: d)` is the date `n` working days after day 0, so
///   `workingDays(from: d, to: addingWorkingDays(n, to: d)) == n` for every `d` and `n ≥ 0`.
/// - Counts below zero throw `WorkingCalendarError.negativeCount` rather than trap.
/// - Dates after the last year of bank-holiday data count only weekends as closed: see
///   `bankHolidayYears` to warn when a deadline runs past it.
public struct WorkingCalendar: Sendable {
    /// Public holidays by date, with their names (e.g. "Easter Monday").
    public let bankHolidays: [SimpleDate: String]
    /// Days the partnership itself is closed, with a reason (e.g. a council closure day).
    public let closures: [SimpleDate: String]
    /// When each working day opens, local wall-clock time.
    public let workdayStart: ClockTime
    /// When each working day closes, local wall-clock time.
    public let workdayEnd: ClockTime
    /// The zone the wall-clock hours are in; England uses Europe/London (GMT/BST).
    public let timeZone: TimeZone

    /// Day numbers of every holiday and closure, for a cheap lookup in day-by-day loops.
    let closedDayNumbers: Set<Int>
    /// A Gregorian calendar in `timeZone`; all instant ↔ wall-clock conversion goes through it.
    let calendar: Calendar

    /// Europe/London: the clocks of English safeguarding partnerships.
    public static let london = TimeZone(identifier: "Europe/London")!

    /// Builds a calendar; throws `.invalidWorkingHours` unless the day opens before it closes.
    public init(
        holidays: [SimpleDate: String],
        extraClosures: [SimpleDate: String] = [:],
        workdayStart: ClockTime = .nine,
        workdayEnd: ClockTime = .seventeen,
        timeZone: TimeZone = WorkingCalendar.london
    ) throws(WorkingCalendarError) {
        guard workdayStart < workdayEnd else {
            throw .invalidWorkingHours(start: workdayStart, end: workdayEnd)
        }
        self.init(
            validatedHolidays: holidays, closures: extraClosures,
            workdayStart: workdayStart, workdayEnd: workdayEnd, timeZone: timeZone)
    }

    /// The checks are already done; shared by `init` and `adding(closures:)`.
    private init(
        validatedHolidays holidays: [SimpleDate: String], closures: [SimpleDate: String],
        workdayStart: ClockTime, workdayEnd: ClockTime, timeZone: TimeZone
    ) {
        bankHolidays = holidays
        self.closures = closures
        self.workdayStart = workdayStart
        self.workdayEnd = workdayEnd
        self.timeZone = timeZone
        closedDayNumbers = Set(holidays.keys.map(\.dayNumber)).union(closures.keys.map(\.dayNumber))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The same calendar with more closure days (a partnership's own closures). A date already
    /// closed keeps its existing reason as well as the new one.
    public func adding(closures extra: [SimpleDate: String]) -> WorkingCalendar {
        let merged = closures.merging(extra) { old, new in old == new ? old : "\(old); \(new)" }
        return WorkingCalendar(
            validatedHolidays: bankHolidays, closures: merged,
            workdayStart: workdayStart, workdayEnd: workdayEnd, timeZone: timeZone)
    }

    /// The first and last years the bank-holiday data covers, nil with none. Deadlines past the
    /// last year treat only weekends and closures as non-working, so callers may want to warn.
    public var bankHolidayYears: ClosedRange<Int>? {
        guard let first = bankHolidays.keys.min(), let last = bankHolidays.keys.max() else { return nil }
        return first.year...last.year
    }

    // MARK: - Working days

    /// Monday to Friday and neither a bank holiday nor a partnership closure.
    public func isWorkingDay(_ date: SimpleDate) -> Bool {
        isWorkingDay(dayNumber: date.dayNumber)
    }

    /// Why a date is not a working day: the holiday or closure name, "Saturday" or "Sunday";
    /// nil for a working day. A closure on a weekend still reports the closure.
    public func nonWorkingReason(_ date: SimpleDate) -> String? {
        if let closure = closures[date] { return closure }
        if let holiday = bankHolidays[date] { return holiday }
        switch date.isoWeekday {
        case 6: return "Saturday"
        case 7: return "Sunday"
        default: return nil
        }
    }

    /// The date `n` working days after day 0, where day 0 is `date` if it is a working day and
    /// otherwise the next working day. `n == 0` therefore gives the first working day on or after
    /// `date`. E.g. 45 working days from a referral, 15 from a strategy discussion.
    public func addingWorkingDays(_ n: Int, to date: SimpleDate) throws(WorkingCalendarError) -> SimpleDate {
        guard n >= 0 else { throw .negativeCount(n) }
        let day = try addingWorkingDays(n, toDayNumber: date.dayNumber)
        guard let result = SimpleDate(dayNumber: day) else { throw .outOfRange }
        return result
    }

    /// Working days elapsed from `start` to `end`: the working days after day 0 (see the type's
    /// conventions) up to and including `end`. Same day or a weekend in between → 0; Friday to
    /// the following Monday → 1. When `end` is before `start` the answer is the negative of the
    /// reverse count, so a deadline in the past gives "working days overdue" directly.
    public func workingDays(from start: SimpleDate, to end: SimpleDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        let last = end.dayNumber
        var day = firstWorkingDay(onOrAfter: start.dayNumber) + 1
        var count = 0
        while day <= last {
            if isWorkingDay(dayNumber: day) { count += 1 }
            day += 1
        }
        return count
    }

    // MARK: - Day-number internals (shared with the working-hours extension)

    func isWorkingDay(dayNumber: Int) -> Bool {
        SimpleDate.isoWeekday(dayNumber: dayNumber) <= 5 && !closedDayNumbers.contains(dayNumber)
    }

    /// Always terminates: closures are finite, so some weekday after them is open.
    func firstWorkingDay(onOrAfter dayNumber: Int) -> Int {
        var day = dayNumber
        while !isWorkingDay(dayNumber: day) { day += 1 }
        return day
    }

    func nextWorkingDay(after dayNumber: Int) -> Int {
        firstWorkingDay(onOrAfter: dayNumber + 1)
    }

    /// Steps one working day at a time; stops with `.outOfRange` past year 2200 so an absurd `n`
    /// cannot spin for long.
    func addingWorkingDays(_ n: Int, toDayNumber start: Int) throws(WorkingCalendarError) -> Int {
        var day = firstWorkingDay(onOrAfter: start)
        var remaining = n
        while remaining > 0 {
            day = nextWorkingDay(after: day)
            remaining -= 1
            if day > SimpleDate.maximumDayNumber { throw .outOfRange }
        }
        return day
    }
}
