import Fluent
import SafeguardCore
import Vapor

/// Changing an event's details, and calling it off. Everyone booked or waiting is told.
extension TrainingManageController {
    func editEvent(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        guard let loaded = try await TrainingEventBookings.load(try req.eventID(), on: req.db) else {
            throw Abort(.notFound)
        }
        var fields = EventForm.fields(of: loaded.record)
        fields["opened-as"] = EventForm.openedAs(loaded.record).stamp
        return EventFormView(
            courseID: loaded.record.$course.id, courseTitle: loaded.course.title, fields: fields, errors: FormErrors(),
            editing: loaded.places.event
        ).render(on: req)
    }

    /// Saves the event's new details unless it was called off or began meanwhile, or a colleague changed its details
    /// after this form was opened (``OpenedAs``): all three are checked on the event as stored, held for the write.
    /// A colleague's change brings the form back with what was typed, beside what is saved now.
    func updateEvent(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let eventID = try req.eventID()
        let now = req.now
        guard let current = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
        var fields = try FormBody.fields(req)
        let (event, formErrors) = EventForm.read(
            fields, courseID: current.record.$course.id, existing: current.places.event)
        var errors = formErrors
        if current.record.calledOffAt != nil {
            errors.add("date-day", "This event has been cancelled, so it cannot be changed")
        }
        if current.places.hasStarted(at: now) {
            errors.add("date-day", "This event has started, so its details cannot be changed")
        }
        guard let changed = event, errors.isEmpty else {
            return EventFormView(
                courseID: current.record.$course.id, courseTitle: current.course.title, fields: fields, errors: errors,
                editing: current.places.event
            ).render(on: req, status: .unprocessableEntity)
        }
        let emailConfigured = req.notifications.isConfigured
        let typed = fields
        let outcome = try await req.audit.write(on: req.db) { db -> (EventEditOutcome, [AuditEvent]) in
            guard let loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else {
                throw Abort(.notFound)
            }
            // Called off or begun since the form was checked: nothing is changed.
            guard loaded.record.calledOffAt == nil, !loaded.places.hasStarted(at: now) else {
                throw RowLock.changedMeanwhile
            }
            if case .changedMeanwhile(let stamp) = OpenedAs.decide(
                sent: typed["opened-as"], storedNow: EventForm.openedAs(loaded.record))
            {
                return (.changedMeanwhile(EventForm.fields(of: loaded.record), stamp), [])
            }
            let before = loaded.places.event
            loaded.record.apply(changed)
            loaded.record.trainerName = typed["trainer"] ?? ""
            try await loaded.record.update(on: db)
            let matters = changed.changesAttendance(from: before)
            if matters {
                for booking in loaded.places.bookings where booking.status.isActive {
                    try await TrainingNotice(
                        .detailsChanged, userID: booking.personID, course: loaded.course, event: loaded.record
                    )
                    .record(at: now, emailConfigured: emailConfigured).create(on: db)
                }
            }
            return (
                .saved,
                [
                    viewer.event(
                        .change, "training-event", eventID.uuidString,
                        reason: matters ? "details changed; bookers told" : "details changed", on: req)
                ]
            )
        }
        switch outcome {
        case .saved:
            req.notifications.sendPending(app: req.application)
            return TrainingFlash.redirect(req, to: .trainingEvent(eventID), .eventSaved)
        case .changedMeanwhile(let saved, let stamp):
            fields["opened-as"] = stamp.stamp
            return EventFormView(
                courseID: current.record.$course.id, courseTitle: current.course.title, fields: fields, errors: errors,
                editing: current.places.event, meanwhile: EventForm.differences(saved: saved, typed: typed)
            )
            .render(on: req, status: .conflict)
        }
    }

    func callOff(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let eventID = try req.eventID()
        let now = req.now
        let reason = (try FormBody.fields(req))["reason"] ?? ""
        let emailConfigured = req.notifications.isConfigured
        let refusal: String? = try await req.audit.write(on: req.db) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else {
                throw Abort(.notFound)
            }
            if loaded.record.calledOffAt != nil { return ("This event has already been cancelled", []) }
            guard reason.count >= 5 else {
                return (
                    "Say why the event is cancelled, for example “The trainer is unwell”. Everyone booked is told", []
                )
            }
            let affected: [UUID]
            do throws(TrainingBookingRefusal) { affected = try loaded.places.callOff(at: now) } catch {
                return (error.message, [])
            }
            try await loaded.save(on: db)
            loaded.record.calledOffAt = now
            loaded.record.calledOffReason = reason
            try await loaded.record.update(on: db)
            for person in affected {
                try await TrainingNotice(
                    .calledOff(reason: reason), userID: person, course: loaded.course, event: loaded.record
                )
                .record(at: now, emailConfigured: emailConfigured).create(on: db)
            }
            return (
                nil,
                [viewer.event(.change, "training-event", eventID.uuidString, reason: "cancelled: \\(reason)", on: req)]
            )
        }
        if let refusal {
            guard let loaded = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
            var errors = FormErrors()
            errors.add("reason", refusal)
            return try await Self.registerView(loaded, errors: errors, marks: [:], on: req).render(
                on: req, status: .unprocessableEntity)
        }
        req.notifications.sendPending(app: req.application)
        return TrainingFlash.redirect(req, to: .trainingEventRegister(eventID), .eventCalledOff)
    }
}

/// What saving an event's changed details came to.
enum EventEditOutcome {
    case saved
    /// A colleague changed the details after the form was opened: nothing saved; the details as saved now, and
    /// their stamp for the form's next press.
    case changedMeanwhile([String: String], OpenedAs)
}
