import Foundation
import SafeguardCore
import Vapor

/// The information management team's queue: incidents at marked addresses waiting to be checked, and the last checked.
struct IncidentQueueView {
    var page: IncidentPages.Queue

    func render(on req: Request) -> Response {
        req.page("Police incident alerts", section: .incidentAlerts) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Police incident alerts" }
            el("h2", .class("sg-heading-s")) { "The last 30 days" }
            el("dl", .class("sg-key-facts")) {
                for (label, value) in page.facts {
                    el("div", .class("sg-key-facts__item")) {
                        el("dt", .class("sg-key-facts__label")) { label }
                        el("dd", .class("sg-key-facts__value")) { value }
                    }
                }
            }
            el("p", .class("sg-body")) {
                "Incidents at an address with a Place of Interest marker. Check each match, then forward it to the child's social worker or reject it."
            }
            Components.table(
                caption: "\(page.waiting.count) waiting, oldest first",
                headers: ["Incident", "Address as typed", "Match", "Received"],
                rows: page.waiting.map { i in
                    [
                        el("a", .href(.incidentAlert(i.id)), .class("sg-link")) { "\(i.reference) (\(i.type))" },
                        .text(i.address),
                        Self.tag(i.match), .text(i.received),
                    ]
                })
            if !page.checked.isEmpty {
                Components.table(
                    caption: "Recently checked", headers: ["Incident", "Outcome", "By", "When"],
                    rows: page.checked.map { i in
                        [
                            el("a", .href(.incidentAlert(i.id)), .class("sg-link")) { i.reference }, .text(i.outcome),
                            .text(i.by), .text(i.when),
                        ]
                    })
            }
        }
    }

    static func tag(_ match: IncidentMatch) -> Node {
        match == .match ? Components.tag("Match", colour: "red") : Components.tag("Possible match", colour: "yellow")
    }
}

/// One matched incident for the information management officer: what the police sent, what the
/// matcher made of it and why, and the children marked at the address.
struct IncidentAlertView {
    var page: IncidentPages.Incident
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Police incident \(page.reference)", section: .incidentAlerts, hasErrors: !errors.isEmpty, status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let i = page
        return fragment {
            Components.backLink(.incidentAlerts, "Back to incident alerts")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Police incident" }
                i.reference
            }
            Components.summaryList([
                ("From", .text(i.from)),
                ("When", .text(i.occurred)),
                ("Type", .text(i.type)),
                ("Address as typed", .text(i.addressTyped)),
                ("Summary", .text(i.summary)),
                ("Received", .text(i.received)),
                ("Matched address", .text(i.matchedAddress ?? "None")),
                (
                    "Match",
                    fragment {
                        IncidentQueueView.tag(i.match)
                        i.score.map { " score \(String(format: "%.2f", $0))" } ?? ""
                    }
                ),
                ("Why", el("ul", .class("sg-list")) { for r in i.reasons { el("li") { r } } }),
            ])
            el("h2", .class("sg-heading-m")) { "Children marked at this address" }
            Components.table(
                caption: "Children marked at this address", headers: ["Child", "Status", "Social worker"],
                rows: i.children.map { c in
                    [
                        el("a", .href(.person(c.personID)), .class("sg-link")) { c.name }, .text(c.status),
                        .text(c.socialWorker),
                    ]
                }, captionVisible: false)
            if !i.homes.isEmpty {
                el("h2", .class("sg-heading-m")) { "Cuckooed home" }
                Components.table(
                    caption: "Cuckooing markers at this address", headers: ["Whose home", "How used", "Lead"],
                    rows: i.homes.map { h in
                        [
                            el("a", .href(.cuckooedHome(h.id)), .class("sg-link")) { h.whose }, .text(h.howUsed),
                            .text(h.lead),
                        ]
                    }, captionVisible: false)
            }
            if i.review.isWaiting {
                el("form", .postMethod, .action(.incidentAlertForward(i.id))) {
                    Components.csrfField(csrf)
                    Components.textInput(
                        "note", label: "Note for the social worker (optional)", value: "", errors: FormErrors())
                    Components.button("Confirm and forward to the social worker")
                }
                el("h2", .class("sg-heading-m")) { "Not this address?" }
                el("form", .postMethod, .action(.incidentAlertReject(i.id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.textInput(
                        "reason", label: "Why is it not the marked address?", value: "", errors: errors,
                        hint: "For example: flat 2, not flat 12. The rejection is recorded.")
                    Components.button("Reject the match", kind: "warning")
                }
            } else {
                el("p", .class("sg-body"), .id("review-outcome")) {
                    "\(i.review.status.displayName) by \(i.reviewedBy) "
                    "on \(i.reviewedAt)\(i.review.note.map { ": \($0)" } ?? "")."
                }
                if !i.decisions.isEmpty {
                    Components.table(
                        caption: "Social workers' decisions", headers: ["Child", "Social worker", "Decision"],
                        rows: i.decisions.map { d in
                            [.text(d.child), .text(d.socialWorker), .text(d.decision)]
                        })
                }
            }
        }
    }
}

/// A forwarded incident as the child's social worker sees it.
struct SocialWorkerAlertView {
    var page: IncidentPages.Alert
    var errors: FormErrors
    var fields: [String: String] = [:]

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Police incident about \(page.childName)", section: .myWork, hasErrors: !errors.isEmpty, status: status
        ) { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        let a = page
        return fragment {
            Components.backLink(.myWork, "Back to my work")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { a.childName }
                "Police incident \(a.reference)"
            }
            Components.summaryList([
                ("When", .text(a.occurred)),
                ("Type", .text(a.type)),
                ("Address", .text(a.address)),
                ("Summary", .text(a.summary)),
                ("Forwarded", .text(a.forwarded)),
            ])
            if let relevance = a.decision.relevance {
                el("p", .class("sg-body"), .id("decision")) {
                    "\(relevance.displayName) to the plan, decided by \(a.decidedBy) on "
                    "\(a.decidedAt)\(a.decision.note.map { ": \($0)" } ?? "")."
                }
                if let referral = a.detailsReferral {
                    el("p", .class("sg-body"), .id("details-requested")) {
                        "Full details asked of the police through the MASH: referral "
                        el("strong") { referral }
                        ". The answer will be on \(a.childFirstName)'s chronology."
                    }
                } else if a.decision.mayAskForDetails {
                    el("h2", .class("sg-heading-m")) { "Ask the police for the full details" }
                    el("p", .class("sg-body")) {
                        "The request goes through the MASH, which asks the police with an amber deadline."
                    }
                    el("form", .postMethod, .action(.incidentAlertDetails(a.id)), Attr("novalidate", nil)) {
                        Components.csrfField(csrf)
                        Components.radios(
                            "family-awareness", legend: "Does the family know you are asking?",
                            options: FamilyAwareness.allCases.map { ($0.rawValue, $0.displayName) },
                            selected: fields["family-awareness"] ?? "", errors: errors)
                        Components.radios(
                            "lawful-basis", legend: "On what basis are you sharing and asking?",
                            options: LawfulBasis.allCases.map { ($0.rawValue, $0.displayName) },
                            selected: fields["lawful-basis"] ?? "", errors: errors)
                        Components.textInput(
                            "referrer-phone", label: "A telephone number the MASH can call you on",
                            value: fields["referrer-phone"] ?? "",
                            errors: errors, type: "tel", width: "20", autocomplete: "tel")
                        Components.button("Ask for the details")
                    }
                }
            } else {
                el("form", .postMethod, .action(.incidentAlertForSocialWorker(a.id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.radios(
                        "decision", legend: "Does this matter for \(a.childFirstName)'s plan?",
                        options: IncidentRelevance.allCases.map { ($0.rawValue, $0.choice) }, selected: "",
                        errors: errors)
                    Components.textInput("note", label: "Note (optional)", value: "", errors: FormErrors())
                    Components.button("Record decision")
                }
            }
        }
    }
}
