import Foundation
import SafeguardCore
import Vapor

/// An agency manager's view of their agency's training, people by name.
struct AgencyTrainingView {
    struct Booking: Sendable {
        var name: String
        var course: String
        /// The day it was completed, or the event's day: "3 March 2026".
        var date: String
        var status: TrainingBookingStatus
    }

    var agencyName: String
    var period: ClosedRange<SimpleDate>
    /// Places booked and people waiting.
    var upcoming: [Booking]
    /// Attended, did not attend or cancelled late within the period.
    var done: [Booking]
    var errors: FormErrors

    func render(on req: Request) -> Response {
        req.page("Training in \(agencyName)", section: .agencyTraining, hasErrors: !errors.isEmpty) { body }
    }

    var body: Node {
        fragment {
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { agencyName }
                "Your agency's training"
            }
            Components.table(
                caption: "Booked and waiting", headers: ["Name", "Course", "Date", "Status"], rows: upcoming.map(row))
            TrainingReportsView.periodForm(.trainingAgency, period: period, errors: errors)
            Components.table(
                caption: "Attended, did not attend or cancelled late, "
                    + "\(period.lowerBound.longText) to \(period.upperBound.longText)",
                headers: ["Name", "Course", "Date", "Status"], rows: done.map(row))
        }
    }

    private func row(_ b: Booking) -> [Node] {
        [.text(b.name), .text(b.course), .text(b.date), TrainingTags.status(b.status)]
    }
}
