import Foundation
import SafeguardCore

/// Day arithmetic for demo dates. `SimpleDate` has no calendar maths of its own and Foundation's
/// `Calendar` would pull time zones into what must be a pure, reproducible calculation.
enum DemoCalendar {
    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm, proleptic Gregorian).
    static func dayNumber(_ date: SimpleDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func date(fromDayNumber n: Int) -> SimpleDate {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return SimpleDate(year: year, month: month, day: day)!
    }

    static func adding(days: Int, to date: SimpleDate) -> SimpleDate {
        self.date(fromDayNumber: dayNumber(date) + days)
    }

    /// The same day `years` earlier; 29 February falls back to the 28th in common years.
    static func subtracting(years: Int, from date: SimpleDate) -> SimpleDate {
        let year = date.year - years
        let day = min(date.day, SimpleDate.daysIn(month: date.month, year: year))
        return SimpleDate(year: year, month: date.month, day: day)!
    }

    /// A birth date giving exactly `age` whole years on `today`: subtracting fewer than 365 days
    /// from the anniversary can never cross the previous one.
    static func dateOfBirth(age: Int, on today: SimpleDate, random: inout SeededRandom) -> SimpleDate {
        adding(days: -random.below(365), to: subtracting(years: age, from: today))
    }
}
