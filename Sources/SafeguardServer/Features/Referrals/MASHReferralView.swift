import SafeguardCore
import Vapor

/// The MASH's page for one referral: what was referred, who it is about, what partners said,
/// and the decision.
struct MASHReferralView {
    var record: MASHReferralRecord
    var errors: FormErrors
    var form: [String: String]
    var discussions: [StrategyDiscussionSummary] = []
    var mayRecordStrategyDiscussion = false

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let r = record
        return req.page("Referral \(r.reference)", section: .mash, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.mash, "Back to the MASH queue")
            Components.errorSummary(errors)
            el("span", .class("sg-caption-l")) { "Referral" }
            el("h1", .class("sg-heading-l")) { r.reference }
            el("p", .class("sg-body")) {
                MASHTags.status(r.status)
                " "
                MASHTags.rag(r.rag)
                " "
                MASHTags.clock(due: r.decisionDue, open: r.status.isOpen, now: r.now)
            }
            if (try? req.query.get(String.self, at: "done")) == "allocated" {
                Components.notification(
                    r.allocatedToViewer
                        ? "The referral is allocated to you" : "Allocated to \(r.allocatedTo ?? "the worker chosen")")
            }
            MASHReferralSections.allocation(r, csrf: req.csrfToken, errors: errors)
            Components.summaryList([
                ("Referred by", .text("\(r.referrer), \(r.referrerAgency), \(r.referrerPhone)")),
                ("Sent", .text(r.submittedAt.map(SiteFormat.dateTime) ?? "")),
                ("Urgency", .text(r.urgency)),
                ("Address", .text(r.address + (r.district.map { " (\($0))" } ?? ""))),
                ("Concerns", .text(r.concerns.map(\.displayName).joined(separator: ", "))),
                (
                    "What happened",
                    el("p", .class("sg-body sg-!-margin-bottom-0"), Attr("style", nil)) { r.whatHappened }
                ),
                ("Family knows", .text(r.familyAwareness)),
                ("Lawful basis", .text(r.lawfulBasis)),
            ])
            MASHReferralSections.subjects(r, csrf: req.csrfToken)
            if r.mayTriage { MASHReferralSections.triage(r, csrf: req.csrfToken, errors: errors, form: form) }
            MASHReferralSections.requests(r, csrf: req.csrfToken)
            MASHReferralSections.decisions(r)
            if r.mayDecide {
                MASHReferralSections.decisionForm(
                    r, csrf: req.csrfToken, errors: errors, form: form, continuum: req.safeguard.continuum)
            }
            if r.maySignOff { MASHReferralSections.signOffForm(r, csrf: req.csrfToken, errors: errors, form: form) }
            StrategyDiscussionSummary.section(discussions, referralID: r.id, mayRecord: mayRecordStrategyDiscussion)
        }
    }
}

/// Tags shared by the queue and the referral page.
enum MASHTags {
    static func status(_ s: ReferralStatus) -> Node {
        switch s {
        case .submitted: Components.tag("New", colour: "blue")
        case .gathering: Components.tag("Gathering information", colour: "light-blue")
        case .awaitingSignOff: Components.tag("Awaiting sign-off", colour: "purple")
        case .closed: Components.tag("Decided", colour: "green")
        case .draft: Components.tag("Draft", colour: "grey")
        }
    }

    static func rag(_ rag: RAGRating?) -> Node {
        switch rag {
        case .red: Components.tag("Red", colour: "red")
        case .amber: Components.tag("Amber", colour: "orange")
        case .green: Components.tag("Green", colour: "green")
        case nil: Components.tag("Not rated", colour: "grey")
        }
    }

    /// The one-working-day decision clock for children.
    static func clock(due: Date?, open: Bool, now: Date) -> Node {
        guard let due, open else { return .empty }
        return now > due
            ? Components.tag("Decision overdue since \(SiteFormat.dateTime(due))", colour: "red")
            : Components.tag("Decision due by \(SiteFormat.dateTime(due))", colour: "yellow")
    }
}
