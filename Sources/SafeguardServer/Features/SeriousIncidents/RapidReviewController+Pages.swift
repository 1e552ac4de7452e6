import SafeguardCore
import Vapor

extension RapidReviewController {
    /// What the last step did, from the `done` the redirect after it carries.
    static func banner(_ req: Request) -> String? {
        switch (try? req.query.get(String.self, at: "done")) ?? "" {
        case "saved": "The rapid review is saved."
        case "decided": "The decision is recorded. The three statutory partners' leads are asked to agree it."
        case "answered": "Your answer is recorded."
        case "submitted": "Recorded: the rapid review has been submitted to the national panel."
        case "responded": "The national panel's response is recorded."
        case "asked": "The agencies are asked for their summaries; each contributor is told."
        case "chased": "The contributor is reminded."
        default: nil
        }
    }
}

extension RapidReviewPage {
    /// The page as this viewer may use it. PracticeReviews' commissioning form builds it this way too, to show the
    /// page again with the title's problem.
    init(
        incident: SeriousIncidentRecord, review: RapidReview, due: SimpleDate, viewer: Viewer, today: SimpleDate,
        calendar: WorkingCalendar, fields: [String: String], errors: FormErrors, practiceReview: UUID? = nil,
        summaries: AgencySummariesSection? = nil, banner: String? = nil
    ) {
        self.init(
            incident: .init(id: incident.id!, reference: incident.reference, child: incident.notification.child.name),
            review: review, due: due, mayManage: viewer.may(.manageSeriousIncidents),
            partner: RapidReview.partner(
                role: viewer.role, agencyKind: viewer.agencyKind, memberships: viewer.memberships),
            today: today, calendar: calendar, fields: fields, errors: errors, practiceReview: practiceReview,
            summaries: summaries, banner: banner)
    }
}
