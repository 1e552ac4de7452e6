import SafeguardCore
import Vapor

/// One notification: the child as the platform knew them, what the case worker raised, the business unit's
/// part of the form, the 5-working-day clock, and the steps the business unit takes next. It prints as the
/// notification; the JSON link gives the same for the national panel's form.
struct SeriousIncidentPage {
    var id: UUID
    var reference: String
    var notification: SeriousIncidentNotification
    var raisedBy: String
    var raisedAt: Date
    var nextStep: String
    var rag: RAGRating?
    var notifier: String?
    var mayManage: Bool
    var fields: [String: String]
    var errors: FormErrors
    var banner: String?

    /// What the business unit's form shows before anything is typed: what the notification already says.
    static func fields(_ n: SeriousIncidentNotification) -> [String: String] {
        var f = [
            "place": n.place, "police": n.policeInvestigation?.rawValue ?? "", "police-details": n.policeDetails,
            "linked-cases": n.linkedCases,
        ]
        if let a = n.awareOn {
            f["aware-day"] = String(a.day)
            f["aware-month"] = String(a.month)
            f["aware-year"] = String(a.year)
        }
        return f
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "\(reference): serious incident notification", section: .seriousIncidents, hasErrors: !errors.isEmpty,
            status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let n = notification
        return fragment {
            Components.backLink(.seriousIncidents, "All notifications")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Serious incident notification \(reference)" }
                n.child.name
            }
            el("p", .class("sg-body"), .id("incident-next")) {
                Components.tag(
                    n.status.displayName,
                    colour: n.status == .raised ? "blue" : n.status == .notified ? "green" : "grey")
                " " + nextStep + " "
                if let rag { MASHTags.rag(rag) }
            }
            if n.alsoReportToOfsted {
                el("div", .class("sg-warning-text")) {
                    el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                    el("strong", .class("sg-warning-text__text")) {
                        "A looked-after child has died: report it to the Secretary of State and Ofsted too."
                    }
                }
            }
            el("h2", .class("sg-heading-m")) { "The child" }
            Self.childSummary(n.child)
            el("h2", .class("sg-heading-m")) { "The incident" }
            Components.summaryList(
                [
                    ("Reason", .text(n.reason.displayName)),
                    ("When it happened", .text(n.incidentOn.longText)),
                    ("What happened", .text(n.whatHappened)),
                    ("Raised by", .text("\(raisedBy), \(SiteFormat.dateTime(raisedAt))")),
                    ("Where it happened", .text(n.place.isEmpty ? "Not recorded yet" : n.place)),
                    (
                        "Police investigation",
                        .text(
                            n.policeInvestigation.map {
                                $0.displayName + (n.policeDetails.isEmpty ? "" : ": \(n.policeDetails)")
                            } ?? "Not recorded yet")
                    ),
                    ("Linked cases", .text(n.linkedCases.isEmpty ? "None recorded" : n.linkedCases)),
                    ("Local authority aware", .text(n.awareOn?.longText ?? "Not recorded yet")),
                    (
                        "National panel notified",
                        .text(
                            n.notifiedOn.map {
                                $0.longText + (notifier.map { " by \($0)" } ?? "")
                                    + (n.lateReason.isEmpty ? "" : ". Late: \(n.lateReason)")
                            } ?? "Not yet")
                    ),
                ] + (n.status == .notNotifiable ? [("Closed because", .text(n.notNotifiableReason))] : []))
            if n.status == .notified {
                el("p", .class("sg-body")) {
                    el("a", .href(.rapidReview(id)), .class("sg-link")) { "Open the rapid review" }
                }
            }
            el("p", .class("sg-body")) {
                el("a", .href(.seriousIncidentJSON(id)), .class("sg-link"), Attr("download", nil)) {
                    "Download the notification (JSON)"
                }
            }
            el("button", .type("button"), .class("sg-button sg-button--secondary"), .data("action", "print")) {
                "Print the notification"
            }
            if mayManage && n.status == .raised {
                // The business unit's forms are for the screen; the printed notification is the record above.
                el("div", .class("sg-no-print")) { businessUnitForms(n, csrf: csrf) }
            }
        }
    }

    static func childSummary(_ c: PersonSnapshot) -> Node {
        Components.summaryList([
            (
                "Name",
                .text(c.name + (c.otherNames.isEmpty ? "" : " (also known as \(c.otherNames.joined(separator: ", ")))"))
            ),
            ("Date of birth", .text(c.dateOfBirth?.longText ?? "Not known")),
            ("Gender", .text(c.gender)),
            ("Ethnicity", .text(c.ethnicity)),
            ("Disability", .text(c.disability ?? "None recorded")),
            ("Home address", .text(c.address ?? "Not recorded")),
            (
                "Legal status",
                .text(
                    c.legalStatus.isEmpty
                        ? "None recorded (not a child in need, on a plan or looked after)"
                        : c.legalStatus.map(\.displayName).joined(separator: "; "))
            ),
            (
                "Agencies involved",
                c.agencies.isEmpty
                    ? .text("None recorded") : el("ul", .class("sg-list")) { for a in c.agencies { el("li") { a } } }
            ),
            ("Open referrals", .text(c.openReferrals.isEmpty ? "None" : c.openReferrals.joined(separator: ", "))),
            (
                "Plans and looked-after status",
                c.plans.isEmpty
                    ? .text("None recorded") : el("ul", .class("sg-list")) { for p in c.plans { el("li") { p } } }
            ),
        ])
    }

    @NodeBuilder private func businessUnitForms(_ n: SeriousIncidentNotification, csrf: String) -> [Node] {
        el("section", .aria("labelledby", "complete-heading")) {
            el("h2", .class("sg-heading-m"), .id("complete-heading")) { "Complete the notification" }
            el("form", .postMethod, .action(.seriousIncidentComplete(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textInput(
                    "place", label: "Where did it happen?", value: fields["place"] ?? "", errors: errors,
                    hint: "For example, at home in Calder Vale")
                Components.radios(
                    "police", legend: "Are the police investigating?",
                    options: PoliceInvestigation.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: fields["police"] ?? "", errors: errors, inline: true)
                Components.textInput(
                    "police-details", label: "Police contact or reference (if investigating)",
                    value: fields["police-details"] ?? "", errors: errors)
                Components.textarea(
                    "linked-cases", label: "Linked cases (optional)", value: fields["linked-cases"] ?? "",
                    errors: errors,
                    hint: "Siblings, other reviews or notifications about the same family", rows: 3)
                Components.dateInput(
                    "aware", legend: "When did the local authority become aware?", day: fields["aware-day"] ?? "",
                    month: fields["aware-month"] ?? "",
                    year: fields["aware-year"] ?? "", errors: errors,
                    hint: "This starts the 5 working days to notify the national panel")
                Components.button("Save the notification", kind: "secondary")
            }
        }
        el("section", .aria("labelledby", "notified-heading")) {
            el("h2", .class("sg-heading-m"), .id("notified-heading")) { "Record that the national panel was notified" }
            el("form", .postMethod, .action(.seriousIncidentNotified(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.dateInput(
                    "notified", legend: "When was the national panel notified?", day: fields["notified-day"] ?? "",
                    month: fields["notified-month"] ?? "", year: fields["notified-year"] ?? "", errors: errors,
                    hint: "The day the notification was sent to the panel, for example 4 12 2026")
                Components.textarea(
                    "late-reason", label: "If it was late, why?", value: fields["late-reason"] ?? "", errors: errors,
                    hint: "Needed only after the due date", rows: 2)
                Components.button("Record the notification")
            }
        }
        el("details", .class("sg-details")) {
            el("summary", .class("sg-details__summary")) {
                el("span", .class("sg-details__summary-text")) { "It does not meet the criteria" }
            }
            el("div", .class("sg-details__text")) {
                el("form", .postMethod, .action(.seriousIncidentClose(id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.textarea(
                        "close-reason", label: "Why does it not meet the criteria?",
                        value: fields["close-reason"] ?? "", errors: errors,
                        hint: "The case worker who raised it is told", rows: 3)
                    Components.button("Close without notifying", kind: "warning")
                }
            }
        }
    }
}
