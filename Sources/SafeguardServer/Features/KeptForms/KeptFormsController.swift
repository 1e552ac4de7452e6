import Fluent
import SafeguardCore
import Vapor

/// A form sent after the session ended, shown to its author once signed in again, to send or
/// discard. Sending deletes the kept copy and hands the same fields to the page they were for.
struct KeptFormsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.keptForm(.param("keptID")), for: .anyoneSignedIn, use: show)
        routes.post(.keptFormSend(.param("keptID")), for: .anyoneSignedIn, use: send)
        routes.post(.keptFormDiscard(.param("keptID")), for: .anyoneSignedIn, use: discard)
    }

    func show(req: Request) async throws -> Response {
        let (viewer, kept) = try await Self.load(req)
        try await req.audit.record(
            viewer.event(.view, "kept-form", try kept.requireID().uuidString, on: req), on: req.db)
        return KeptFormView(
            id: try kept.requireID(), path: kept.path, fields: kept.fields, keptAt: SiteFormat.dateTime(kept.keptAt)
        )
        .render(on: req)
    }

    /// The browser sends the same fields on to the page they were for (307 keeps the method and
    /// the body); that page checks them as it always does.
    func send(req: Request) async throws -> Response {
        let (viewer, kept) = try await Self.load(req)
        guard KeptFormRules.isSitePath(kept.path) else { throw Abort(.notFound) }
        try await Self.remove(kept, viewer: viewer, reason: "sent again to \(kept.path)", on: req)
        let response = Response(status: .temporaryRedirect)
        response.headers.replaceOrAdd(name: .location, value: kept.path)
        return response
    }

    func discard(req: Request) async throws -> Response {
        let (viewer, kept) = try await Self.load(req)
        try await Self.remove(kept, viewer: viewer, reason: "discarded", on: req)
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    static func remove(_ kept: KeptForm, viewer: Viewer, reason: String, on req: Request) async throws {
        let id = try kept.requireID()
        try await req.audit.write(on: req.db) { db in
            try await kept.delete(on: db)
            return ((), [viewer.event(.change, "kept-form", id.uuidString, reason: reason, on: req)])
        }
    }

    /// The signed-in user's own kept form; anyone else's, or one past its time, is not found.
    static func load(_ req: Request) async throws -> (Viewer, KeptForm) {
        let viewer = try req.requireViewer()
        guard
            let kept = try await KeptForm.find(
                req.parameters.get("keptID", as: UUID.self), for: viewer.userID, now: req.now, on: req.db)
        else {
            throw Abort(.notFound)
        }
        return (viewer, kept)
    }
}
