import Foundation

/// Working hours: clocks measured in hours of the working day, such as MASH RAG deadlines, and the
/// end-of-day deadline of a decision due within `n` working days.
///
/// Everything is computed on the local wall clock (via `Calendar` in `timeZone`) and never by adding
/// 3600-second chunks across days: over the last Sunday of March the real gap between Friday 16:00
/// and Monday 09:00 is an hour shorter than usual, yet the working time between them is the same.
extension WorkingCalendar {
    /// A point on the working clock: a working day (as a day number) and the seconds since it opened,
    /// from 0 (opening) to `workdayLength` (closing).
    struct WorkingPosition: Equatable {
        var day: Int
        var offset: TimeInterval
    }

    /// Seconds in one working day (8 hours = 28 800 by default).
    var workdayLength: TimeInterval {
        TimeInterval(workdayEnd.secondsSinceMidnight - workdayStart.secondsSinceMidnight)
    }

    // MARK: - Public API

    /// The moment `hours` working hours after `instant`. Raised outside working hours (before
    /// opening, at or after closing, or on a non-working day), counting starts at the next opening.
    /// A deadline landing exactly on closing time stays at closing time rather than moving to the
    /// next morning. E.g. red (4 h) raised 15:30 on a Friday → 11:30 on the next working day.
    public func deadline(addingWorkingHours hours: Int, to instant: Date) throws(WorkingCalendarError) -> Date {
        guard hours >= 0 else { throw .negativeCount(hours) }
        return try deadline(addingWorkingSeconds: TimeInterval(hours) * 3600, to: instant)
    }

    /// Working hours elapsed between two instants: only time inside working hours on working days
    /// counts. Negative when `end` is before `start`, so `workingHours(from: deadline, to: now)`
    /// is how overdue something is (positive) or how long is left (negative).
    public func workingHours(from start: Date, to end: Date) -> Double {
        if end < start { return -workingHours(from: end, to: start) }
        let a = position(of: start)
        let b = position(of: end)
        // Both positions round forward out of closed time, so a.day <= b.day here.
        if a.day == b.day { return (b.offset - a.offset) / 3600 }
        var fullDays = 0
        var day = nextWorkingDay(after: a.day)
        while day < b.day {
            fullDays += 1
            day = nextWorkingDay(after: day)
        }
        let seconds = (workdayLength - a.offset) + TimeInterval(fullDays) * workdayLength + b.offset
        return seconds / 3600
    }

    /// The decision clock: closing time (17:00 local) on the `n`th working day after day 0, where
    /// day 0 is the day `instant` falls on, or the next working day if it arrives after closing or on
    /// a non-working day. E.g. a referral received Friday 16:00, 1 working day → Monday 17:00;
    /// received Friday 18:00 → Tuesday 17:00; `n == 0` → closing time on day 0.
    public func deadline(addingWorkingDays n: Int, to instant: Date) throws(WorkingCalendarError) -> Date {
        guard n >= 0 else { throw .negativeCount(n) }
        let day = try addingWorkingDays(n, toDayNumber: position(of: instant).day)
        guard day <= SimpleDate.maximumDayNumber else { throw .outOfRange }
        return wallClockInstant(dayNumber: day, secondsSinceMidnight: TimeInterval(workdayEnd.secondsSinceMidnight))
    }

    /// True when `instant` is inside working hours on a working day (opening inclusive, closing exclusive).
    public func isWithinWorkingHours(_ instant: Date) -> Bool {
        let local = wallClock(of: instant)
        let opens = TimeInterval(workdayStart.secondsSinceMidnight)
        let closes = TimeInterval(workdayEnd.secondsSinceMidnight)
        return isWorkingDay(dayNumber: local.day) && local.seconds >= opens && local.seconds < closes
    }

    /// When a working clock started at `instant` actually starts: `instant` itself inside working
    /// hours, otherwise the next opening. Shown to users as "clock started".
    public func workingClockStart(for instant: Date) -> Date {
        self.instant(at: position(of: instant))
    }

    /// Opening time on `date` as an instant (whether or not `date` is a working day).
    public func opening(on date: SimpleDate) -> Date {
        wallClockInstant(
            dayNumber: date.dayNumber, secondsSinceMidnight: TimeInterval(workdayStart.secondsSinceMidnight))
    }

    /// Closing time on `date` as an instant (whether or not `date` is a working day).
    public func closing(on date: SimpleDate) -> Date {
        wallClockInstant(dayNumber: date.dayNumber, secondsSinceMidnight: TimeInterval(workdayEnd.secondsSinceMidnight))
    }

    // MARK: - Internals

    /// Seconds rather than hours so a configured timescale could later be finer than an hour.
    func deadline(addingWorkingSeconds seconds: TimeInterval, to instant: Date) throws(WorkingCalendarError) -> Date {
        var position = position(of: instant)
        var remaining = position.offset + seconds
        // `>` not `>=`: a deadline ending exactly at closing belongs to that day, not the next opening.
        while remaining > workdayLength {
            remaining -= workdayLength
            position.day = nextWorkingDay(after: position.day)
            if position.day > SimpleDate.maximumDayNumber { throw .outOfRange }
        }
        position.offset = remaining
        return self.instant(at: position)
    }

    /// Where `instant` sits on the working clock, rounding forward out of closed time to the next
    /// opening: before opening → that day's opening; at/after closing or on a closed day → the next
    /// working day's opening.
    func position(of instant: Date) -> WorkingPosition {
        let local = wallClock(of: instant)
        let opens = TimeInterval(workdayStart.secondsSinceMidnight)
        let closes = TimeInterval(workdayEnd.secondsSinceMidnight)
        guard isWorkingDay(dayNumber: local.day), local.seconds < closes else {
            return WorkingPosition(day: nextWorkingDay(after: local.day), offset: 0)
        }
        return WorkingPosition(day: local.day, offset: max(0, local.seconds - opens))
    }

    /// The instant of a working-clock position.
    func instant(at position: WorkingPosition) -> Date {
        wallClockInstant(
            dayNumber: position.day,
            secondsSinceMidnight: TimeInterval(workdayStart.secondsSinceMidnight) + position.offset)
    }

    /// The local day (as a day number) and wall-clock seconds since local midnight of `instant`.
    func wallClock(of instant: Date) -> (day: Int, seconds: TimeInterval) {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: instant)
        let day = SimpleDate.dayNumber(year: c.year!, month: c.month!, day: c.day!)
        let whole = c.hour! * 3600 + c.minute! * 60 + c.second!
        return (day, TimeInterval(whole) + TimeInterval(c.nanosecond ?? 0) / 1_000_000_000)
    }

    /// The instant at a local wall-clock time. Whole seconds go through `Calendar` (which knows the
    /// zone's offset on that date); any fraction is added afterwards, as no clock change happens
    /// inside a second.
    func wallClockInstant(dayNumber: Int, secondsSinceMidnight: TimeInterval) -> Date {
        let civil = SimpleDate.civil(fromDayNumber: dayNumber)
        let whole = Int(secondsSinceMidnight.rounded(.down))
        var components = DateComponents()
        components.year = civil.year
        components.month = civil.month
        components.day = civil.day
        components.hour = whole / 3600
        components.minute = whole % 3600 / 60
        components.second = whole % 60
        guard let base = calendar.date(from: components) else {
            preconditionFailure("No instant for \(civil) at \(whole)s in \(timeZone.identifier)")
        }
        return base.addingTimeInterval(secondsSinceMidnight - TimeInterval(whole))
    }
}
