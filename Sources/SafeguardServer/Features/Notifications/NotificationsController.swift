import Fluent
import Vapor

/// The signed-in user's messages. Opening the page marks them read.
struct NotificationsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.notifications, use: list)
    }

    func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let notices = try await UserNotification.query(on: req.db).filter(\.$user.$id == viewer.userID)
            .sort(\.$createdAt, .descending).limit(100).all()
        let unread = notices.filter { $0.readAt == nil }
        if !unread.isEmpty {
            let now = req.now
            try await req.audit.plainWrite(on: req.db) { db in
                try await UserNotification.query(on: db).filter(\.$user.$id == viewer.userID).filter(\.$readAt == nil)
                    .set(\.$readAt, to: now).update()
            }
        }
        return req.page("Your messages") {
            el("h1", .class("sg-heading-l")) { "Your messages" }
            if notices.isEmpty { el("p", .class("sg-body")) { "You have no messages." } }
            for n in notices {
                el("section", .class("sg-message" + (n.readAt == nil ? " sg-message--unread" : ""))) {
                    el("h2", .class("sg-heading-s")) {
                        el("a", Attr("href", n.link), .class("sg-link")) { n.subject }
                        if n.readAt == nil {
                            " "
                            Components.tag("New", colour: "blue")
                        }
                    }
                    el("p", .class("sg-body-s sg-hint")) { SiteFormat.dateTime(n.createdAt) }
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
