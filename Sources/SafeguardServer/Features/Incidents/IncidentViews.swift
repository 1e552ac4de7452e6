import Foundation
import Vapor
import SafeguardCore

/// One matched incident for the information management officer: what the police sent, what the
/// matcher made of it and why, and the children marked at the address.
struct IncidentAlertView {
    var incident: PoliceIncident
    var marked: [PlaceOfInterestMarker]
    var alerts: [IncidentAlert]
    var errors: FormErrors
    /// Open cuckooing markers at the address: their leads are told too.
    var cuckooed: [CuckooedHome] = []

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let i = incident, id = incident.id!
        return req.page("Police incident \(i.reference)", section: .incidentAlerts, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.incidentAlerts, "Back to incident alerts")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { el("span", .class("sg-caption-l")) { "Police incident" }; i.reference }
            Components.summaryList([
                ("From", .text(i.agency.name)),
                ("When", .text(SiteFormat.dateTime(i.occurredAt))),
                ("Type", .text(i.incidentType)),
                ("Address as typed", .text(i.addressText + (i.postcode.map { ", \($0)" } ?? ""))),
                ("Summary", .text(i.summary)),
                ("Received", .text(SiteFormat.dateTime(i.receivedAt))),
                ("Matched address", .text(i.matchedAddress?.singleLine ?? "None")),
                ("Match", fragment {
                    i.matchOutcome == .match ? Components.tag("Match", colour: "red") : Components.tag("Possible match", colour: "yellow")
                    i.matchScore.map { " score \(String(format: "%.2f", $0))" } ?? ""
                }),
                ("Why", el("ul", .class("sg-list")) { for r in i.matchReasons.split(separator: "\n") { el("li") { String(r) } } }),
            ])
            el("h2", .class("sg-heading-m")) { "Children marked at this address" }
            Components.table(caption: "Children marked at this address", headers: ["Child", "Status", "Social worker"], rows: marked.map { m in
                [el("a", .href(.person(m.protection.$person.id)), .class("sg-link")) { m.protection.person.fullName },
                 .text(m.protection.kind.displayName), .text(m.protection.socialWorker.displayName)]
            }, captionVisible: false)
            if !cuckooed.isEmpty {
                el("h2", .class("sg-heading-m")) { "Cuckooed home" }
                Components.table(caption: "Cuckooing markers at this address", headers: ["Whose home", "How used", "Lead"], rows: cuckooed.map { h in
                    [el("a", .href(.cuckooedHome(h.id!)), .class("sg-link")) { h.person.fullName },
                     .text(h.kindList.map(\.displayName).joined(separator: "; ")), .text(h.lead.displayName)]
                }, captionVisible: false)
            }
            if i.review.isWaiting {
                el("form", .postMethod, .action(.incidentAlertForward(id))) {
                    Components.csrfField(req.csrfToken)
                    Components.textInput("note", label: "Note for the social worker (optional)", value: "", errors: FormErrors())
                    Components.button("Confirm and forward to the social worker")
                }
                el("h2", .class("sg-heading-m")) { "Not this address?" }
                el("form", .postMethod, .action(.incidentAlertReject(id)), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    Components.textInput("reason", label: "Why is it not the marked address?", value: "", errors: errors,
                                         hint: "For example: flat 2, not flat 12. The rejection is recorded.")
                    Components.button("Reject the match", kind: "warning")
                }
            } else {
                el("p", .class("sg-body"), .id("review-outcome")) {
                    "\(i.reviewStatus.displayName) by \(i.reviewedBy?.displayName ?? "") "
                    "on \(i.reviewedAt.map(SiteFormat.dateTime) ?? "")\(i.reviewNote.map { ": \($0)" } ?? "")."
                }
                if !alerts.isEmpty {
                    Components.table(caption: "Social workers' decisions", headers: ["Child", "Social worker", "Decision"], rows: alerts.map { a in
                        [.text(a.person.fullName), .text(a.socialWorker.displayName),
                         .text(a.decision?.displayName ?? "Waiting")]
                    })
                }
            }
        }
    }
}

/// A forwarded incident as the child's social worker sees it.
struct SocialWorkerAlertView {
    var alert: IncidentAlert
    var errors: FormErrors
    var fields: [String: String] = [:]

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let a = alert, i = alert.incident
        return req.page("Police incident about \(a.person.fullName)", section: .myWork, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.myWork, "Back to my work")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { el("span", .class("sg-caption-l")) { a.person.fullName }; "Police incident \(i.reference)" }
            Components.summaryList([
                ("When", .text(SiteFormat.dateTime(i.occurredAt))),
                ("Type", .text(i.incidentType)),
                ("Address", .text(i.addressText)),
                ("Summary", .text(i.summary)),
                ("Forwarded", .text(SiteFormat.dateTime(a.forwardedAt))),
            ])
            if let decision = a.decision {
                el("p", .class("sg-body"), .id("decision")) {
                    "\(decision.displayName) to the plan, decided by \(a.decidedBy?.displayName ?? "") on "
                    "\(a.decidedAt.map(SiteFormat.dateTime) ?? "")\(a.decisionNote.map { ": \($0)" } ?? "")."
                }
                if let referral = a.detailsReferral {
                    el("p", .class("sg-body"), .id("details-requested")) {
                        "Full details asked of the police through the MASH: referral "
                        el("strong") { referral.reference }
                        ". The answer will be on \(a.person.firstName)'s chronology."
                    }
                } else if a.decisionState.mayAskForDetails {
                    el("h2", .class("sg-heading-m")) { "Ask the police for the full details" }
                    el("p", .class("sg-body")) { "The request goes through the MASH, which asks the police with an amber deadline." }
                    el("form", .postMethod, .action(.incidentAlertDetails(a.id!)), Attr("novalidate", nil)) {
                        Components.csrfField(req.csrfToken)
                        Components.radios("family-awareness", legend: "Does the family know you are asking?",
                                          options: FamilyAwareness.allCases.map { ($0.rawValue, $0.displayName) }, selected: fields["family-awareness"] ?? "", errors: errors)
                        Components.radios("lawful-basis", legend: "On what basis are you sharing and asking?",
                                          options: LawfulBasis.allCases.map { ($0.rawValue, $0.displayName) }, selected: fields["lawful-basis"] ?? "", errors: errors)
                        Components.textInput("referrer-phone", label: "A telephone number the MASH can call you on", value: fields["referrer-phone"] ?? "",
                                             errors: errors, type: "tel", width: "20", autocomplete: "tel")
                        Components.button("Ask for the details")
                    }
                }
            } else {
                el("form", .postMethod, .action(.incidentAlertForSocialWorker(a.id!)), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    Components.radios("decision", legend: "Does this matter for \(a.person.firstName)'s plan?",
                                      options: IncidentRelevance.allCases.map { ($0.rawValue, $0.choice) }, selected: "", errors: errors)
                    Components.textInput("note", label: "Note (optional)", value: "", errors: FormErrors())
                    Components.button("Record decision")
                }
            }
        }
    }
}
