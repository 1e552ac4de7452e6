import Fluent
import SafeguardCore
import Vapor

/// The partnership's training reports for a chosen period (attendance by course and by agency,
/// no-show rates), each course's evaluation results, and the agency manager's view of their staff.
struct TrainingReportsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.trainingReports, for: [.viewTrainingReports], use: reports)
        // ":file" takes the whole last segment, ".csv" and all: the handler checks the name.
        routes.get(.trainingReportCSV(":file"), for: [.viewTrainingReports], use: reportCSV)
        routes.get(.trainingCourseEvaluations(.param("courseID")), for: [.viewTrainingReports], use: evaluations)
        routes.get(
            .trainingCourseEvaluationsCSV(.param("courseID")), for: [.viewTrainingReports], use: evaluationsCSV)
        routes.get(.trainingAgency, for: [.viewAgencyTraining], use: agency)
    }

    /// What the reports are built from: every booking on events up to the end of the period.
    struct Source {
        var period: ClosedRange<SimpleDate>
        var courses: [TrainingCourse]
        var records: [TrainingReportRecord]
        /// Registers are due only for events before today.
        var today: SimpleDate = SimpleDate(Date())

        static func load(_ period: ClosedRange<SimpleDate>, on db: Database) async throws -> Source {
            // Courses in programme order, as they were added: the order an annual report lists them.
            let courses = try await TrainingCourseRecord.query(on: db).sort(\.$createdAt).sort(\.$title).all()
            let rows = try await TrainingBookingRecord.query(on: db)
                .join(TrainingEventRecord.self, on: \TrainingBookingRecord.$event.$id == \TrainingEventRecord.$id)
                .filter(TrainingEventRecord.self, \.$date <= period.upperBound.iso)
                .with(\.$event).with(\.$agency).all()
            let records = rows.map {
                TrainingReportRecord(booking: $0.booking, event: $0.event.event, agency: $0.agency?.name)
            }
            return Source(period: period, courses: courses.map(\.course), records: records)
        }

        var byCourse: [TrainingReports.CourseRow] {
            TrainingReports.attendanceByCourse(records, courses: courses, period: period)
        }
        var byAgency: TrainingReports.AgencyAttendance { TrainingReports.attendanceByAgency(records, period: period) }
        var noShows: [TrainingReports.NoShowRow] {
            TrainingReports.noShows(records, courses: courses, period: period, today: today)
        }
    }

    func reports(req: Request) async throws -> Response {
        let viewer = try req.require(.viewTrainingReports)
        var errors = FormErrors()
        let period = Self.period(req, errors: &errors)
        var source = try await Source.load(period, on: req.db)
        source.today = req.today
        try await req.audit.record(
            viewer.event(.view, "training-report", "\(period.lowerBound)..\(period.upperBound)", on: req), on: req.db)
        return TrainingReportsView(source: source, errors: errors).render(
            on: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func reportCSV(req: Request) async throws -> Response {
        let viewer = try req.require(.viewTrainingReports)
        var errors = FormErrors()
        let period = Self.period(req, errors: &errors)
        guard errors.isEmpty else {
            throw Abort(.badRequest, reason: errors.all.map(\.message).joined(separator: "; "))
        }
        var source = try await Source.load(period, on: req.db)
        source.today = req.today
        let name = req.parameters.get("file") ?? ""
        let lines: [[String]]
        switch name {
        case "attendance-by-course.csv": lines = TrainingReports.csv(source.byCourse)
        case "attendance-by-agency.csv": lines = TrainingReports.csv(source.byAgency)
        case "no-shows.csv": lines = TrainingReports.csv(source.noShows)
        default: throw Abort(.notFound)
        }
        try await req.audit.record(
            viewer.event(
                .export, "training-report", name, reason: "\(period.lowerBound)..\(period.upperBound)", on: req),
            on: req.db)
        return try CSVDownload.response(
            lines,
            filename: name.replacingOccurrences(of: ".csv", with: "-\(period.lowerBound)-to-\(period.upperBound).csv"))
    }

    func evaluations(req: Request) async throws -> Response {
        let viewer = try req.require(.viewTrainingReports)
        var errors = FormErrors()
        let period = Self.period(req, errors: &errors)
        let (course, summary) = try await Self.summary(req, period: period)
        try await req.audit.record(
            viewer.event(.view, "training-evaluations", course.id!.uuidString, on: req), on: req.db)
        return EvaluationResultsView(
            courseID: try course.requireID(), courseTitle: course.title, summary: summary, period: period,
            errors: errors, mayManage: viewer.may(.manageTraining)
        )
        .render(on: req)
    }

    func evaluationsCSV(req: Request) async throws -> Response {
        let viewer = try req.require(.viewTrainingReports)
        var errors = FormErrors()
        let period = Self.period(req, errors: &errors)
        guard errors.isEmpty else {
            throw Abort(.badRequest, reason: errors.all.map(\.message).joined(separator: "; "))
        }
        let (course, summary) = try await Self.summary(req, period: period)
        try await req.audit.record(
            viewer.event(.export, "training-evaluations", course.id!.uuidString, on: req), on: req.db)
        return try CSVDownload.response(
            TrainingReports.csv(summary),
            filename:
                "evaluations-\(EvaluationQuestion.slug(course.title))-\(period.lowerBound)-to-\(period.upperBound).csv")
    }

    /// A course's evaluations sent within the period.
    static func summary(
        _ req: Request, period: ClosedRange<SimpleDate>
    ) async throws -> (TrainingCourseRecord, EvaluationSummary) {
        let course = try await TrainingManageController.course(req)
        let responses = try await TrainingEvaluationRecord.query(on: req.db).filter(\.$course.$id == course.requireID())
            .filter(\.$submittedOn >= period.lowerBound.iso).filter(\.$submittedOn <= period.upperBound.iso).all()
            .compactMap(\.response)
        return (course, EvaluationSummary(questions: course.questions, responses: responses))
    }

    /// `from` and `to` as ISO dates, defaulting to the financial year (1 April to 31 March) that
    /// includes today, the period partnerships report on.
    static func period(_ req: Request, errors: inout FormErrors) -> ClosedRange<SimpleDate> {
        let today = req.today
        let startYear = today.month >= 4 ? today.year : today.year - 1
        return ReportPeriod.read(
            req,
            default: SimpleDate(year: startYear, month: 4, day: 1)!...SimpleDate(
                year: startYear + 1, month: 3, day: 31)!,
            errors: &errors)
    }
}
