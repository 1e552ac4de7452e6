import Fluent
import SafeguardCore
import Vapor

/// An agency manager's view: who in their agency has a place or is waiting, and who attended,
/// did not attend or cancelled late in the period.
extension TrainingReportsController {
    func agency(req: Request) async throws -> Response {
        let viewer = try req.require(.viewAgencyTraining)
        var errors = FormErrors()
        let period = Self.period(req, errors: &errors)
        let rows = try await TrainingBookingRecord.query(on: req.db).filter(\.$agency.$id == viewer.agencyID)
            .with(\.$user).with(\.$event) { $0.with(\.$course) }.all()
        let upcoming = rows.filter { $0.status.isActive }.sorted {
            ($0.event.date, $0.user.displayName) < ($1.event.date, $1.user.displayName)
        }
        let done = rows.filter { row in
            let status = row.status
            guard status.isAttendance || status == .noShow || status == .lateCancellation else { return false }
            let day = row.completedOn.flatMap { SimpleDate(iso: $0) } ?? SimpleDate(iso: row.event.date)
            return day.map(period.contains) ?? false
        }.sorted { ($0.event.date, $0.user.displayName) > ($1.event.date, $1.user.displayName) }
        try await req.audit.record(
            viewer.event(.view, "agency-training", viewer.agencyID.uuidString, on: req), on: req.db)
        return AgencyTrainingView(viewer: viewer, period: period, upcoming: upcoming, done: done, errors: errors)
            .render(on: req)
    }
}

/// The agency's training, people by name.
struct AgencyTrainingView {
    var viewer: Viewer
    var period: ClosedRange<SimpleDate>
    var upcoming: [TrainingBookingRecord]
    var done: [TrainingBookingRecord]
    var errors: FormErrors

    func render(on req: Request) -> Response {
        req.page("Training in \(viewer.agencyName)", section: .agencyTraining, hasErrors: !errors.isEmpty) {
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { viewer.agencyName }
                "Your agency's training"
            }
            Components.table(
                caption: "Booked and waiting", headers: ["Name", "Course", "Date", "Status"], rows: upcoming.map(row))
            TrainingReportsView.periodForm(.trainingAgency, period: period, errors: errors)
            Components.table(
                caption:
                    "Attended, did not attend or cancelled late, \(period.lowerBound.longText) to \(period.upperBound.longText)",
                headers: ["Name", "Course", "Date", "Status"], rows: done.map(row))
        }
    }

    private func row(_ b: TrainingBookingRecord) -> [Node] {
        [
            .text(b.user.displayName), .text(b.event.course.title),
            .text(SimpleDate(iso: b.completedOn ?? b.event.date)?.longText ?? ""),
            TrainingTags.status(b.status),
        ]
    }
}
