/// When something happened to a person, as typed: not before they were born, and never so long
/// ago that it must be a slip (a missing episode dated 1 January 1900 for a child born in 2011).
/// Whether it may lie in the future is the caller's rule: a return home interview can be booked
/// ahead, an episode cannot start tomorrow.
public enum EventDate {
    /// The oldest an event may be, in years before today: the oldest person alive.
    public static let oldestYears = 120

    /// What is wrong with `day` as the date of "the `label`", or nil.
    public static func problem(with day: SimpleDate, label: String, bornOn: SimpleDate?, today: SimpleDate) -> String? {
        if let bornOn, day < bornOn { return "The \(label) cannot be before the date of birth, \(bornOn.longText)" }
        if day.year < today.year - oldestYears { return "The \(label) must be after \(today.year - oldestYears)" }
        return nil
    }
}
