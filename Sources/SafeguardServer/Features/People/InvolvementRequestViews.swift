import Foundation
import SafeguardCore
import Vapor

/// "Ask for your agency's involvement to be recorded", reached from a record opened under break-glass.
struct InvolvementAskView {
    var personID: UUID
    var personName: String
    var agencyName: String
    /// A request from this agency is already waiting: say so rather than ask again.
    var pending: Bool
    var reason: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Ask for your agency's involvement", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(personID), "Back to \(personName)")
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    el("h1", .class("sg-heading-l")) {
                        "Ask for \(agencyName) to be recorded as working with \(personName)"
                    }
                    if pending {
                        el("p", .class("sg-body"), .id("request-pending")) {
                            "A request from \(agencyName) is already waiting for a manager. You will get a message when it is decided."
                        }
                    } else {
                        el("p", .class("sg-body")) {
                            "You opened this record by breaking the glass, which lets you read it for four hours. A team manager of your agency, "
                            "or a MASH manager, decides whether your agency is now working with \(personName). Until then nothing on the record can be changed by your agency."
                        }
                        el("form", .postMethod, .action(.personInvolvementRequest(personID)), Attr("novalidate", nil)) {
                            Components.csrfField(req.csrfToken)
                            Components.textarea(
                                "reason", label: "Why is your agency now working with \(personName)?", value: reason,
                                errors: errors,
                                hint:
                                    "For example: allocated to our early help team today after a referral from school.")
                            Components.button("Send to a manager")
                        }
                    }
                }
            }
        }
    }
}

/// A manager's list of requests waiting for a decision.
struct InvolvementRequestListView {
    var rows: [InvolvementRequestView.Summary]
    /// The decision just made, for the confirmation banner.
    var done: InvolvementRequestStatus?

    func render(on req: Request) -> Response {
        req.page("Involvement requests", section: .myWork) {
            if let done {
                Components.notification("Request \(done.displayName.lowercased()). The worker who asked has been told.")
            }
            el("h1", .class("sg-heading-l")) { "Involvement requests" }
            el("p", .class("sg-body")) {
                "Workers who opened a record under break-glass and asked for their agency to be recorded as working with the person."
            }
            if rows.isEmpty {
                el("p", .class("sg-body")) { "No request is waiting for you." }
            } else {
                Components.table(
                    caption: "\(rows.count) waiting, oldest first", headers: ["Person", "Agency", "Asked by", "When"],
                    rows: rows.map { r in
                        [
                            el("a", .href(.involvementRequest(r.id)), .class("sg-link")) { r.personName },
                            .text(r.agencyName), .text(r.askedBy), .text(r.askedAt),
                        ]
                    })
            }
        }
    }
}

/// One request: who asked, why, their break-glass reasons, and the decision form.
struct InvolvementRequestView {
    struct Summary: Sendable {
        var id: UUID, personName: String, agencyName: String, askedBy: String, askedAt: String
    }

    var summary: Summary
    var personID: UUID
    var reason: String
    var status: InvolvementRequestStatus
    var decided: String?
    var breakGlassReasons: [(when: String, reason: String)]
    var mayDecide: Bool
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status httpStatus: HTTPStatus = .ok) -> Response {
        req.page("Involvement request", section: .myWork, hasErrors: !errors.isEmpty, status: httpStatus) {
            Components.backLink(.involvementRequests, "Back to involvement requests")
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    el("h1", .class("sg-heading-l")) { "\(summary.agencyName) to work with \(summary.personName)?" }
                    Components.summaryList([
                        ("Person", el("a", .href(.person(personID)), .class("sg-link")) { summary.personName }),
                        ("Agency", .text(summary.agencyName)),
                        ("Asked by", .text("\(summary.askedBy), \(summary.askedAt)")),
                        ("Why", .text(reason)),
                        (
                            "Break-glass reasons",
                            .text(breakGlassReasons.map { "\($0.when): \($0.reason)" }.joined(separator: "; "))
                        ),
                        ("Status", .text(status.displayName + (decided.map { ", \($0)" } ?? ""))),
                    ])
                    if mayDecide {
                        el("form", .postMethod, .action(.involvementRequest(summary.id)), Attr("novalidate", nil)) {
                            Components.csrfField(req.csrfToken)
                            Components.radios(
                                "decision", legend: "Your decision",
                                options: [
                                    (
                                        InvolvementDecision.approve.rawValue,
                                        "Approve: record \(summary.agencyName) as working with \(summary.personName)"
                                    ),
                                    (
                                        InvolvementDecision.decline.rawValue,
                                        "Decline: the worker keeps only what break-glass gave them"
                                    ),
                                ], selected: fields["decision"] ?? "", errors: errors)
                            Components.textarea(
                                "note", label: "Note to the worker (needed if you decline)",
                                value: fields["note"] ?? "", errors: errors, rows: 3)
                            Components.button("Confirm decision")
                        }
                    } else if status == .pending {
                        el("p", .class("sg-body")) { "You asked for this yourself, so another manager must decide it." }
                    }
                }
            }
        }
    }
}
