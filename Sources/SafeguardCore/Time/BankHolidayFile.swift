import Foundation

/// The bank-holiday data file: `{"division": "england-and-wales", "events": [{"date", "title"}]}`.
///
/// The shape is one division object of GOV.UK's published `bank-holidays.json` (extra keys such as
/// `notes` and `bunting` are ignored), so a newer year can be pasted in from the official source
/// without reformatting.
public struct BankHolidayFile: Codable, Sendable, Equatable {
    /// One holiday: an ISO date and its name.
    public struct Event: Codable, Sendable, Equatable {
        public let date: String
        public let title: String

        public init(date: String, title: String) {
            self.date = date
            self.title = title
        }
    }

    public let division: String
    public let events: [Event]

    public init(division: String, events: [Event]) {
        self.division = division
        self.events = events
    }

    /// Decodes and checks a file: every date must be a real `YYYY-MM-DD`.
    public static func decode(_ data: Data) throws(WorkingCalendarError) -> BankHolidayFile {
        let file: BankHolidayFile
        do {
            file = try JSONDecoder().decode(BankHolidayFile.self, from: data)
        } catch {
            throw .invalidHolidayFile(String(describing: error))
        }
        _ = try file.holidays()
        return file
    }

    /// The holidays by date. Two events on one date (never so far in GOV.UK's data) keep both names,
    /// so neither is silently lost.
    public func holidays() throws(WorkingCalendarError) -> [SimpleDate: String] {
        var result: [SimpleDate: String] = [:]
        for event in events {
            guard let date = SimpleDate(iso: event.date) else {
                throw .invalidHolidayFile("\"\(event.date)\" is not a date (YYYY-MM-DD)")
            }
            result[date] = result[date].map { "\($0); \(event.title)" } ?? event.title
        }
        return result
    }
}
