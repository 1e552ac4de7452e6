import Fluent
import Vapor
import SafeguardCore

/// The partnership's audit review: break-glass openings waiting to be reviewed, and the
/// latest entries of the trail.
struct AuditReviewController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("audit", use: review)
        routes.post("audit", "break-glass", ":grantID", use: markReviewed)
    }

    func review(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewAuditTrail)
        let pending = try await BreakGlassGrant.query(on: req.db).filter(\.$reviewedAt == nil)
            .with(\.$user) { $0.with(\.$agency) }.with(\.$person).sort(\.$grantedAt, .descending).limit(200).all()
        let recent = try await AuditEntry.query(on: req.db).sort(\.$sequence, .descending).limit(50).all()
        var activity: [UUID: [AuditEntry]] = [:]
        for g in pending { activity[try g.requireID()] = try await Self.doneWhileOpen(g, on: req.db) }
        let names = try await AuditNames.load(for: recent + activity.values.flatMap { $0 }, on: req.db)
        try await req.audit.record(viewer.event(.view, "audit-review", "", on: req), on: req.db)
        return req.page("Audit review", section: .audit) {
            el("h1", .class("sg-heading-l")) { "Audit review" }
            el("h2", .class("sg-heading-m")) { "Break-glass openings to review (\(pending.count))" }
            if pending.isEmpty {
                el("p", .class("sg-body")) { "None waiting." }
            } else {
                Components.table(caption: "Records opened without agency involvement", headers: ["When", "Who", "Record", "Reason given", "Done while open", ""], rows: pending.map { g in
                    [.text(PersonRecordView.dateTime(g.grantedAt)), .text("\(g.user.displayName), \(g.user.agency.name)"),
                     .text(g.person.fullName), .text(g.reason),
                     el("ul", .class("sg-list sg-body-s")) {
                         for e in activity[g.id!] ?? [] {
                             el("li") { "\(AuditAction(rawValue: e.action)?.displayName ?? e.action) \(names.record(type: e.recordType, id: e.recordID))"
                                 + (e.reason.isEmpty ? "" : " (\(AccessLogView.readable(e.reason)))") }
                         }
                     },
                     el("form", .postMethod, .action(.auditReviewGrant(g.id!))) {
                         Components.csrfField(req.csrfToken)
                         void("input", .type("hidden"), .name("note"), .value("Reviewed"))
                         el("button", .type("submit"), .class("sg-button sg-button--secondary sg-!-margin-bottom-0")) {
                             "Mark reviewed"; el("span", .class("sg-visually-hidden")) { " for \(g.user.displayName)" }
                         }
                     }]
                }, captionVisible: false)
            }
            el("h2", .class("sg-heading-m")) { "Latest audit entries" }
            Components.table(caption: "The 50 most recent entries, newest first", headers: ["#", "When", "Who", "What", "Record", "Reason"], rows: recent.map { e in
                [.text(String(e.sequence)), .text(PersonRecordView.dateTime(Date(timeIntervalSince1970: Double(e.occurredAtMillis) / 1000))),
                 .text(names.user(e.userID)), .text(AuditAction(rawValue: e.action)?.displayName ?? e.action),
                 .text(names.record(type: e.recordType, id: e.recordID)), .text(AccessLogView.readable(e.reason))]
            }, captionVisible: false)
        }
    }

    /// What the user did while the glass was open: every audited action of theirs in those
    /// hours (signing in and out aside), so a reviewer sees what followed the opening.
    static func doneWhileOpen(_ grant: BreakGlassGrant, on db: Database) async throws -> [AuditEntry] {
        let from = Int64(grant.grantedAt.timeIntervalSince1970 * 1000), to = Int64(grant.expiresAt.timeIntervalSince1970 * 1000)
        let skipped = [AuditAction.breakGlass, .signIn, .signOut, .signInFailed].map(\.rawValue)
        return try await AuditEntry.query(on: db).filter(\.$userID == grant.$user.id.uuidString)
            .filter(\.$occurredAtMillis >= from).filter(\.$occurredAtMillis <= to).filter(\.$action !~ skipped)
            .sort(\.$sequence).limit(50).all()
    }

    func markReviewed(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewAuditTrail)
        guard let id = req.parameters.get("grantID", as: UUID.self), let grant = try await BreakGlassGrant.find(id, on: req.db) else { throw Abort(.notFound) }
        let note = String(((try? req.content.get(String.self, at: "note")) ?? "Reviewed").trimmed.prefix(1000))
        let now = req.now
        if grant.reviewedAt == nil {
            try await req.audit.write(on: req.db) { db in
                grant.reviewedAt = now
                grant.$reviewedBy.id = viewer.userID
                grant.reviewNote = note
                try await grant.update(on: db)
                return ((), [viewer.event(.administer, "break-glass-grant", id.uuidString, reason: "reviewed", on: req)])
            }
        }
        return req.redirect(to: SiteURL.auditReview.path, redirectType: .normal)
    }
}
