import Foundation

/// A wall-clock time of day with minute precision, such as the 09:00 opening of a working day.
///
/// Kept separate from `Date` because opening hours are local wall-clock times: 09:00 is 09:00 in
/// both GMT and BST, and an offset in seconds from midnight UTC would move with the clocks.
/// Encoded as the text `"HH:MM"` so partnership configuration reads naturally.
public struct ClockTime: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// Fails unless `hour` is 0–23 and `minute` 0–59.
    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (24-hour clock), e.g. `"09:00"` or `"17:30"`.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// 09:00, when the statutory working day opens.
    public static let nine = ClockTime(hour: 9)!
    /// 17:00, when it closes.
    public static let seventeen = ClockTime(hour: 17)!

    /// Seconds from local midnight on the wall clock.
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 }

    public var description: String { String(format: "%02d:%02d", hour, minute) }

    /// The time as GOV.UK writes it for people: "9:30am", "12:45pm", "midday", "midnight".
    public var spoken: String {
        if minute == 0 && hour == 12 { return "midday" }
        if minute == 0 && hour == 0 { return "midnight" }
        let h = hour % 12 == 0 ? 12 : hour % 12
        return "\(h):\(String(format: "%02d", minute))\(hour < 12 ? "am" : "pm")"
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool {
        (a.hour, a.minute) < (b.hour, b.minute)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = ClockTime(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "Expected a time as HH:MM, got \"\(text)\""))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
