import Foundation

extension TrainingReports {
    /// No-shows for one course (or overall, when ``title`` is nil) at scheduled events in the period.
    public struct NoShowRow: Sendable, Equatable, Codable {
        public var courseID: UUID?
        public var title: String?
        public var attended = 0
        public var noShows = 0
        public var lateCancellations = 0
        /// Still "booked" at an event in the period: the register was not taken (or the event is
        /// still to come). Shown so gaps are visible, but outside ``bookedPlaces``.
        public var registerNotTaken = 0

        public init(courseID: UUID?, title: String?) {
            self.courseID = courseID
            self.title = title
        }

        /// Places held up to the notice period whose outcome is known: attended, no-show or late
        /// cancellation. Cancelling in good time gives the place back, so it is not counted.
        public var bookedPlaces: Int { attended + noShows + lateCancellations }

        /// No-shows as a percentage of ``bookedPlaces``, to one decimal place; nil with none.
        public var noShowPercent: Double? { TrainingReports.percent(noShows, of: bookedPlaces) }

        /// Late cancellations as a percentage of ``bookedPlaces``, to one decimal place.
        public var lateCancellationPercent: Double? { TrainingReports.percent(lateCancellations, of: bookedPlaces) }

        public var displayName: String { title ?? "All courses" }
        public var isTotal: Bool { courseID == nil }

        /// `held` is whether the event has taken place: a place still booked on a future event is
        /// not a register left untaken.
        mutating func count(_ status: TrainingBookingStatus, held: Bool = true) {
            switch status {
            case .attended: attended += 1
            case .noShow: noShows += 1
            case .lateCancellation: lateCancellations += 1
            case .booked: if held { registerNotTaken += 1 }
            case .waitingList, .cancelled, .completed: break
            }
        }

        static func + (a: NoShowRow, b: NoShowRow) -> NoShowRow {
            var sum = a
            sum.attended += b.attended
            sum.noShows += b.noShows
            sum.lateCancellations += b.lateCancellations
            sum.registerNotTaken += b.registerNotTaken
            return sum
        }
    }

    /// No-show rates: one row per course with bookings at scheduled events in the period, in the
    /// order of `courses`, then the overall row. E-learning has no register, so it is left out.
    /// With `today`, places still booked on events from today on are not counted as registers not taken.
    public static func noShows(
        _ records: [TrainingReportRecord], courses: [TrainingCourse],
        period: ClosedRange<SimpleDate>, today: SimpleDate? = nil
    ) -> [NoShowRow] {
        let scheduled = records.filter { $0.delivery.isScheduled && period.contains($0.date) }
        let byCourse = Dictionary(grouping: scheduled, by: \.courseID)
        let rows = courses.compactMap { course -> NoShowRow? in
            var row = NoShowRow(courseID: course.id, title: course.title)
            for record in byCourse[course.id] ?? [] {
                row.count(record.status, held: today.map { record.date < $0 } ?? true)
            }
            return row.bookedPlaces + row.registerNotTaken > 0 ? row : nil
        }
        return rows + [rows.reduce(NoShowRow(courseID: nil, title: nil), +)]
    }
}
