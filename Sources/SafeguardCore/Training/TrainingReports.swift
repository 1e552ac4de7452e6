import Foundation

/// The training reports: attendance by course and by agency, and no-show rates, for a period;
/// pure functions over ``TrainingReportRecord`` values. Each has a CSV form (`csv(…)`: rows of
/// cells, header first) for the server to encode.
///
/// An attendee is a booking marked attended, or e-learning completed, whose
/// ``TrainingReportRecord/date`` is in the period. Booked, waiting, cancelled and no-show bookings
/// never count as attendance. Each attendance counts, so someone at two courses counts twice, as
/// in partnership annual reports.
public enum TrainingReports {
    /// One course's attendance (or the total, when ``title`` is nil).
    public struct CourseRow: Sendable, Equatable, Codable {
        public var courseID: UUID?
        public var title: String?
        public var attendees = 0
        /// Events of the course in the period with at least one attendee: an event nobody came
        /// to did not run. E-learning counts once if anyone completed it in the period.
        public var timesRun = 0

        public init(courseID: UUID?, title: String?, attendees: Int = 0, timesRun: Int = 0) {
            self.courseID = courseID
            self.title = title
            self.attendees = attendees
            self.timesRun = timesRun
        }

        public var displayName: String { title ?? "Total" }
        public var isTotal: Bool { courseID == nil }
    }

    /// Attendance by course: one row per course with attendees in the period, in the order of
    /// `courses` (the partnership's own order; sort them by title first for alphabetical), then the
    /// total row. Records for courses not in `courses` are left out.
    public static func attendanceByCourse(
        _ records: [TrainingReportRecord], courses: [TrainingCourse],
        period: ClosedRange<SimpleDate>
    ) -> [CourseRow] {
        let attended = records.filter { $0.status.isAttendance && period.contains($0.date) }
        let byCourse = Dictionary(grouping: attended, by: \.courseID)
        let rows = courses.compactMap { course -> CourseRow? in
            guard let records = byCourse[course.id] else { return nil }
            return CourseRow(
                courseID: course.id, title: course.title, attendees: records.count,
                timesRun: Set(records.map(\.eventID)).count)
        }
        let total = CourseRow(
            courseID: nil, title: nil, attendees: rows.reduce(0) { $0 + $1.attendees },
            timesRun: rows.reduce(0) { $0 + $1.timesRun })
        return rows + [total]
    }

    /// Rounded half away from zero to one decimal place, as reports print it.
    static func oneDecimal(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    /// `part` as a percentage of `whole` to one decimal place; nil when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? oneDecimal(Double(part) * 100 / Double(whole)) : nil
    }

    static func text(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? ""
    }
}
