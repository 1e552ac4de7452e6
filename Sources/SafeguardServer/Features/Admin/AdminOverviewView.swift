import Vapor

/// The administrator's first page: what they manage, with counts, and how e-mail copies of messages are going.
struct AdminOverviewView {
    var counts: [(label: String, url: SiteURL, count: Int)]
    var email: EmailDeliverySummary

    func render(on req: Request) -> Response {
        req.page("Administration", section: .admin) {
            el("h1", .class("sg-heading-l")) { "Administration" }
            el("table", .class("sg-table")) {
                el("caption", .class("sg-visually-hidden")) { "What you can manage" }
                el("tbody") {
                    for (label, url, n) in counts {
                        el("tr", .class("sg-table__row")) {
                            el("th", .class("sg-table__header"), Attr("scope", "row")) {
                                el("a", .href(url), .class("sg-link")) { label }
                            }
                            el("td", .class("sg-table__cell sg-table__cell--numeric")) { String(n) }
                        }
                    }
                }
            }
            emailSection
        }
    }

    private var emailSection: Node {
        .fragment([
            el("h2", .class("sg-heading-m"), .id("email")) { "E-mail copies of messages" },
            email.configured
                ? delivery
                : el("p", .class("sg-body")) {
                    "E-mail is not set up, so messages stay in the platform (SAFEGUARD_SMTP_HOST and the settings beside it in the README)."
                },
        ])
    }

    private var delivery: Node {
        var rows: [(String, Node)] = [
            ("Mail server", .text(email.mailServer)),
            (
                "Messages in the last 7 days",
                .text("\(email.sent) sent, \(email.waiting) waiting, \(email.failed) failed")
            ),
        ]
        if email.retrying > 0 {
            let next = email.nextTry.map { ", the next try at " + SiteFormat.dateTime($0) } ?? ""
            rows.append(("Waiting to be tried again", .text("\(email.retrying) after a failure\(next)")))
        }
        if let problem = email.lastProblem {
            rows.append(("What the mail server said last time it failed", .text(problem)))
        }
        return .fragment([
            email.retrying > 0
                ? el("div", .class("sg-warning-text")) {
                    el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                    el("strong", .class("sg-warning-text__text")) {
                        el("span", .class("sg-visually-hidden")) { "Warning: " }
                        "Some e-mail could not be sent and is waiting to be tried again. If this lasts, check the mail server and its settings."
                    }
                } : .empty,
            Components.summaryList(rows),
            el("p", .class("sg-body")) {
                "A failure that may pass (the mail server down or busy) is tried again after 1, 5, 30, 120 and 360 minutes; "
                "a refusal for good, or the sixth failure, marks the e-mail failed. The message itself stays in the platform either way."
            },
        ])
    }
}
