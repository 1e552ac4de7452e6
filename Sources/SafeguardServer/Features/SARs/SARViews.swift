import SafeguardCore
import Vapor

struct SARReferralFormView {
    var personID: UUID
    var snapshot: PersonSnapshot
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Refer for a Safeguarding Adults Review", section: .people, hasErrors: !errors.isEmpty, status: status)
        { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.person(personID), "Back to \(snapshot.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { snapshot.name }
                "Refer for a Safeguarding Adults Review"
            }
            el("p", .class("sg-body")) {
                "For an adult with care and support needs who died, or was seriously harmed, where abuse or neglect (self-neglect included) is known or suspected. "
                "The SAR panel tests the referral against section 44 of the Care Act and decides whether there will be a review."
            }
            el("form", .postMethod, .action(.personSARReferral(personID)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textarea(
                    "what-happened", label: "What happened, and why might agencies learn from it?",
                    value: fields["what-happened"] ?? "",
                    errors: errors, hint: "What you know now; the panel gathers the rest from the agencies", rows: 6)
                el("h2", .class("sg-heading-m")) { "What the panel will see from the record" }
                SeriousIncidentPage.childSummary(snapshot)
                Components.button("Refer to the SAR panel")
            }
        }
    }
}

struct SARListView {
    /// One referral: the adult as referred, who referred them, and the panel's decision once made.
    struct Row: Sendable {
        var id: UUID
        var reference: String
        /// The adult's name as the record held it when referred.
        var name: String
        var raisedAt: Date
        /// The referring agency.
        var agency: String
        var decision: SARDecision?
    }

    var rows: [Row]

    func render(on req: Request) -> Response {
        req.page("Safeguarding Adults Reviews", section: .sars) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Safeguarding Adults Review referrals" }
            if rows.isEmpty {
                el("p", .class("sg-body")) { "No referrals." }
            } else {
                Components.table(
                    caption: "Referrals, newest first", headers: ["Reference", "Adult", "Referred", "By", "Decision"],
                    rows: rows.map { r in
                        [
                            el("a", .href(.sar(r.id)), .class("sg-link")) { r.reference }, .text(r.name),
                            .text(SiteFormat.dateTime(r.raisedAt)), .text(r.agency),
                            r.decision.map { .text($0.displayName) }
                                ?? Components.tag("Awaiting the panel", colour: "blue"),
                        ]
                    }, captionVisible: false)
            }
        }
    }
}

/// One referral: the adult as the platform knew them, what happened, and the s44 test — as a form, question by
/// question, for the panel, or as decided.
struct SARPage {
    var id: UUID
    var reference: String
    var snapshot: PersonSnapshot?
    var raisedBy: String
    var raisedAt: Date
    var referral: SARReferral
    var decidedBy: String?
    var mayDecide: Bool
    var mayCommission: Bool
    var practiceReview: UUID?
    var fields: [String: String]
    var errors: FormErrors
    var banner: String?
    /// The agencies asked for summaries, once the panel has decided to hold a review.
    var summaries: AgencySummariesSection?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "\(reference): Safeguarding Adults Review referral", section: .sars, hasErrors: !errors.isEmpty,
            status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let r = referral
        return fragment {
            Components.backLink(.sars, "All referrals")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "SAR referral \(reference)" }
                snapshot?.name ?? ""
            }
            Components.summaryList([
                ("What happened", .text(r.whatHappened)),
                ("Referred by", .text("\(raisedBy), \(SiteFormat.dateTime(raisedAt))")),
            ])
            if let snapshot {
                el("h2", .class("sg-heading-m")) { "The adult" }
                SeriousIncidentPage.childSummary(snapshot)
            }
            if let decision = r.decision {
                el("h2", .class("sg-heading-m")) { "The panel's s44 test" }
                Components.summaryList(
                    S44Criterion.allCases.map { c in
                        (
                            c.question,
                            .text((r.answers[c]?.met == true ? "Yes" : "No") + ": " + (r.answers[c]?.note ?? ""))
                        )
                    } + [
                        ("Decision", .text(decision.displayName)), ("Reasons", .text(r.reasons)),
                        ("Decided", .text("\(r.decidedOn?.longText ?? "")\(decidedBy.map { " by \($0)" } ?? "")")),
                    ])
                if r.gathersInformation, let summaries { summaries.render(csrf: csrf) }
                if let practiceReview {
                    el("p", .class("sg-body")) {
                        el("a", .href(.practiceReview(practiceReview)), .class("sg-link")) {
                            "Open the Safeguarding Adults Review"
                        }
                    }
                } else if mayCommission && decision != .noReview {
                    el("form", .postMethod, .action(.sarCommission(id)), Attr("novalidate", nil)) {
                        Components.csrfField(csrf)
                        el("h2", .class("sg-heading-m")) { "Commission the review" }
                        Components.textInput(
                            "title", label: "The name it will be published under", value: fields["title"] ?? "",
                            errors: errors,
                            hint: "For example, Adult D. Never the adult's real name", width: "20")
                        Components.button("Commission the review")
                    }
                }
            } else if mayDecide {
                testForm(csrf: csrf)
            } else {
                el("p", .class("sg-body")) { Components.tag("Awaiting the panel", colour: "blue") }
            }
        }
    }

    private func testForm(csrf: String) -> Node {
        el("section", .aria("labelledby", "s44-heading")) {
            el("h2", .class("sg-heading-m"), .id("s44-heading")) { "The s44 test" }
            el("p", .class("sg-body")) {
                "A review is mandatory when all four are met; otherwise the panel may commission a discretionary review."
            }
            el("form", .postMethod, .action(.sarDecision(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                for c in S44Criterion.allCases {
                    Components.radios(
                        c.rawValue, legend: c.question, options: [("yes", "Yes"), ("no", "No")],
                        selected: fields[c.rawValue] ?? "",
                        errors: errors, inline: true)
                    Components.textarea(
                        "\(c.rawValue)-note", label: "What the answer rests on",
                        value: fields["\(c.rawValue)-note"] ?? "", errors: errors,
                        hint: c.hint, rows: 2)
                }
                Components.radios(
                    "decision", legend: "The panel's decision",
                    options: SARDecision.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: fields["decision"] ?? "", errors: errors)
                Components.textarea(
                    "reasons", label: "The panel's reasons", value: fields["reasons"] ?? "", errors: errors, rows: 4)
                Components.button("Record the decision")
            }
        }
    }
}
