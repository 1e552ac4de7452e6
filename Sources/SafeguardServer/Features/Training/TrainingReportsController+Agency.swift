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
        return AgencyTrainingView(
            agencyName: viewer.agencyName, period: period, upcoming: upcoming.map(Self.booking),
            done: done.map(Self.booking), errors: errors
        ).render(on: req)
    }

    static func booking(_ b: TrainingBookingRecord) -> AgencyTrainingView.Booking {
        AgencyTrainingView.Booking(
            name: b.user.displayName, course: b.event.course.title,
            date: SimpleDate(iso: b.completedOn ?? b.event.date)?.longText ?? "", status: b.status)
    }
}
