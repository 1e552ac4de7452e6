import Fluent
import Vapor
import SafeguardCore

/// Changing an event's details, and calling it off. Everyone booked or waiting is told.
extension TrainingManageController {
    func editEvent(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        guard let loaded = try await TrainingEventBookings.load(try req.eventID(), on: req.db) else { throw Abort(.notFound) }
        return EventFormView(course: loaded.course, fields: EventForm.fields(of: loaded.record), errors: FormErrors(), editing: loaded.record)
            .render(on: req)
    }

    func updateEvent(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let eventID = try req.eventID(), now = req.now
        guard let current = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
        let fields = try ReferralsController.fields(req)
        let (event, formErrors) = EventForm.read(fields, courseID: current.record.$course.id, existing: current.places.event)
        var errors = formErrors
        if current.record.calledOffAt != nil { errors.add("date-day", "This event has been cancelled, so it cannot be changed") }
        if current.places.hasStarted(at: now) { errors.add("date-day", "This event has started, so its details cannot be changed") }
        guard let changed = event, errors.isEmpty else {
            return EventFormView(course: current.course, fields: fields, errors: errors, editing: current.record).render(on: req, status: .unprocessableEntity)
        }
        let emailConfigured = req.notifications.isConfigured
        try await req.audit.write(on: req.db) { db in
            guard let loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else { throw Abort(.notFound) }
            // Called off or begun since the form was checked: nothing is changed.
            guard loaded.record.calledOffAt == nil, !loaded.places.hasStarted(at: now) else { throw RowLock.changedMeanwhile }
            let before = loaded.places.event
            loaded.record.apply(changed)
            loaded.record.trainerName = fields["trainer"] ?? ""
            try await loaded.record.update(on: db)
            let matters = changed.changesAttendance(from: before)
            if matters {
                for booking in loaded.places.bookings where booking.status.isActive {
                    try await TrainingNotice(.detailsChanged, userID: booking.personID, course: loaded.course, event: loaded.record)
                        .record(at: now, emailConfigured: emailConfigured).create(on: db)
                }
            }
            return ((), [viewer.event(.change, "training-event", eventID.uuidString, reason: matters ? "details changed; bookers told" : "details changed", on: req)])
        }
        req.notifications.sendPending(app: req.application)
        return TrainingFlash.redirect(req, to: .trainingEvent(eventID), .eventSaved)
    }

    func callOff(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let eventID = try req.eventID(), now = req.now
        let reason = (try ReferralsController.fields(req))["reason"] ?? ""
        let emailConfigured = req.notifications.isConfigured
        let refusal: String? = try await req.audit.write(on: req.db) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else { throw Abort(.notFound) }
            if loaded.record.calledOffAt != nil { return ("This event has already been cancelled", []) }
            guard reason.count >= 5 else { return ("Say why the event is cancelled, for example “The trainer is unwell”. Everyone booked is told", []) }
            let affected: [UUID]
            do throws(TrainingBookingRefusal) { affected = try loaded.places.callOff(at: now) } catch { return (error.message, []) }
            try await loaded.save(on: db)
            loaded.record.calledOffAt = now
            loaded.record.calledOffReason = reason
            try await loaded.record.update(on: db)
            for person in affected {
                try await TrainingNotice(.calledOff(reason: reason), userID: person, course: loaded.course, event: loaded.record)
                    .record(at: now, emailConfigured: emailConfigured).create(on: db)
            }
            return (nil, [viewer.event(.change, "training-event", eventID.uuidString, reason: "cancelled: \\(reason)", on: req)])
        }
        if let refusal {
            guard let loaded = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
            var errors = FormErrors()
            errors.add("reason", refusal)
            return try await RegisterView.make(loaded, on: req, errors: errors, marks: [:]).render(on: req, status: .unprocessableEntity)
        }
        req.notifications.sendPending(app: req.application)
        return TrainingFlash.redirect(req, to: .trainingEventRegister(eventID), .eventCalledOff)
    }
}
