/// When the platform chases late work by itself (an action from a review past its due date, an agency's summary
/// past its day): as soon as it falls overdue, then every few working days while it stays so, counting from the
/// last reminder, whether the business unit sent it by hand or the platform did. Nobody is reminded twice in a
/// day, and nobody about work that is not yet late.
public enum OverdueReminder {
    /// Working days between one reminder and the next about the same late work.
    public static let everyWorkingDays = 5

    public static func isDue(
        due: SimpleDate, lastReminded: SimpleDate?, today: SimpleDate, calendar: WorkingCalendar,
        every interval: Int = everyWorkingDays
    ) -> Bool {
        guard today > due else { return false }
        // A reminder sent before it fell overdue was about a deadline still to come: the first overdue one still goes.
        guard let last = lastReminded, last > due else { return true }
        return calendar.workingDays(from: last, to: today) >= interval
    }
}
