import Foundation

/// Why a working-time calculation or calendar set-up was refused.
///
/// Deadlines feed statutory timescales, so bad input is refused loudly rather than clamped: a
/// negative count silently treated as zero would produce a deadline that looks plausible and is wrong.
public enum WorkingCalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A number of working days or hours below zero; deadlines only run forwards.
    case negativeCount(Int)
    /// The answer would fall outside the years `SimpleDate` represents (1800–2200).
    case outOfRange
    /// The working day must open before it closes.
    case invalidWorkingHours(start: ClockTime, end: ClockTime)
    /// A bank-holiday file that is not the expected JSON (the reason says what is wrong).
    case invalidHolidayFile(String)

    public var description: String {
        switch self {
        case .negativeCount(let n):
            "A number of working days or hours must be zero or more, not \(n)"
        case .outOfRange:
            "The date is outside the years 1800–2200"
        case .invalidWorkingHours(let start, let end):
            "The working day must open before it closes (opens \(start), closes \(end))"
        case .invalidHolidayFile(let reason):
            "The bank holiday file could not be read: \(reason)"
        }
    }
}
