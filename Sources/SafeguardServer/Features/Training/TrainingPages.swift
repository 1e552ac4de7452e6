import Fluent
import Foundation
import SafeguardCore

/// What more than one training page lists, as plain values: built from the records here, rendered by the views, and
/// made by hand in `TrainingPageViewTests` without a database. A course itself is SafeguardCore's ``TrainingCourse``.
enum TrainingPages {
    /// One event in a list, with its places taken and people waiting.
    struct EventRow: Sendable {
        var id: UUID
        var courseTitle: String
        /// The ISO date as stored, which the trainer's list turns into "3 March 2026".
        var date: String
        /// "3 March 2026, 9:30am to 12:30pm" or "Open from 3 March 2026".
        var when: String
        var delivery: TrainingDelivery
        /// Nil for e-learning, which anyone may take.
        var capacity: Int?
        var taken: Int
        var waiting: Int
        var calledOff: Bool
    }

    /// One of the viewer's own bookings.
    struct BookingRow: Sendable {
        var eventID: UUID
        var courseTitle: String
        /// The event's ISO date, shown as stored in the training log.
        var date: String
        var when: String
        var status: TrainingBookingStatus
    }

    /// A file attached to a course.
    struct Material: Sendable {
        var id: UUID
        var title: String
        var filename: String
        /// In bytes.
        var size: Int
    }
}

extension TrainingPages.EventRow {
    /// `record` must have its course loaded; `counts` is ``TrainingController/placeCounts(_:on:)``.
    init(_ record: TrainingEventRecord, counts: [UUID: (taken: Int, waiting: Int)]) {
        let id = record.id!
        let c = counts[id] ?? (0, 0)
        self.init(
            id: id, courseTitle: record.course.title, date: record.date, when: record.whenText,
            delivery: record.delivery, capacity: record.capacity, taken: c.taken, waiting: c.waiting,
            calledOff: record.calledOffAt != nil)
    }
}

extension TrainingPages.BookingRow {
    /// `row` must have its event and the event's course loaded.
    init(_ row: TrainingBookingRecord) {
        self.init(
            eventID: row.$event.id, courseTitle: row.event.course.title, date: row.event.date,
            when: row.event.whenText, status: row.status)
    }
}

extension TrainingPages.Material {
    init(_ record: TrainingMaterialRecord) {
        self.init(id: record.id!, title: record.title, filename: record.filename, size: record.size)
    }
}

extension TrainingIndexView.Notice {
    init(_ n: UserNotification) {
        self.init(subject: n.subject, link: n.link)
    }
}

extension TrainingManageView.CourseRow {
    init(_ record: TrainingCourseRecord) {
        self.init(
            id: record.id!, title: record.title, level: record.level, withdrawn: record.withdrawnAt != nil)
    }
}

extension TrainingEventView {
    /// The event page for `viewer`: the rules' places as loaded, the rest as text.
    static func from(
        _ loaded: TrainingEventBookings, viewer: Viewer, materials: [TrainingMaterialRecord], now: Date,
        banner: TrainingFlash?, errors: FormErrors, fields: [String: String]
    ) -> TrainingEventView {
        let record = loaded.record
        return TrainingEventView(
            viewerID: viewer.userID, mayManage: viewer.mayEver(.manageTraining), course: loaded.course.course,
            event: Event(
                id: record.id!, when: record.whenText, trainerName: record.trainerName,
                calledOffOn: record.calledOffAt.map { SimpleDate($0).longText },
                calledOffReason: record.calledOffReason ?? ""),
            places: loaded.places, materials: materials.map(TrainingPages.Material.init), now: now, banner: banner,
            errors: errors, fields: fields)
    }
}

extension EvaluationFormView.Booking {
    /// `row` must have its event and the event's course loaded.
    init(_ row: TrainingBookingRecord) {
        self.init(id: row.id!, eventID: row.$event.id, course: row.event.course.course)
    }
}

extension CertificateView.Certificate {
    /// `row` must have its event and the event's course loaded.
    init(_ row: TrainingBookingRecord) {
        let event = row.event.event
        self.init(
            bookingID: row.id!, completed: row.status == .completed, course: row.event.course.course,
            delivery: event.delivery,
            day: row.completedOn.flatMap { SimpleDate(iso: $0) } ?? event.date, minutes: event.durationMinutes,
            trainerName: row.event.trainerName)
    }
}
