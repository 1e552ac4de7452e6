import Foundation
import SafeguardCore
import Vapor

/// The audit review page: break-glass openings waiting to be reviewed, each with what the user
/// did while the glass was open, then the latest entries of the trail.
struct AuditReviewView {
    struct Line: Sendable {
        var sequence: Int64, when: String, who: String, what: String, record: String, reason: String

    }

    struct Opening: Sendable {
        var id: UUID, when: String, who: String, whoName: String, record: String, reason: String
        var doneWhileOpen: [Line]
    }

    var openings: [Opening]
    var recent: [Line]

    func render(on req: Request) -> Response {
        req.page("Audit review", section: .audit) {
            el("h1", .class("sg-heading-l")) { "Audit review" }
            el("h2", .class("sg-heading-m")) { "Break-glass openings to review (\(openings.count))" }
            if openings.isEmpty {
                el("p", .class("sg-body")) { "None waiting." }
            } else {
                Components.table(
                    caption: "Records opened without agency involvement",
                    headers: ["When", "Who", "Record", "Reason given", "Done while open", ""],
                    rows: openings.map { o in
                        [
                            .text(o.when), .text(o.who), .text(o.record), .text(o.reason),
                            el("ul", .class("sg-list sg-body-s")) {
                                for l in o.doneWhileOpen {
                                    el("li") { "\(l.what) \(l.record)" + (l.reason.isEmpty ? "" : " (\(l.reason))") }
                                }
                            },
                            el("form", .postMethod, .action(.auditReviewGrant(o.id))) {
                                Components.csrfField(req.csrfToken)
                                void("input", .type("hidden"), .name("note"), .value("Reviewed"))
                                el(
                                    "button", .type("submit"),
                                    .class("sg-button sg-button--secondary sg-!-margin-bottom-0")
                                ) {
                                    "Mark reviewed"
                                    el("span", .class("sg-visually-hidden")) { " for \(o.whoName)" }
                                }
                            },
                        ]
                    }, captionVisible: false)
            }
            el("h2", .class("sg-heading-m")) { "Latest audit entries" }
            Components.table(
                caption: "The 50 most recent entries, newest first",
                headers: ["#", "When", "Who", "What", "Record", "Reason"],
                rows: recent.map { l in
                    [
                        .text(String(l.sequence)), .text(l.when), .text(l.who), .text(l.what), .text(l.record),
                        .text(l.reason),
                    ]
                }, captionVisible: false)
        }
    }
}
