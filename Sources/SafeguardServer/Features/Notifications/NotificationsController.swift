import Fluent
import Vapor

/// The signed-in user's messages. Opening the page marks them read.
struct NotificationsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.notifications, for: .anyoneSignedIn, use: list)
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
        let messages = notices.map {
            NotificationsView.Message(
                subject: $0.subject, link: $0.link, unread: $0.readAt == nil,
                sent: SiteFormat.dateTime($0.createdAt), body: $0.body)
        }
        return NotificationsView(messages: messages).render(on: req)
    }
}
