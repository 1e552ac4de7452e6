import Foundation

/// Day arithmetic on `SimpleDate` for the working-time calendar.
///
/// Done with integer day numbers rather than Foundation's `Calendar` because a calendar date has
/// no time zone: stepping "one day" must never be able to land on 23 or 25 hours, and pure
/// integer maths is fast enough to count working days one by one over years.
extension SimpleDate {
    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil algorithm, proleptic Gregorian).
    public var dayNumber: Int {
        SimpleDate.dayNumber(year: year, month: month, day: day)
    }

    /// The date `dayNumber` days after 1970-01-01; nil outside the years `SimpleDate` accepts.
    public init?(dayNumber: Int) {
        let c = SimpleDate.civil(fromDayNumber: dayNumber)
        self.init(year: c.year, month: c.month, day: c.day)
    }

    /// The date `days` later (earlier when negative).
    /// Traps outside 1800–2200, the range `SimpleDate` accepts: no safeguarding date is near it.
    public func adding(days: Int) -> SimpleDate {
        guard let result = SimpleDate(dayNumber: dayNumber + days) else {
            preconditionFailure("\(self) + \(days) days is outside the years SimpleDate accepts")
        }
        return result
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: SimpleDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        SimpleDate.isoWeekday(dayNumber: dayNumber)
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool {
        isoWeekday >= 6
    }

    // MARK: - Day-number helpers shared with WorkingCalendar

    /// Works on any year (no range check) so instants far from today still convert.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDayNumber n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1970-01-01 was a Thursday (ISO 4); the double modulo keeps dates before 1970 positive.
    static func isoWeekday(dayNumber n: Int) -> Int {
        ((n + 3) % 7 + 7) % 7 + 1
    }

    /// The last day number `SimpleDate` can represent, so loops over days know when to stop.
    static let maximumDayNumber = dayNumber(year: 2200, month: 12, day: 31)
}
