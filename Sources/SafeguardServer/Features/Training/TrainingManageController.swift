import Fluent
import SafeguardCore
import Vapor

/// The trainer's side: courses with their materials and evaluation questions, and events.
/// Events are in `+Events.swift` (adding, the register, places) and `+Changes.swift` (details, calling off).
struct TrainingManageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.trainingManage, for: [.manageTraining], use: overview)
        routes.get(.trainingCourseNew, for: [.manageTraining], use: newCourse)
        routes.post(.trainingCourses, for: [.manageTraining], use: createCourse)
        routes.get(.trainingCourse(.param("courseID")), for: [.manageTraining], use: course)
        routes.post(.trainingCourse(.param("courseID")), for: [.manageTraining], use: updateCourse)
        routes.get(.trainingCourseQuestions(.param("courseID")), for: [.manageTraining], use: questions)
        routes.post(.trainingCourseQuestions(.param("courseID")), for: [.manageTraining], use: saveQuestions)
        routes.post(
            .trainingCourseMaterials(.param("courseID")), bodyLimit: "20mb", for: [.manageTraining], use: addMaterial)
        routes.post(.trainingMaterialRemove(.param("materialID")), for: [.manageTraining], use: removeMaterial)
        routes.get(.trainingEventNew(.param("courseID")), for: [.manageTraining], use: newEvent)
        routes.post(.trainingCourseEvents(.param("courseID")), for: [.manageTraining], use: createEvent)
        routes.get(.trainingEventRegister(.param("eventID")), for: [.manageTraining], use: register)
        routes.post(.trainingEventRegister(.param("eventID")), for: [.manageTraining], use: saveRegister)
        routes.post(.trainingEventCapacity(.param("eventID")), for: [.manageTraining], use: changeCapacity)
        routes.get(.trainingEventEdit(.param("eventID")), for: [.manageTraining], use: editEvent)
        routes.post(.trainingEvent(.param("eventID")), for: [.manageTraining], use: updateEvent)
        routes.post(.trainingEventCallOff(.param("eventID")), for: [.manageTraining], use: callOff)
    }

    func overview(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        let courses = try await TrainingCourseRecord.query(on: req.db).sort(\.$title).all()
        let since = SimpleDate(req.now.addingTimeInterval(-30 * 86400)).iso
        let events = try await TrainingEventRecord.query(on: req.db).filter(\.$date >= since).with(\.$course).sort(
            \.$date
        ).sort(\.$startTime).all()
        let counts = try await TrainingController.placeCounts(events.compactMap(\.id), on: req.db)
        let unmarked = try await TrainingBookingRecord.query(on: req.db).filter(\.$event.$id ~~ events.compactMap(\.id))
            .filter(\.$status == TrainingBookingStatus.booked).all()
        let due = events.filter { e in
            e.calledOffAt == nil
                && TrainingEventPlaces(
                    event: e.event, bookings: unmarked.filter { $0.$event.id == e.id }.map(\.booking)
                ).isRegisterDue(at: req.now)
        }
        return TrainingManageView(
            courses: courses.map(TrainingManageView.CourseRow.init),
            events: events.map { TrainingPages.EventRow($0, counts: counts) },
            registersDue: due.map { TrainingPages.EventRow($0, counts: counts) }
        ).render(on: req)
    }

    func newCourse(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        return CourseFormView(fields: [:], errors: FormErrors()).render(on: req)
    }

    func createCourse(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let fields = try FormBody.fields(req)
        let errors = Self.problems(fields)
        guard errors.isEmpty else {
            return CourseFormView(fields: fields, errors: errors).render(
                on: req, status: .unprocessableEntity)
        }
        let record = TrainingCourseRecord()
        record.createdAt = req.now
        try record.setQuestions(EvaluationQuestion.standardSet)
        Self.copy(fields, into: record)
        let id = try await req.audit.write(on: req.db) { db in
            try await record.create(on: db)
            let id = try record.requireID()
            return (id, [viewer.event(.create, "training-course", id.uuidString, on: req)])
        }
        return TrainingFlash.redirect(req, to: .trainingCourse(id), .courseSaved)
    }

    func course(req: Request) async throws -> Response {
        try req.require(.manageTraining)
        let course = try await Self.course(req)
        return try await Self.coursePage(course, on: req, errors: FormErrors(), fields: nil).render(on: req)
    }

    func updateCourse(req: Request) async throws -> Response {
        let viewer = try req.require(.manageTraining)
        let course = try await Self.course(req)
        let fields = try FormBody.fields(req)
        let errors = Self.problems(fields)
        guard errors.isEmpty else {
            var fields = fields
            fields["withdrawn"] = try FormBody.list(req, "withdrawn-box").first
            return try await Self.coursePage(course, on: req, errors: errors, fields: fields).render(
                on: req, status: .unprocessableEntity)
        }
        Self.copy(fields, into: course)
        if try FormBody.list(req, "withdrawn-box").contains("yes") {
            course.withdrawnAt = course.withdrawnAt ?? req.now
        } else {
            course.withdrawnAt = nil
        }
        let id = try course.requireID()
        try await req.audit.write(on: req.db) { db in
            try await course.update(on: db)
            return ((), [viewer.event(.change, "training-course", id.uuidString, on: req)])
        }
        return TrainingFlash.redirect(req, to: .trainingCourse(id), .courseSaved)
    }

    /// The course page: its events, materials and evaluations as loaded now, and the form's `fields` (the course as
    /// saved when nil).
    static func coursePage(
        _ course: TrainingCourseRecord, on req: Request, errors: FormErrors, fields: [String: String]?
    ) async throws -> CourseView {
        let id = try course.requireID()
        let events = try await TrainingEventRecord.query(on: req.db).filter(\.$course.$id == id).with(\.$course)
            .sort(\.$date, .descending).all()
        let materials = try await TrainingMaterialRecord.query(on: req.db).filter(\.$course.$id == id).filter(
            \.$removedAt == nil
        )
        .sort(\.$title).all()
        let evaluations = try await TrainingEvaluationRecord.query(on: req.db).filter(\.$course.$id == id).count()
        let current: [String: String] = [
            "title": course.title, "level": course.level.rawValue, "description": course.description,
            "audience": course.audience, "outcomes": course.learningOutcomes,
            "withdrawn": course.withdrawnAt == nil ? "" : "yes",
        ]
        let counts = try await TrainingController.placeCounts(events.compactMap(\.id), on: req.db)
        return CourseView(
            course: course.course, events: events.map { TrainingPages.EventRow($0, counts: counts) },
            materials: materials.map(TrainingPages.Material.init), evaluations: evaluations, errors: errors,
            fields: fields ?? current, banner: TrainingFlash(req))
    }

    /// What is wrong with a course form, in form order.
    static func problems(_ f: [String: String]) -> FormErrors {
        var errors = FormErrors()
        if (f["title"] ?? "").count < 3 { errors.add("title", "Enter the course title") }
        if (f["title"] ?? "").count > 200 { errors.add("title", "The title must be 200 characters or fewer") }
        if TrainingLevel(rawValue: f["level"] ?? "") == nil { errors.add("level", "Select the course's level") }
        return errors
    }

    /// Copies a form that ``problems(_:)`` passed onto the record.
    static func copy(_ f: [String: String], into record: TrainingCourseRecord) {
        record.title = f["title"] ?? ""
        record.description = f["description"] ?? ""
        // `problems` has refused a form without a level, so there is always one here.
        if let level = TrainingLevel(rawValue: f["level"] ?? "") { record.level = level }
        record.audience = f["audience"] ?? ""
        record.learningOutcomes = (f["outcomes"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
    }

    static func course(_ req: Request) async throws -> TrainingCourseRecord {
        guard let id = req.parameters.get("courseID", as: UUID.self),
            let c = try await TrainingCourseRecord.find(id, on: req.db)
        else {
            throw Abort(.notFound)
        }
        return c
    }
}
