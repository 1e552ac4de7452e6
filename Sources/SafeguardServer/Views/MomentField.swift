import Foundation
import SafeguardCore

/// A date and a 24-hour time typed on a form ("<prefix>-day/-month/-year" and "<prefix>-time"),
/// read as a moment in England's time. Missing episodes are timed to the hour: the 72-hour clock
/// for a return home interview starts at the return, not at midnight.
enum MomentField {
    /// `bornOn`, where the moment is in a person's life, refuses a moment before their birth.
    static func read(
        _ fields: [String: String], _ prefix: String, label: String, required: Bool, now: Date,
        bornOn: SimpleDate? = nil, errors: inout FormErrors
    ) -> Date? {
        let time = fields[prefix + "-time"] ?? ""
        let anyDate = ["day", "month", "year"].contains { !(fields["\(prefix)-\($0)"] ?? "").isEmpty }
        if !anyDate && time.isEmpty {
            if required { errors.add(prefix + "-day", "Enter the \(label)") }
            return nil
        }
        guard
            let day = FormDate.read(
                fields, prefix, label: label, required: true, today: SimpleDate(now), errors: &errors)
        else { return nil }
        guard let clock = ClockTime(time) else {
            errors.add(prefix + "-time", "Enter the time of the \(label) on the 24-hour clock, like 21:30")
            return nil
        }
        if let problem = EventDate.problem(with: day, label: label, bornOn: bornOn, today: SimpleDate(now)) {
            errors.add(prefix + "-day", problem)
            return nil
        }
        let moment = day.at(hour: clock.hour, minute: clock.minute)
        if moment > now.addingTimeInterval(300) { errors.add(prefix + "-time", "The \(label) cannot be in the future") }
        return moment
    }

    /// The form fields for a moment, to fill a form back in.
    static func fields(_ date: Date?, _ prefix: String) -> [String: String] {
        guard let date else { return [:] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return [
            "\(prefix)-day": String(c.day!), "\(prefix)-month": String(c.month!), "\(prefix)-year": String(c.year!),
            "\(prefix)-time": String(format: "%02d:%02d", c.hour!, c.minute!),
        ]
    }
}

extension Components {
    /// A date input followed by a time box: the pair ``MomentField`` reads.
    static func momentInput(
        _ prefix: String, legend: String, fields: [String: String], errors: FormErrors, hint: String? = nil
    ) -> Node {
        fragment {
            dateInput(
                prefix, legend: legend, day: fields[prefix + "-day"] ?? "", month: fields[prefix + "-month"] ?? "",
                year: fields[prefix + "-year"] ?? "", errors: errors, hint: hint)
            textInput(
                prefix + "-time", label: "Time", value: fields[prefix + "-time"] ?? "", errors: errors,
                hint: "24-hour clock, for example 21:30", width: "5")
        }
    }
}
