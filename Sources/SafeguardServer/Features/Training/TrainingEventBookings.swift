import Fluent
import SafeguardCore
import Vapor

/// An event with its booking rows, loaded for the rules in ``TrainingEventPlaces`` and written back
/// after them. Load with `loadForWrite` inside `audit.write`: the event's row is held until the write commits, so
/// two people taking the last place at the same moment (on one server or two) cannot both get it.
struct TrainingEventBookings {
    var record: TrainingEventRecord
    var rows: [TrainingBookingRecord]
    var places: TrainingEventPlaces

    /// `lateHours` is the partnership's notice for a late cancellation (rules file, 48 by default).
    static func load(
        _ eventID: UUID, on db: Database, lateHours: Int = TrainingEventPlaces.defaultLateCancellationHours
    ) async throws -> TrainingEventBookings? {
        guard let record = try await TrainingEventRecord.query(on: db).filter(\.$id == eventID).with(\.$course).first()
        else { return nil }
        let rows = try await TrainingBookingRecord.query(on: db).filter(\.$event.$id == eventID)
            .with(\.$user).sort(\.$queuedAt).sort(\.$firstBookedAt).all()
        return TrainingEventBookings(
            record: record, rows: rows,
            places: TrainingEventPlaces(
                event: record.event, bookings: rows.map(\.booking), lateCancellationHours: lateHours))
    }

    /// The event and its bookings as they stand, inside a write, with the event held until the write commits.
    static func loadForWrite(
        _ eventID: UUID, on db: Database, lateHours: Int = TrainingEventPlaces.defaultLateCancellationHours
    ) async throws -> TrainingEventBookings? {
        do { _ = try await db.lockedForWrite(TrainingEventRecord.self, eventID) } catch let gone as Abort
            where gone.status == .conflict
        { return nil }
        return try await load(eventID, on: db, lateHours: lateHours)
    }

    var course: TrainingCourseRecord { record.course }

    func row(for userID: UUID) -> TrainingBookingRecord? { rows.first { $0.$user.id == userID } }

    /// Writes every booking the rules changed or added; `newBookerAgency` is a new booker's agency.
    mutating func save(on db: Database, newBookerAgency: UUID? = nil) async throws {
        var previous: Date?
        for var booking in places.bookings {
            // The queue is read back ordered by time, so two joins in the same instant (or under a
            // fixed test clock) must not tie: each booking is queued at least a millisecond after
            // the one before it in the rules' order.
            if let previous, booking.queuedAt <= previous { booking.queuedAt = previous.addingTimeInterval(0.001) }
            previous = booking.queuedAt
            if let row = rows.first(where: { $0.id == booking.id }) {
                if row.differs(from: booking) {
                    row.apply(booking)
                    try await row.update(on: db)
                }
            } else {
                let row = TrainingBookingRecord()
                row.id = booking.id
                row.$event.id = booking.eventID
                row.$user.id = booking.personID
                row.$agency.id = newBookerAgency
                row.firstBookedAt = booking.firstBookedAt
                row.apply(booking)
                try await row.create(on: db)
                rows.append(row)
            }
        }
        if record.capacity != places.event.capacity {
            record.capacity = places.event.capacity
            try await record.update(on: db)
        }
    }
}

extension TrainingEventRecord {
    /// "3 March 2026, 9:30am to 12:30pm" (one time style everywhere) or "Open from 3 March 2026" for e-learning.
    package var whenText: String {
        let e = event
        guard e.delivery.isScheduled, let start = e.startTime, let end = e.endTime else {
            return "Open from \(e.date.longText)"
        }
        return "\(e.date.longText), \(start.spoken) to \(end.spoken)"
    }

    /// Where: the venue, "Online" or "E-learning".
    package var whereText: String {
        switch delivery {
        case .faceToFace: venue ?? ""
        case .virtual: "Online (the joining link is shown to those with a place)"
        case .eLearning: "E-learning, at your own pace"
        }
    }
}
