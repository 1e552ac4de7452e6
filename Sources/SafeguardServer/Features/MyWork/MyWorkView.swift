import SafeguardCore
import Vapor

/// "My work": everything waiting for the user, urgent first; a manager can switch between the team's
/// MASH work and the county's.
struct MyWorkView {
    var items: [MyWorkController.Item]
    var scope: MyWorkScope
    var scopes: [MyWorkScope]

    func render(on req: Request) -> Response {
        req.page("My work", section: .myWork) {
            el("h1", .class("sg-heading-l")) { "My work" }
            if scopes.count > 1 {
                el("nav", .class("sg-sub-navigation"), .aria("label", "Whose work")) {
                    el("ul", .class("sg-sub-navigation__list")) {
                        for s in scopes {
                            el("li", .class("sg-sub-navigation__item")) {
                                el(
                                    "a",
                                    attrs: [
                                        Attr("href", SiteURL.myWork.with(query: [("scope", s.rawValue)])),
                                        .class("sg-link"),
                                    ]
                                        + (s == scope ? [Attr("aria-current", "page")] : [])
                                ) { s == scope ? "\(s.displayName) (shown)" : s.displayName }
                            }
                        }
                    }
                }
            }
            if items.isEmpty {
                el("p", .class("sg-body")) { "Nothing is waiting for you." }
            } else {
                let urgent = items.filter(\.urgent).count
                Components.table(
                    caption: "\(Words.count(items.count, "thing")) waiting"
                        + (urgent > 0 ? ", \(urgent) urgent, most urgent first" : ""),
                    headers: ["What", "When", ""],
                    rows: items.map { i in
                        [
                            el("a", .href(i.url), .class("sg-link")) { i.title }, .text(i.detail),
                            i.urgent
                                ? Components.tag("Urgent", colour: "red")
                                : i.seen.map { id in
                                    el("form", .postMethod, .action(.protectionStatusCheckNoticeSeen(id))) {
                                        Components.csrfField(req.csrfToken)
                                        el(
                                            "button", .type("submit"),
                                            .class("sg-button sg-button--secondary sg-!-margin-bottom-0")
                                        ) {
                                            "Seen"
                                            el("span", .class("sg-visually-hidden")) { ": \(i.title)" }
                                        }
                                    }
                                } ?? .empty,
                        ]
                    })
            }
        }
    }
}
