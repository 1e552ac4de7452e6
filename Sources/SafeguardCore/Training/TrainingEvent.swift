import Foundation

/// One running of a course: a face-to-face session at a venue, a live virtual session, or an
/// e-learning module.
///
/// Kept flat (optional fields, with ``delivery`` deciding which apply) so it maps onto one database
/// row; ``problems`` says what a trainer's form is missing before it is saved.
public struct TrainingEvent: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var courseID: UUID
    public var delivery: TrainingDelivery
    /// The day it runs; for e-learning, the day it opens.
    public var date: SimpleDate
    /// Local wall-clock times in England; nil for e-learning.
    public var startTime: ClockTime?
    public var endTime: ClockTime?
    /// Face to face only.
    public var venue: String?
    /// The joining link for virtual events, the module link for e-learning.
    public var link: String?
    /// Places available; nil for e-learning, which anyone may take.
    public var capacity: Int?
    /// How long the e-learning takes, for training logs; scheduled events use their times.
    public var eLearningMinutes: Int?

    public init(
        id: UUID = UUID(), courseID: UUID, delivery: TrainingDelivery, date: SimpleDate,
        startTime: ClockTime? = nil, endTime: ClockTime? = nil, venue: String? = nil, link: String? = nil,
        capacity: Int? = nil, eLearningMinutes: Int? = nil
    ) {
        self.id = id
        self.courseID = courseID
        self.delivery = delivery
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.venue = venue
        self.link = link
        self.capacity = capacity
        self.eLearningMinutes = eLearningMinutes
    }

    /// Everything wrong with the details, in form order; empty when the event can be saved.
    public var problems: [TrainingEventProblem] {
        var found: [TrainingEventProblem] = []
        if delivery == .faceToFace, Self.isBlank(venue) { found.append(.venueMissing) }
        if delivery != .faceToFace, Self.isBlank(link) { found.append(.linkMissing) }
        if delivery.isScheduled {
            if let start = startTime, let end = endTime {
                if end <= start { found.append(.endNotAfterStart) }
            } else {
                found.append(.timesMissing)
            }
            if let capacity {
                if capacity < 1 { found.append(.capacityBelowOne) }
            } else {
                found.append(.capacityMissing)
            }
        } else if (eLearningMinutes ?? 0) < 1 {
            found.append(.eLearningMinutesMissing)
        }
        return found
    }

    /// Length in minutes: the scheduled times, or the e-learning's stated length.
    public var durationMinutes: Int {
        if delivery.isScheduled, let start = startTime, let end = endTime {
            return max(0, (end.secondsSinceMidnight - start.secondsSinceMidnight) / 60)
        }
        return eLearningMinutes ?? 0
    }

    /// The moment it starts, reading the start time on the wall clock in England (so a 09:30 start is
    /// 09:30 in summer and winter); nil for e-learning, which has no start.
    public func startsAt(in timeZone: TimeZone = TimeZone(identifier: "Europe/London")!) -> Date? {
        guard delivery.isScheduled, let startTime else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(
            from: DateComponents(
                year: date.year, month: date.month, day: date.day,
                hour: startTime.hour, minute: startTime.minute))
    }

    static func isBlank(_ text: String?) -> Bool {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Whether a change from `before` alters someone's day: when, where or how to join. Those are
    /// worth a message to everyone booked or waiting; a corrected trainer's name is not.
    public func changesAttendance(from before: TrainingEvent) -> Bool {
        date != before.date || startTime != before.startTime || endTime != before.endTime
            || venue != before.venue || link != before.link
    }
}
