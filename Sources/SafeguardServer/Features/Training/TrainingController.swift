import Fluent
import SafeguardCore
import Vapor

/// The practitioner's side of training: find events, book, join the waiting list, cancel,
/// record e-learning as done. Every change goes through ``TrainingEventPlaces``.
struct TrainingController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.training, for: [.bookTraining], use: index)
        routes.get(.trainingEvent(.param("eventID")), for: [.bookTraining], use: show)
        routes.post(.trainingEventBook(.param("eventID")), for: [.bookTraining], use: book)
        routes.post(.trainingEventCancel(.param("eventID")), for: [.bookTraining], use: cancel)
        routes.post(.trainingEventComplete(.param("eventID")), for: [.bookTraining], use: complete)
    }

    /// Upcoming events (filtered by level and delivery), the viewer's own bookings and messages.
    func index(req: Request) async throws -> Response {
        let viewer = try req.require(.bookTraining)
        let level = (try? req.query.get(String.self, at: "level")).flatMap(TrainingLevel.init(rawValue:))
        let delivery = (try? req.query.get(String.self, at: "delivery")).flatMap(TrainingDelivery.init(rawValue:))
        var query = TrainingEventRecord.query(on: req.db).with(\.$course)
            .group(.or) {
                $0.filter(\.$date >= req.today.iso).filter(\.$delivery == TrainingDelivery.eLearning)
            }
        if let delivery { query = query.filter(\.$delivery == delivery) }
        let events = try await query.sort(\.$date).sort(\.$startTime).all()
            .filter { level == nil || $0.course.level == level }
            .filter { $0.course.withdrawnAt == nil && $0.calledOffAt == nil }
        let counts = try await Self.placeCounts(events.compactMap(\.id), on: req.db)
        let mine = try await TrainingBookingRecord.query(on: req.db).filter(\.$user.$id == viewer.userID)
            .with(\.$event) { $0.with(\.$course) }.all()
            .filter { $0.status.isActive }
            .sorted { $0.event.date < $1.event.date }
        let notices = try await UserNotification.query(on: req.db).filter(\.$user.$id == viewer.userID)
            .filter(\.$readAt == nil).sort(\.$createdAt, .descending).limit(5).all()
        return TrainingIndexView(
            events: events.map { TrainingPages.EventRow($0, counts: counts) },
            mine: mine.map(TrainingPages.BookingRow.init), notices: notices.map(TrainingIndexView.Notice.init),
            level: level, delivery: delivery, banner: TrainingFlash(req)
        ).render(on: req)
    }

    func show(req: Request) async throws -> Response {
        let viewer = try req.require(.bookTraining)
        guard let loaded = try await TrainingEventBookings.load(try req.eventID(), on: req.db) else {
            throw Abort(.notFound)
        }
        let materials = try await TrainingMaterialRecord.query(on: req.db).filter(
            \.$course.$id == loaded.record.$course.id
        )
        .filter(\.$removedAt == nil).sort(\.$title).all()
        return TrainingEventView.from(
            loaded, viewer: viewer, materials: materials, now: req.now,
            banner: TrainingFlash(req), errors: FormErrors(), fields: [:]
        ).render(on: req)
    }

    func book(req: Request) async throws -> Response {
        let viewer = try req.require(.bookTraining)
        let eventID = try req.eventID()
        let now = req.now
        let lateHours = req.safeguard.settings.rules.trainingLateCancellationHours
        let emailConfigured = req.notifications.isConfigured
        let outcome: Result<(TrainingBookingStatus, [UUID]), TrainingBookingRefusal> = try await req.audit.write(
            on: req.db
        ) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else {
                throw Abort(.notFound)
            }
            if loaded.course.withdrawnAt != nil || loaded.record.calledOffAt != nil {
                return (.failure(.eventCalledOff), [])
            }
            let status: TrainingBookingStatus
            do throws(TrainingBookingRefusal) { status = try loaded.places.book(viewer.userID, at: now) } catch {
                return (.failure(error), [])
            }
            try await loaded.save(on: db, newBookerAgency: viewer.agencyID)
            let kind: TrainingNotice.Kind =
                status == .booked
                ? .booked : .waitingList(position: loaded.places.waitingListPosition(of: viewer.userID) ?? 1)
            let notice = TrainingNotice(
                kind, userID: viewer.userID, course: loaded.course, event: loaded.record, lateHours: lateHours
            )
            .record(at: now, emailConfigured: emailConfigured)
            try await notice.create(on: db)
            let bookingID = loaded.places.booking(for: viewer.userID)?.id.uuidString ?? ""
            return (
                .success((status, [])),
                [viewer.event(.create, "training-booking", bookingID, reason: status.rawValue, on: req)]
            )
        }
        switch outcome {
        case .failure(let refusal):
            return try await refuse(req, eventID: eventID, refusal: refusal)
        case .success(let (status, notices)):
            req.notifications.sendPending(app: req.application)
            return TrainingFlash.redirect(req, to: .trainingEvent(eventID), status == .booked ? .booked : .waitingList)
        }
    }

    func cancel(req: Request) async throws -> Response {
        let viewer = try req.require(.bookTraining)
        let eventID = try req.eventID()
        let now = req.now
        let lateHours = req.safeguard.settings.rules.trainingLateCancellationHours
        let emailConfigured = req.notifications.isConfigured
        let outcome: Result<TrainingEventPlaces.Cancellation, TrainingBookingRefusal> = try await req.audit.write(
            on: req.db
        ) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db, lateHours: lateHours)
            else { throw Abort(.notFound) }
            let wasWaiting = loaded.places.booking(for: viewer.userID)?.status == .waitingList
            let cancellation: TrainingEventPlaces.Cancellation
            do throws(TrainingBookingRefusal) { cancellation = try loaded.places.cancel(viewer.userID, at: now) } catch
            { return (.failure(error), []) }
            try await loaded.save(on: db)
            let mine: TrainingNotice.Kind =
                wasWaiting ? .leftWaitingList : (cancellation.isLate ? .lateCancellation : .cancelled)
            var notices = [
                TrainingNotice(
                    mine, userID: viewer.userID, course: loaded.course, event: loaded.record, lateHours: lateHours)
            ]
            notices += cancellation.promoted.map {
                TrainingNotice(.promoted, userID: $0, course: loaded.course, event: loaded.record)
            }
            for notice in notices { try await notice.record(at: now, emailConfigured: emailConfigured).create(on: db) }
            var events = [
                viewer.event(
                    .change, "training-booking", loaded.row(for: viewer.userID)?.id?.uuidString ?? "",
                    reason: cancellation.status.rawValue, on: req)
            ]
            events += cancellation.promoted.map { person in
                viewer.event(
                    .change, "training-booking", loaded.row(for: person)?.id?.uuidString ?? "",
                    reason: "promoted from the waiting list", on: req)
            }
            return (.success(cancellation), events)
        }
        switch outcome {
        case .failure(let refusal):
            return try await refuse(req, eventID: eventID, refusal: refusal)
        case .success(let cancellation):
            req.notifications.sendPending(app: req.application)
            return TrainingFlash.redirect(
                req, to: .trainingEvent(eventID), cancellation.isLate ? .lateCancellation : .cancelled)
        }
    }

    /// E-learning: the practitioner says they have finished it, and on which day.
    func complete(req: Request) async throws -> Response {
        let viewer = try req.require(.bookTraining)
        let eventID = try req.eventID()
        let now = req.now
        let today = req.today
        var errors = FormErrors()
        let fields = try FormBody.fields(req)
        let day = FormDate.read(
            fields, "completed", label: "date you finished it", required: true, today: today, errors: &errors)
        guard let day, errors.isEmpty else {
            guard let loaded = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
            return TrainingEventView.from(
                loaded, viewer: viewer, materials: [], now: now, banner: nil, errors: errors, fields: fields
            )
            .render(on: req, status: .unprocessableEntity)
        }
        let emailConfigured = req.notifications.isConfigured
        let outcome: Result<Void, TrainingBookingRefusal> = try await req.audit.write(on: req.db) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else {
                throw Abort(.notFound)
            }
            do throws(TrainingBookingRefusal) { try loaded.places.recordCompletion(viewer.userID, on: day) } catch {
                return (.failure(error), [])
            }
            try await loaded.save(on: db)
            try await TrainingNotice(.completed, userID: viewer.userID, course: loaded.course, event: loaded.record)
                .record(at: now, emailConfigured: emailConfigured).create(on: db)
            return (
                .success(()),
                [
                    viewer.event(
                        .change, "training-booking", loaded.row(for: viewer.userID)?.id?.uuidString ?? "",
                        reason: "completed", on: req)
                ]
            )
        }
        if case .failure(let refusal) = outcome { return try await refuse(req, eventID: eventID, refusal: refusal) }
        req.notifications.sendPending(app: req.application)
        return TrainingFlash.redirect(req, to: .trainingEvent(eventID), .completed)
    }

    /// The event page again, with the rule's reason as the error.
    private func refuse(_ req: Request, eventID: UUID, refusal: TrainingBookingRefusal) async throws -> Response {
        var errors = FormErrors()
        errors.add("booking", refusal.message)
        return try await Self.refusalPage(req, eventID: eventID, errors: errors)
    }

    /// The event page showing `errors`, for refusals here and from the certificate route.
    static func refusalPage(_ req: Request, eventID: UUID, errors: FormErrors) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let loaded = try await TrainingEventBookings.load(eventID, on: req.db) else { throw Abort(.notFound) }
        return TrainingEventView.from(
            loaded, viewer: viewer, materials: [], now: req.now, banner: nil, errors: errors, fields: [:]
        )
        .render(on: req, status: .conflict)
    }

    /// Places taken and people waiting, per event, in one query.
    static func placeCounts(_ eventIDs: [UUID], on db: Database) async throws -> [UUID: (taken: Int, waiting: Int)] {
        guard !eventIDs.isEmpty else { return [:] }
        let rows = try await TrainingBookingRecord.query(on: db).filter(\.$event.$id ~~ eventIDs).all()
        var out: [UUID: (taken: Int, waiting: Int)] = [:]
        for row in rows {
            var c = out[row.$event.id] ?? (0, 0)
            if row.status.holdsPlace { c.taken += 1 }
            if row.status == .waitingList { c.waiting += 1 }
            out[row.$event.id] = c
        }
        return out
    }
}

extension Request {
    func eventID() throws -> UUID {
        guard let id = parameters.get("eventID", as: UUID.self) else { throw Abort(.notFound) }
        return id
    }
}
