import Fluent
import SafeguardCore
import Vapor

/// After the event: the evaluation, the certificate, the course materials and the training log.
struct TrainingAttendanceController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.trainingLog, for: [.bookTraining], use: log)
        routes.get(.trainingEvaluation(.param("bookingID")), for: [.bookTraining], use: evaluationForm)
        routes.post(.trainingEvaluation(.param("bookingID")), bodyLimit: "256kb", for: [.bookTraining], use: evaluate)
        routes.get(.trainingCertificate(.param("bookingID")), for: [.bookTraining], use: certificate)
        routes.get(.trainingMaterial(.param("materialID")), for: [.bookTraining], use: material)
    }

    func log(req: Request) async throws -> Response {
        let viewer = try req.require(.bookTraining)
        let rows = try await TrainingBookingRecord.query(on: req.db).filter(\.$user.$id == viewer.userID)
            .with(\.$event) { $0.with(\.$course) }.all()
        let log = TrainingLog(
            bookings: rows.map(\.booking), events: rows.map(\.event.event), courses: rows.map(\.event.course.course))
        let upcoming = rows.filter { $0.status.isActive }.sorted { $0.event.date < $1.event.date }
        try await req.audit.record(viewer.event(.view, "training-log", viewer.userID.uuidString, on: req), on: req.db)
        return TrainingLogView(
            name: viewer.displayName, log: log, upcoming: upcoming.map(TrainingPages.BookingRow.init)
        ).render(on: req)
    }

    func evaluationForm(req: Request) async throws -> Response {
        let (_, row) = try await ownBooking(req)
        if row.evaluatedAt != nil { return req.redirect(to: SiteURL.trainingEvent(row.$event.id).path) }
        return EvaluationFormView(booking: .init(row), answers: [:], errors: FormErrors()).render(on: req)
    }

    func evaluate(req: Request) async throws -> Response {
        let (viewer, row) = try await ownBooking(req)
        let fields = try FormBody.fields(req)
        let course = row.event.course
        let eventID = row.$event.id
        let now = req.now
        let today = req.today
        let response: EvaluationResponse
        do {
            response = try EvaluationResponse(
                courseID: course.id!, eventID: eventID, submittedOn: today, form: fields, questions: course.questions)
        } catch {
            var errors = FormErrors()
            for p in error.problems { errors.add(p.questionKey, p.message) }
            return EvaluationFormView(booking: .init(row), answers: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let refusal: TrainingBookingRefusal? = try await req.audit.write(on: req.db) { db in
            guard var loaded = try await TrainingEventBookings.loadForWrite(eventID, on: db) else {
                throw Abort(.notFound)
            }
            do throws(TrainingBookingRefusal) { try loaded.places.recordEvaluation(viewer.userID, at: now) } catch {
                return (error, [])
            }
            try await loaded.save(on: db)
            // Stored without the person: the booking only records that they took part.
            try await TrainingEvaluationRecord(response).create(on: db)
            return (nil, [viewer.event(.change, "training-booking", row.id!.uuidString, reason: "evaluated", on: req)])
        }
        if let refusal {
            var errors = FormErrors()
            errors.add(course.questions.first?.key ?? "evaluation", refusal.message)
            return EvaluationFormView(booking: .init(row), answers: fields, errors: errors).render(
                on: req, status: .conflict)
        }
        return TrainingFlash.redirect(req, to: .trainingEvent(eventID), .evaluated)
    }

    /// A print-ready page: the browser's "Save as PDF" gives the certificate.
    func certificate(req: Request) async throws -> Response {
        let (viewer, row) = try await ownBooking(req)
        let places = TrainingEventPlaces(event: row.event.event, bookings: [row.booking])
        if let refusal = places.certificateRefusal(for: viewer.userID) {
            var errors = FormErrors()
            errors.add("certificate", refusal.message)
            return try await TrainingController.refusalPage(req, eventID: row.$event.id, errors: errors)
        }
        try await req.audit.record(viewer.event(.view, "training-certificate", row.id!.uuidString, on: req), on: req.db)
        return CertificateView(name: viewer.displayName, agency: viewer.agencyName, certificate: .init(row))
            .render(on: req)
    }

    /// Materials go to those who may have the certificate, and to the training team.
    func material(req: Request) async throws -> Response {
        let viewer = try req.require(.bookTraining)
        guard let id = req.parameters.get("materialID", as: UUID.self),
            let material = try await TrainingMaterialRecord.find(id, on: req.db), material.removedAt == nil
        else { throw Abort(.notFound) }
        if !viewer.may(.manageTraining) {
            let rows = try await TrainingBookingRecord.query(on: req.db).filter(\.$user.$id == viewer.userID)
                .join(TrainingEventRecord.self, on: \TrainingBookingRecord.$event.$id == \TrainingEventRecord.$id)
                .filter(TrainingEventRecord.self, \.$course.$id == material.$course.id).all()
            guard rows.contains(where: { $0.booking.canDownloadMaterials }) else {
                throw AccessDenied(decision: .deny(.roleHasNoAccess))
            }
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: material.contentType)
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(Self.safeFilename(material.filename))\"")
        return Response(status: .ok, headers: headers, body: .init(data: material.content))
    }

    /// The signed-in user's own booking, with its event and course; anyone else's is not found.
    private func ownBooking(_ req: Request) async throws -> (Viewer, TrainingBookingRecord) {
        let viewer = try req.require(.bookTraining)
        guard let id = req.parameters.get("bookingID", as: UUID.self),
            let row = try await TrainingBookingRecord.query(on: req.db).filter(\.$id == id)
                .with(\.$event, { $0.with(\.$course) }).first(),
            row.$user.id == viewer.userID
        else { throw Abort(.notFound) }
        return (viewer, row)
    }

    /// A filename safe inside a quoted header: no quotes, slashes or control characters.
    static func safeFilename(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && $0.value >= 32 && !"\"\\/".unicodeScalars.contains($0) }
        let s = String(String.UnicodeScalarView(kept))
        return s.isEmpty ? "material" : s
    }
}
