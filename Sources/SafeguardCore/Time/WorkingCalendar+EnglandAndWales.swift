import Foundation

/// The shipped calendar for England and Wales.
extension WorkingCalendar {
    /// Weekends plus the bank holidays of England and Wales from
    /// `Resources/bank-holidays-england-and-wales.json` (2018–2030 with substitute days and the
    /// one-off royal holidays), 09:00–17:00 Europe/London. Partnerships add their own closure days
    /// with `adding(closures:)`.
    public static let englandAndWales: WorkingCalendar = {
        // A missing or broken resource is a packaging fault, not a runtime condition: every
        // statutory deadline depends on it, so fail at first use rather than run without holidays.
        guard
            let url = Bundle.module.url(
                forResource: "bank-holidays-england-and-wales", withExtension: "json",
                subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("Resources/bank-holidays-england-and-wales.json is missing from the SafeguardCore bundle")
        }
        do {
            return try WorkingCalendar(holidays: BankHolidayFile.decode(data).holidays())
        } catch {
            fatalError("Resources/bank-holidays-england-and-wales.json: \(error)")
        }
    }()
}
