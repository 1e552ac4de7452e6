import Vapor

/// Who has looked at a person's record, newest first.
struct AccessLogView {
    struct Row: Sendable {
        var when: Date
        var who: String
        var agency: String
        var action: String
        var reason: String
    }

    var personID: UUID
    var personName: String
    var rows: [Row]

    /// Views made under break-glass carry the reason with a marker; show it in words.
    static func readable(_ reason: String) -> String {
        reason.hasPrefix(breakGlassPrefix) ? "Under break-glass: " + reason.dropFirst(breakGlassPrefix.count) : reason
    }

    static let breakGlassPrefix = "break-glass: "

    func render(on req: Request) -> Response {
        req.page("Who has looked at this record", section: .people) {
            Components.backLink(.person(personID), "Back to \(personName)")
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { personName }
                "Who has looked at this record"
            }
            el("table", .class("sg-table")) {
                el("caption", .class("sg-table__caption sg-table__caption--m")) {
                    "\(rows.count) recorded views and changes, newest first"
                }
                el("thead", .class("sg-table__head")) {
                    el("tr", .class("sg-table__row")) {
                        for h in ["When", "Who", "Agency", "What", "Reason given"] {
                            el("th", .class("sg-table__header"), Attr("scope", "col")) { h }
                        }
                    }
                }
                el("tbody") {
                    for r in rows {
                        el("tr", .class("sg-table__row")) {
                            el("td", .class("sg-table__cell")) { SiteFormat.dateTime(r.when) }
                            el("td", .class("sg-table__cell")) { r.who }
                            el("td", .class("sg-table__cell")) { r.agency }
                            el("td", .class("sg-table__cell")) { r.action }
                            el("td", .class("sg-table__cell")) { Self.readable(r.reason) }
                        }
                    }
                }
            }
        }
    }
}
