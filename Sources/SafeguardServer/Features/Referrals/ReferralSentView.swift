import Foundation
import Vapor

/// The referrer's confirmation once a referral is sent: its reference, what happens next, and
/// whom to call now when the MASH is closed.
struct ReferralSentView {
    var reference: String
    /// Whether the referral was sent when the MASH cannot act on it soon enough.
    var outOfHours: Bool
    /// When the MASH next opens, "3 March 2026, 8:30am"; nil when it is not known.
    var opens: String?
    /// The partnership's out-of-hours telephone number, if it has set one.
    var outOfHoursContact: String?
    /// When the MASH will have decided, "3 March 2026, 2:15pm".
    var decisionDue: String?

    func render(on req: Request) -> Response {
        req.page("Referral sent", section: .referrals) { body }
    }

    var body: Node {
        el("div", .class("sg-grid-row")) {
            el("div", .class("sg-grid-column-two-thirds")) {
                el("div", .class("sg-panel sg-panel--confirmation")) {
                    el("h1", .class("sg-panel__title")) { "Referral sent" }
                    el("div", .class("sg-panel__body")) {
                        "Your reference is"
                        el("br")
                        el("strong", .id("reference")) { reference }
                    }
                }
                if outOfHours {
                    el("div", .class("sg-warning-text"), .id("out-of-hours")) {
                        el("strong", .class("sg-warning-text__text")) {
                            "The MASH is closed until \(opens ?? "it next opens"). "
                            if let outOfHoursContact {
                                "If someone needs to act before then, call \(outOfHoursContact) now "
                                    + "and quote \(reference). "
                            } else {
                                "If someone needs to act before then, call your area's out-of-hours children's social "
                                    + "care team now (the partnership has not yet set its number here: "
                                    + "your safeguarding lead has it). "
                            }
                            "If a child is in immediate danger, call 999."
                        }
                    }
                }
                el("h2", .class("sg-heading-m")) { "What happens next" }
                el("p", .class("sg-body")) {
                    decisionDue.map { "The MASH will decide how to respond by \($0). " } ?? ""
                    "They may call you. You can see the outcome on your referrals page once it is decided."
                }
                el("p", .class("sg-body")) { el("a", .href(.referrals), .class("sg-link")) { "Your referrals" } }
            }
        }
    }
}
