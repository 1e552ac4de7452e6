import Fluent
import SafeguardCore
import Vapor

/// The partnership's audit review: break-glass openings waiting to be reviewed, and the
/// latest entries of the trail.
struct AuditReviewController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.auditReview, for: [.reviewAuditTrail], use: review)
        routes.post(.auditReviewGrant(.param("grantID")), for: [.reviewAuditTrail], use: markReviewed)
    }

    func review(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewAuditTrail)
        let pending = try await BreakGlassGrant.query(on: req.db).filter(\.$reviewedAt == nil)
            .with(\.$user) { $0.with(\.$agency) }.with(\.$person).sort(\.$grantedAt, .descending).limit(200).all()
        try await req.audit.seal(on: req.db)  // the latest entries, not only what the sealer has reached
        let recent = try await AuditEntry.query(on: req.db).sort(\.$sequence, .descending).limit(50).all()
        let activity = try await Self.doneWhileOpen(pending, on: req.db)
        let names = try await AuditNames.load(for: recent + activity.values.flatMap { $0 }, on: req.db)
        try await req.audit.record(viewer.event(.view, "audit-review", "", on: req), on: req.db)
        let line = { (e: AuditEntry) in AuditReviewView.Line(e, names: names) }
        return AuditReviewView(
            openings: pending.map { g in
                AuditReviewView.Opening(
                    id: g.id!, when: SiteFormat.dateTime(g.grantedAt),
                    who: "\(g.user.displayName), \(g.user.agency.name)",
                    whoName: g.user.displayName, record: g.person.fullName, reason: g.reason,
                    doneWhileOpen: (activity[g.id!] ?? []).map(line))
            },
            recent: recent.map(line)
        ).render(on: req)
    }

    /// What each user did while their glass was open: every audited action of theirs in those
    /// hours (signing in and out aside), so a reviewer sees what followed the opening. One query
    /// for all the openings, shared out by user and time.
    static func doneWhileOpen(_ grants: [BreakGlassGrant], on db: Database) async throws -> [UUID: [AuditEntry]] {
        guard let from = grants.map(\.grantedAt).min(), let to = grants.map(\.expiresAt).max() else { return [:] }
        let millis = { (d: Date) in Int64(d.timeIntervalSince1970 * 1000) }
        let skipped = [AuditAction.breakGlass, .signIn, .signOut, .signInFailed].map(\.rawValue)
        let entries = try await AuditEntry.query(on: db).filter(\.$userID ~~ Set(grants.map { $0.$user.id.uuidString }))
            .filter(\.$occurredAtMillis >= millis(from)).filter(\.$occurredAtMillis <= millis(to)).filter(
                \.$action !~ skipped
            )
            .sort(\.$sequence).limit(10_000).all()
        var byGrant: [UUID: [AuditEntry]] = [:]
        for g in grants {
            let user = g.$user.id.uuidString
            let window = millis(g.grantedAt)...millis(g.expiresAt)
            byGrant[g.id!] = Array(
                entries.filter { $0.userID == user && window.contains($0.occurredAtMillis) }.prefix(50))
        }
        return byGrant
    }

    func markReviewed(req: Request) async throws -> Response {
        let viewer = try req.require(.reviewAuditTrail)
        guard let id = req.parameters.get("grantID", as: UUID.self),
            let grant = try await BreakGlassGrant.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let note = String(((try? req.content.get(String.self, at: "note")) ?? "Reviewed").trimmed.prefix(1000))
        let now = req.now
        if grant.reviewedAt == nil {
            try await req.audit.write(on: req.db) { db in
                grant.reviewedAt = now
                grant.$reviewedBy.id = viewer.userID
                grant.reviewNote = note
                try await grant.update(on: db)
                return (
                    (), [viewer.event(.administer, "break-glass-grant", id.uuidString, reason: "reviewed", on: req)]
                )
            }
        }
        return req.redirect(to: SiteURL.auditReview.path, redirectType: .normal)
    }
}

extension AuditReviewView.Line {
    /// The stored entry as the page shows it, names looked up.
    init(_ e: AuditEntry, names: AuditNames) {
        sequence = e.sequence
        when = SiteFormat.dateTime(Date(timeIntervalSince1970: Double(e.occurredAtMillis) / 1000))
        who = names.user(e.userID)
        what = AuditAction(rawValue: e.action)?.displayName ?? e.action
        record = names.record(type: e.recordType, id: e.recordID)
        reason = AccessLogView.readable(e.reason)
    }
}
