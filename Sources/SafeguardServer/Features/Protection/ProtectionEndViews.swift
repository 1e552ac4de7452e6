import Foundation
import SafeguardCore
import Vapor

/// "End this plan?": what ending does (which addresses stop being marked, that police will no
/// longer be told), the date and the reason, and one button that does it.
struct ProtectionEndView {
    var protectionID: UUID
    var personName: String
    /// "child protection plan", "looked-after status".
    var recordName: String
    /// The addresses whose markers end with it, one line each.
    var markedAddresses: [String]
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("End the \(recordName)", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.protection(protectionID), "Back to the \(recordName)")
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    el("h1", .class("sg-heading-l")) {
                        el("span", .class("sg-caption-l")) { personName }
                        "End the \(recordName)"
                    }
                    ProtectionEndView.consequences(markedAddresses)
                    el("form", .postMethod, .action(.protectionEnd(protectionID)), Attr("novalidate", nil)) {
                        Components.csrfField(req.csrfToken)
                        Components.dateInput(
                            "end", legend: "End date", day: fields["end-day"] ?? "", month: fields["end-month"] ?? "",
                            year: fields["end-year"] ?? "", errors: errors, hint: "For example, 27 3 2026")
                        Components.textarea(
                            "end-reason", label: "Why did it end?", value: fields["end-reason"] ?? "", errors: errors,
                            hint: "For example, plan ended at the review conference", rows: 3)
                        Components.button("End the \(recordName) and its markers", kind: "warning")
                    }
                    el("p", .class("sg-body")) {
                        el("a", .href(.protection(protectionID)), .class("sg-link")) { "Cancel: keep it open" }
                    }
                }
            }
        }
    }

    /// The paragraph that says what ending does to the police's view of each address.
    static func consequences(_ addresses: [String]) -> Node {
        fragment {
            if addresses.isEmpty {
                el("p", .class("sg-body")) { "No address is marked for it now." }
            } else {
                el("p", .class("sg-body")) {
                    "These addresses stop being marked. Police attending them will no longer be told there are safeguarding concerns there, "
                    "and incidents there will no longer be matched:"
                }
                el("ul", .class("sg-list sg-list--bullet"), .id("addresses-to-unmark")) {
                    for a in addresses { el("li") { a } }
                }
                el("p", .class("sg-body")) { "The markers stay in the record's history." }
            }
        }
    }
}

/// "Stop marking this address?" for one marker of an open plan.
struct MarkerEndView {
    var protectionID: UUID
    var markerID: UUID
    var personName: String
    var address: String
    var why: String
    var reason: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Stop marking this address", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.protection(protectionID), "Back to the plan")
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    Components.errorSummary(errors)
                    el("h1", .class("sg-heading-l")) {
                        el("span", .class("sg-caption-l")) { personName }
                        "Stop marking \(address)?"
                    }
                    el("p", .class("sg-body")) { "It was marked as \(why)." }
                    ProtectionEndView.consequences([address])
                    el(
                        "form", .postMethod, .action(.protectionMarkerEnd(protectionID, markerID)),
                        Attr("novalidate", nil)
                    ) {
                        Components.csrfField(req.csrfToken)
                        Components.textarea(
                            "reason", label: "Why is this address no longer relevant?", value: reason, errors: errors,
                            hint: "For example, Dean moved out of the flat on 2 March", rows: 3)
                        Components.button("Stop marking this address", kind: "warning")
                    }
                    el("p", .class("sg-body")) {
                        el("a", .href(.protection(protectionID)), .class("sg-link")) { "Cancel: keep it marked" }
                    }
                }
            }
        }
    }
}
