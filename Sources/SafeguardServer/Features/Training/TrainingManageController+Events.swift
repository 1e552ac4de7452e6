import Fluent
import SafeguardCore
import Vapor

/// Adding events to a course, taking the register on the day and changing the number of places.
extension TrainingManageController {
    func newEvent(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        let course = try await Self.course(req)
        return EventFormView(
            courseID: try course.requireID(), courseTitle: course.title, fields: ["trainer": ""], errors: FormErrors()
        ).render(on: req)
    }

    func createEvent(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let course = try await Self.course(req)
        let fields = try FormBody.fields(req)
        let (event, errors) = EventForm.read(fields, courseID: try course.requireID(), existing: nil)
        guard let event else {
            return EventFormView(
                courseID: try course.requireID(), courseTitle: course.title, fields: fields, errors: errors
            ).render(on: req, status: .unprocessableEntity)
        }
        let record = TrainingEventRecord()
        record.apply(event)
        record.id = event.id
        record.trainerName = fields["trainer"] ?? ""
        record.createdAt = req.now
        record.$createdBy.id = viewer.userID
        try await req.audit.write(on: req.db) { db in
            try await record.create(on: db)
            return ((), [viewer.event(.create, "training-event", event.id.uuidString, on: req)])
        }
        return TrainingFlash.redirect(req, to: .trainingEvent(event.id), .eventSaved)
    }

    func register(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        guard let loaded = try await TrainingEventBookings.load(try req.eventID(), on: req.db) else {
            throw Abort(.notFound)
        }
        return try await Self.registerView(loaded, errors: FormErrors(), marks: [:], on: req).render(on: req)
    }

    /// Marks everyone at once: `mark-<booking id>` is attended or no-show for each booked person.
    func saveRegister(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let eventID = try req.eventID()
        let now = req.now
        let fields = try FormBody.fields(req)
        var marks: [UUID: TrainingEventPlaces.RegisterMark] = [:]
        for (name, value) in fields where name.hasPrefix("mark-") {
            if let id = UUID(uuidString: String(name.dropFirst(5))),
                let mark = TrainingEventPlaces.RegisterMark(rawValue: value)
            {
                marks[id] = mark
            }
        }
        let chosen = marks
        let problems: [(UUID, String)] = try await req.audit.write(on: req.db) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else {
                throw Abort(.notFound)
            }
            var problems: [(UUID, String)] = []
            var events: [AuditEvent] = []
            for booking in loaded.places.bookings {
                guard let mark = chosen[booking.id], booking.status != mark.status else { continue }
                do throws(TrainingBookingRefusal) {
                    try loaded.places.markRegister(booking.personID, as: mark, at: now)
                    events.append(
                        viewer.event(
                            .change, "training-booking", booking.id.uuidString, reason: "register: \(mark.rawValue)",
                            on: req))
                } catch { problems.append((booking.id, error.message)) }
            }
            // All or nothing: a register with a refused mark is shown again, nothing saved.
            guard problems.isEmpty else { return (problems, []) }
            for row in loaded.rows
            where chosen[row.id!] != nil
                && row.status != loaded.places.bookings.first(where: { $0.id == row.id })?.status
            {
                row.markedAt = now
            }
            try await loaded.save(on: db)
            return ([], events)
        }
        if !problems.isEmpty {
            guard let loaded = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
            var errors = FormErrors()
            for (id, message) in problems { errors.add("mark-\(id)", message) }
            return try await Self.registerView(loaded, errors: errors, marks: marks, on: req).render(
                on: req, status: .conflict)
        }
        return TrainingFlash.redirect(req, to: .trainingEventRegister(eventID), .registerSaved)
    }

    func changeCapacity(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let eventID = try req.eventID()
        let now = req.now
        let text = (try FormBody.fields(req))["capacity"] ?? ""
        let emailConfigured = req.notifications.isConfigured
        let refusal: String? = try await req.audit.write(on: req.db) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else {
                throw Abort(.notFound)
            }
            guard let capacity = Int(text) else { return ("Enter the number of places as a whole number, like 20", []) }
            let promoted: [UUID]
            do throws(TrainingBookingRefusal) {
                promoted = try loaded.places.changeCapacity(to: capacity, at: now)
            } catch { return (error.message, []) }
            try await loaded.save(on: db)
            for person in promoted {
                try await TrainingNotice(.promoted, userID: person, course: loaded.course, event: loaded.record).record(
                    at: now, emailConfigured: emailConfigured
                ).create(on: db)
            }
            return (
                nil,
                [viewer.event(.change, "training-event", eventID.uuidString, reason: "places: \(capacity)", on: req)]
            )
        }
        if let refusal {
            guard let loaded = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
            var errors = FormErrors()
            errors.add("capacity", refusal)
            return try await Self.registerView(loaded, errors: errors, marks: [:], on: req).render(
                on: req, status: .unprocessableEntity)
        }
        req.notifications.sendPending(app: req.application)
        return TrainingFlash.redirect(req, to: .trainingEventRegister(eventID), .capacityChanged)
    }

    /// The register for an event just loaded, with each booker's name and the agency they booked from.
    static func registerView(
        _ loaded: TrainingEventBookings, errors: FormErrors, marks: [UUID: TrainingEventPlaces.RegisterMark],
        on req: Request
    ) async throws -> RegisterView {
        let ids = Set(loaded.rows.compactMap { $0.$agency.id })
        let agencies = try await Agency.query(on: req.db).filter(\.$id ~~ ids).all()
        let agencyNames = Dictionary(uniqueKeysWithValues: try agencies.map { (try $0.requireID(), $0.name) })
        let record = loaded.record
        return RegisterView(
            event: .init(
                id: try record.requireID(), courseTitle: loaded.course.title, when: record.whenText,
                calledOffOn: record.calledOffAt.map { SimpleDate($0).longText },
                calledOffReason: record.calledOffReason ?? ""),
            places: loaded.places,
            bookers: Dictionary(
                uniqueKeysWithValues: try loaded.rows.map { row in
                    (
                        try row.requireID(),
                        RegisterView.Booker(
                            name: row.user.displayName,
                            agency: row.$agency.id.flatMap { agencyNames[$0] } ?? "Not recorded")
                    )
                }),
            started: loaded.places.hasStarted(at: req.now), errors: errors, marks: marks, banner: TrainingFlash(req))
    }
}
