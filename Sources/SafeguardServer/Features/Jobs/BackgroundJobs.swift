import Fluent
import NIOCore
import SafeguardCore
import Vapor

/// What a running server does by itself: sealing the audit trail and catching its person and marker indexes up with changes
/// made anywhere, every fifth of a second; the overdue reminders every hour; and a sweep of e-mail still pending
/// every minute (what another server queued, or what was left when a server stopped). Each takes its job's lease
/// first (the sealer its advisory lock), so with several servers on one database each runs on one at a time. Stopped, and the
/// leases given up, when the server stops.
enum BackgroundJobs {
    static func schedule(on app: Application) {
        let loop = app.eventLoopGroup.next()
        func every(
            _ delay: TimeAmount, after first: TimeAmount, _ work: @escaping @Sendable () async -> Void
        ) -> RepeatedTask {
            loop.scheduleRepeatedAsyncTask(initialDelay: first, delay: delay) { _ in
                let done = loop.makePromise(of: Void.self)
                done.completeWithTask { await work() }
                return done.futureResult
            }
        }
        let reminders = every(.hours(1), after: .minutes(1)) {
            do {
                let sent = try await OverdueReminders.run(on: app)
                if sent.actions + sent.summaries > 0 {
                    app.logger.info(
                        "Overdue reminders sent",
                        metadata: ["actions": "\(sent.actions)", "summaries": "\(sent.summaries)"])
                }
            } catch {
                app.logger.error(
                    "Overdue reminders failed; they are tried again in an hour",
                    metadata: ["error": "\(String(reflecting: error))"])
            }
        }
        let email = every(.minutes(1), after: .seconds(30)) {
            await app.safeguard.notificationDelivery.sendPending(on: app.db, logger: app.logger)
        }
        // Sealing, then reading what was sealed (here or on another server) into this server's person and marker indexes.
        let sealer = every(AuditSealer.interval, after: .zero) {
            do {
                try await app.safeguard.audit.seal(on: app.db)
                try await app.safeguard.personIndex.catchUp(on: app.db)
                try await app.safeguard.markerIndex.catchUp(on: app.db)
            } catch {
                app.logger.error(
                    "Sealing the audit trail or catching the person index up failed; tried again shortly",
                    metadata: ["error": "\(String(reflecting: error))"])
            }
        }
        app.lifecycle.use(Stop(tasks: [reminders, email, sealer], server: app.safeguard.serverID))
    }

    private struct Stop: LifecycleHandler {
        let tasks: [RepeatedTask]
        let server: String

        func shutdownAsync(_ application: Application) async {
            for t in tasks { t.cancel() }
            for job in JobLease.Job.allCases { try? await JobLeases.release(job, server: server, on: application.db) }
        }
    }
}
