import Foundation

/// A calendar date with no time or zone: dates of birth, plan start dates, bank holidays.
/// Stored and exchanged as ISO 8601 `YYYY-MM-DD`.
public struct SimpleDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails unless the three numbers name a real day in the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1800...2200).contains(year), (1...12).contains(month),
            (1...SimpleDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date typed in the three boxes of a GOV.UK date input: day, month and a four-digit year, each
    /// possibly with spaces around it. Every form with a date reads it this way.
    public init?(day: String, month: String, year: String) {
        let d = day.trimmingCharacters(in: .whitespaces)
        let m = month.trimmingCharacters(in: .whitespaces)
        let y = year.trimmingCharacters(in: .whitespaces)
        guard y.count == 4, let dd = Int(d), let mm = Int(m), let yy = Int(y) else { return nil }
        self.init(year: yy, month: mm, day: dd)
    }

    /// Parses `YYYY-MM-DD` exactly.
    public init?(iso text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date in the given time zone (England works in Europe/London).
    public init(_ date: Date, in timeZone: TimeZone = TimeZone(identifier: "Europe/London")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    /// Zero-padded by hand: `String(format:)` was a visible cost on pages that list many dates.
    public var iso: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
    public var description: String { iso }

    /// "3 March 2015", the GOV.UK style for dates.
    public var longText: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ]
        return "\(day) \(names[month - 1]) \(year)"
    }

    /// Whole years completed on `today`; a 29 February birthday falls on 1 March in other years.
    public func age(on today: SimpleDate) -> Int {
        var years = today.year - year
        if (today.month, today.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension SimpleDate {
    /// The moment this wall-clock time falls on this day in England, GMT or BST as the clocks say.
    public func at(hour: Int, minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// Midday in England on this day: a moment that is on this date whatever the clocks are doing,
    /// for things known to have happened on a day but not at a time.
    public var noonInLondon: Date { at(hour: 12) }
}
