import Vapor

/// "Send what you typed": the kept fields, read back, and the choice to send or discard them.
struct KeptFormView {
    var id: UUID
    var path: String
    var fields: [(name: String, value: String)]
    var keptAt: String

    /// "rationale" → "Rationale", "end-reason" → "End reason", "categories[]" → "Categories".
    static func label(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    func render(on req: Request) -> Response {
        req.page("Send what you typed") { body(csrf: req.csrfToken) }
    }

    func body(csrf: String) -> Node {
        el("div", .class("sg-grid-row")) {
            el("div", .class("sg-grid-column-two-thirds")) {
                el("h1", .class("sg-heading-l")) { "Send what you typed" }
                el("p", .class("sg-body")) {
                    "You were signed out before this was sent, at \(keptAt). Nothing has been saved yet. "
                    "Check what you typed, then send it: the page it was for checks it as usual and shows any problems."
                }
                Components.summaryList(
                    fields.filter { !$0.value.isEmpty }.map { (Self.label($0.name), .text($0.value)) })
                el("form", .postMethod, .action(.keptFormSend(id))) {
                    Components.csrfField(csrf)
                    for f in fields { void("input", .type("hidden"), .name(f.name), .value(f.value)) }
                    Components.button("Send it")
                }
                el("form", .postMethod, .action(.keptFormDiscard(id))) {
                    Components.csrfField(csrf)
                    Components.button("Discard what I typed", kind: "secondary")
                }
            }
        }
    }
}
