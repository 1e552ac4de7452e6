import Vapor

/// The signed-in user's messages, newest first, as plain values: those not read before this visit are marked new.
struct NotificationsView {
    struct Message: Sendable {
        var subject: String
        /// A path in the site, as ``SiteURL`` built it when the message was sent.
        var link: String
        var unread: Bool
        var sent: String
        /// Paragraphs split by a blank line, lines by a newline.
        var body: String
    }

    var messages: [Message]

    func render(on req: Request) -> Response {
        req.page("Your messages") { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Your messages" }
            if messages.isEmpty { el("p", .class("sg-body")) { "You have no messages." } }
            for n in messages {
                el("section", .class("sg-message" + (n.unread ? " sg-message--unread" : ""))) {
                    el("h2", .class("sg-heading-s")) {
                        el("a", Attr("href", n.link), .class("sg-link")) { n.subject }
                        if n.unread {
                            " "
                            Components.tag("New", colour: "blue")
                        }
                    }
                    el("p", .class("sg-body-s sg-hint")) { n.sent }
                    for paragraph in n.body.components(separatedBy: "\n\n") {
                        el("p", .class("sg-body")) {
                            for (i, line) in paragraph.components(separatedBy: "\n").enumerated() {
                                if i > 0 { void("br") }
                                line
                            }
                        }
                    }
                }
            }
        }
    }
}
