import Foundation
import SafeguardCore

/// The site's formats for times, written once: every page, e-mail and CSV says a moment the same way.
enum SiteFormat {
    /// "3 March 2026, 2:15pm", GOV.UK style, in UK time: the one date-time style of every page and message.
    static func dateTime(_ d: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let c = calendar.dateComponents([.hour, .minute], from: d)
        return SimpleDate(d).longText + ", " + (ClockTime(hour: c.hour ?? 0, minute: c.minute ?? 0)?.spoken ?? "")
    }

    /// "3 hours ago", "2 days ago": how long a referral has waited.
    static func age(from: Date, to: Date) -> String {
        let minutes = Int(to.timeIntervalSince(from) / 60)
        if minutes < 60 { return minutes <= 1 ? "just now" : "\(minutes) minutes ago" }
        let hours = minutes / 60
        if hours < 48 { return hours == 1 ? "1 hour ago" : "\(hours) hours ago" }
        return "\(hours / 24) days ago"
    }
}
