import Foundation

/// A practitioner's training log: what they attended or completed, oldest first, with hours by
/// level, for their own page and for supervision and appraisal.
public struct TrainingLog: Sendable, Equatable, Codable {
    public var entries: [Entry]
    /// Levels with any training, lowest first.
    public var byLevel: [LevelTotal]

    public var totalMinutes: Int { byLevel.reduce(0) { $0 + $1.minutes } }
    public var totalHours: Double { Double(totalMinutes) / 60 }

    /// One piece of training done.
    public struct Entry: Sendable, Equatable, Codable {
        public var bookingID: UUID
        public var eventID: UUID
        public var courseID: UUID
        public var courseTitle: String
        public var level: TrainingLevel
        public var delivery: TrainingDelivery
        /// The event's date, or when the e-learning was completed.
        public var date: SimpleDate
        public var minutes: Int
        public var isCertificateAvailable: Bool
        /// Done but not evaluated: the page asks them to evaluate to unlock the certificate.
        public var isEvaluationDue: Bool

        public var hours: Double { Double(minutes) / 60 }
    }

    /// Time spent at one level. Minutes are summed, not hours, so 20-minute sessions add up exactly.
    public struct LevelTotal: Sendable, Equatable, Codable {
        public var level: TrainingLevel
        public var minutes: Int

        public var hours: Double { Double(minutes) / 60 }
    }

    /// The log from one person's bookings: only attended and completed ones count. Bookings whose
    /// event or course is not supplied are skipped.
    public init(bookings: [TrainingBooking], events: [TrainingEvent], courses: [TrainingCourse]) {
        let eventsByID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let coursesByID = Dictionary(courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        entries = bookings.compactMap { booking -> Entry? in
            guard booking.status.isAttendance, let event = eventsByID[booking.eventID],
                let course = coursesByID[event.courseID]
            else { return nil }
            return Entry(
                bookingID: booking.id, eventID: event.id, courseID: course.id, courseTitle: course.title,
                level: course.level, delivery: event.delivery, date: booking.completedOn ?? event.date,
                minutes: event.durationMinutes, isCertificateAvailable: booking.isCertificateAvailable,
                isEvaluationDue: booking.isEvaluationDue)
        }
        .sorted { ($0.date, $0.courseTitle) < ($1.date, $1.courseTitle) }
        let minutes = Dictionary(grouping: entries, by: \.level).mapValues { $0.reduce(0) { $0 + $1.minutes } }
        byLevel = TrainingLevel.allCases.compactMap { level in
            minutes[level].map { LevelTotal(level: level, minutes: $0) }
        }
    }
}
