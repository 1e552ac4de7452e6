import Foundation
import SafeguardCore
import Vapor

/// The referrals an agency has made, with each outcome once signed off, and the viewer's own unsent drafts.
struct ReferralsMineView {
    struct Draft: Sendable {
        var id: UUID
        var started: String
    }
    struct Sent: Sendable {
        var id: UUID
        var reference: String
        var sent: String
        var by: String
        var outcome: ReferralOutcome?
    }

    var agencyName: String
    var drafts: [Draft]
    var sent: [Sent]

    func render(on req: Request) -> Response {
        req.page("Your referrals", section: .referrals) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Referrals from \(agencyName)" }
            // The start page carries the "call 999" warning, so the button leads there first.
            el("a", .href(.referralNew), .class("sg-button"), Attr("role", "button"), Attr("draggable", "false")) {
                "Make a referral"
            }
            if !drafts.isEmpty {
                Components.table(
                    caption: "Your unsent drafts", headers: ["Started", ""],
                    rows: drafts.map { d in
                        [
                            .text(d.started),
                            el("a", .href(.referralStep(d.id, .people)), .class("sg-link")) { "Continue this draft" },
                        ]
                    })
            }
            Components.table(
                caption: "Sent referrals", headers: ["Reference", "Sent", "By", "Outcome"],
                rows: sent.map { r in
                    [
                        el("a", .href(.referralOutcome(r.id)), .class("sg-link")) { r.reference },
                        .text(r.sent),
                        .text(r.by),
                        Components.tag(r.outcome?.displayName ?? "With the MASH", colour: "blue"),
                    ]
                })
        }
    }
}

/// What the referrer may know of a referral: the outcome once a manager has signed it off, never the rationale.
struct ReferralOutcomeView {
    var reference: String
    var sent: String
    var outcome: ReferralOutcome?

    func render(on req: Request) -> Response {
        req.page("Referral \(reference)", section: .referrals) { body }
    }

    var body: Node {
        fragment {
            Components.backLink(.referrals, "Back to your referrals")
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Referral" }
                reference
            }
            Components.summaryList([
                ("Sent", .text(sent)),
                ("Status", .text(outcome == nil ? "With the MASH" : "Decided")),
                ("Outcome", .text(outcome?.displayName ?? "Not decided yet")),
            ])
            el("p", .class("sg-body")) {
                "The MASH shares the outcome only. If you need to know more to keep someone safe, call the MASH and quote the reference."
            }
        }
    }
}
