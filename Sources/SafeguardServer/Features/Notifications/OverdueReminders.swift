import Fluent
import SafeguardCore
import Vapor

/// The platform chasing late work by itself, as the owners expect to be chased: an action from a review
/// past its due date, and an agency's summary past its day while its review still gathers. ``OverdueReminder``
/// decides when; each reminder is a message to its owner and is recorded on the work, in one audited write, so a
/// second run the same day sends nothing. Only the server holding the job's lease runs it. `safeguard serve` runs it
/// every hour (``BackgroundJobs``); `safeguard reminders send` runs it once (for cron).
enum OverdueReminders {
    struct Sent: Sendable, Equatable {
        var actions = 0
        var summaries = 0
        /// Another server holds the job's lease and is running it: this run sent nothing.
        var runningElsewhere = false
    }

    static func run(on app: Application) async throws -> Sent {
        let db = app.db
        let now = app.safeguard.settings.clock.now()
        let calendar = app.safeguard.calendar
        let today = SimpleDate(now)
        let emailConfigured = app.safeguardNotifications.isConfigured
        var sent = Sent()
        // One server at a time: two sending the same hour would remind everyone twice.
        guard try await JobLeases.take(.overdueReminders, server: app.safeguard.serverID, now: Date(), on: db) else {
            sent.runningElsewhere = true
            return sent
        }
        // Only actions past their day and not finished are read; ``PlanAction`` still decides each one.
        let late = try await PlanActionRecord.query(on: db).filter(\.$dueOn < today.iso)
            .filter(\.$status !~ [ActionStatus.completed, ActionStatus.signedOff]).all()
        for record in late {
            let a = record.action
            guard a.isOverdue(today: today),
                OverdueReminder.isDue(
                    due: a.dueOn, lastReminded: record.chasedAt.map { SimpleDate($0) }, today: today, calendar: calendar
                ),
                let id = record.id
            else { continue }
            try await app.safeguard.audit.write(on: db) { tx in
                record.chasedAt = now
                try await record.update(on: tx)
                try await UserNotification.tell(
                    [record.$owner.id], subject: "Your action from a review is overdue",
                    body:
                        "Due \(a.dueOn.longText): \(a.description). Record progress and evidence on the action's page.",
                    link: .planAction(id), at: now, emailConfigured: emailConfigured, on: tx)
                return ((), [event("plan-action", id, agency: record.$agency.id)])
            }
            sent.actions += 1
        }
        for record in try await AgencySummaryRecord.query(on: db).filter(
            \.$stage != AgencySummary.Stage.submitted
        )
        .filter(\.$dueOn < today.iso).with(\.$agency).all() {
            var s = record.summary
            guard OverdueReminder.isDue(due: s.due, lastReminded: s.chasedOn.last, today: today, calendar: calendar),
                let id = record.id,
                try await ReviewSubject.load(record.review, on: db, calendar: calendar).isGathering
            else { continue }
            do throws(FieldProblem) { try s.chase(on: today) } catch { continue }
            let changed = s
            let agency = record.agency.name
            let readAs = record.summary
            do {
                try await app.safeguard.audit.write(on: db) { tx in
                    // Sent (or chased by hand) since it was read: the chase would write the old draft back over it.
                    try await tx.holdUnchanged(record) { $0.summary == readAs }
                    record.set(changed, at: now)
                    try await record.update(on: tx)
                    try await UserNotification.tell(
                        [record.$contributor.id], subject: "Reminder: your agency's summary for a review is late",
                        body:
                            "\(agency)'s summary was due by \(changed.due.longText). Please send it, or say what is holding it up.",
                        link: .agencySummary(id), at: now, emailConfigured: emailConfigured, on: tx)
                    return ((), [event("agency-summary", id, agency: record.$agency.id)])
                }
            } catch let moved as Abort where moved.status == .conflict { continue }
            sent.summaries += 1
        }
        if sent.actions + sent.summaries > 0 { app.safeguardNotifications.sendPending(app: app) }
        return sent
    }

    private static func event(_ type: String, _ id: UUID, agency: UUID) -> AuditEvent {
        AuditEvent(
            userID: "system:overdue-reminders", agencyID: agency.uuidString, action: .change, recordType: type,
            recordID: id.uuidString,
            reason: "overdue reminder", sourceAddress: "local")
    }
}
