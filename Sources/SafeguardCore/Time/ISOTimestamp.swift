import Foundation

/// A moment sent as ISO 8601 text by a partner system or an import, read strictly: every field
/// in range, the day real in its month, and an offset a real zone can have. The lenient system
/// reader turned 31 February into 3 March and `T24:00` into the next day without a word.
public enum ISOTimestamp {
    /// `YYYY-MM-DDTHH:MM[:SS[.fff]]` then `Z` or `±HH:MM`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[k]) else { return nil }
                value = value * 10 + Int(b[k] - UInt8(ascii: "0"))
            }
            i += digits
            return value
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            SimpleDate(year: year, month: month, day: day) != nil, expect("T") || expect("t"),
            let hour = number(2), hour < 24, expect(":"), let minute = number(2), minute < 60
        else { return nil }
        var seconds = 0.0
        if expect(":") {
            guard let s = number(2), s < 60 else { return nil }
            seconds = Double(s)
            if expect(".") || expect(",") {
                let start = i
                while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
                guard i > start, i - start <= 9,
                    let fraction = Double("0." + String(decoding: b[start..<i], as: UTF8.self))
                else { return nil }
                seconds += fraction
            }
        }
        var offsetMinutes = 0
        if expect("Z") || expect("z") {
            offsetMinutes = 0
        } else {
            guard i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(2), expect(":"), let om = number(2), oh <= 14, om < 60, oh * 60 + om <= 14 * 60 else {
                return nil
            }
            offsetMinutes = sign * (oh * 60 + om)
        }
        guard i == b.count else { return nil }
        let days = SimpleDate.dayNumber(year: year, month: month, day: day)
        let secondsOfDay = Double(hour * 3600 + minute * 60) + seconds
        return Date(timeIntervalSince1970: Double(days) * 86_400 + secondsOfDay - Double(offsetMinutes * 60))
    }
}
