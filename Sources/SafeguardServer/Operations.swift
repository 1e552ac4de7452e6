import Fluent
import Foundation
import NIOCore
import NIOPosix
import SafeguardCore
import Vapor

/// The server's entry points for the command line, so the CLI stays a thin shell.
public enum SafeguardOperations {
    /// Builds a configured application with its database migrated.
    public static func makeApplication(
        _ settings: Settings, arguments: [String] = ["safeguard"]
    ) async throws -> Application {
        var env = Environment(name: settings.mode == .production ? "production" : "development", arguments: arguments)
        env.arguments = arguments
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
            try await prepareDatabase(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// Swift's tasks run on SwiftNIO's event loops, the threads that already do the server's and the database's I/O,
    /// rather than on Dispatch's: a request no longer hops between the two for every query. Measured on the person
    /// page on PostgreSQL, 32 users on 2 cores: 773–785 pages a second before, 857–904 after (`bench load`). It is
    /// what Vapor's own template does. Call once, before the server starts; `SAFEGUARD_EXECUTOR=dispatch` keeps
    /// Dispatch's threads (for comparison, or should a library ever block a thread it is given).
    public static func runTasksOnEventLoops() {
        guard ProcessInfo.processInfo.environment["SAFEGUARD_EXECUTOR"] != "dispatch" else { return }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Runs the web server until interrupted, then shuts down gracefully.
    public static func serve(
        _ settings: Settings, loadDemo: (@Sendable (Application) async throws -> [String])? = nil,
        printer: @Sendable (String) -> Void
    ) async throws {
        runTasksOnEventLoops()
        let app = try await makeApplication(settings, arguments: ["safeguard", "serve"])
        do {
            if settings.demo {
                // The demo partnership lives outside the server (the SafeguardDemo target); the command line hands it in.
                guard let loadDemo else { throw Abort(.internalServerError, reason: "No demo partnership to load.") }
                for line in try await loadDemo(app) { printer(line) }
            }
            printer("E-mail: \(settings.mailDescription)")
            printer(
                "Safeguard is running at http://\(settings.hostname):\(settings.port)/  (database: \(settings.database.engineName); Ctrl-C stops it)"
            )
            // E-mails left pending when the server last stopped go out now.
            app.safeguardNotifications.sendPending(app: app)
            BackgroundJobs.schedule(on: app)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// `safeguard import cp-plans`: returns the report line, or throws an ``ImportFailure`` naming every bad row.
    public static func importPlans(_ settings: Settings, file: String) async throws -> String {
        try await runImport(settings, file: file) { text, name, app in
            let r = try await ProtectionImport.run(csv: text, fileName: name, on: app)
            return
                "\(r.started) started (\(r.markersPlaced) addresses marked), \(r.ended) ended, \(r.unchanged) already loaded"
        }
    }

    /// `safeguard import incidents`: a police force's daily batch.
    public static func importIncidents(_ settings: Settings, file: String, force: String) async throws -> String {
        try await runImport(settings, file: file) { text, name, app in
            let r = try await IncidentImport.run(csv: text, fileName: name, force: force, on: app)
            return
                "\(r.received) received (\(r.markerMatches) at a marked address, \(r.possibleMatches) possible), \(r.alreadyKnown) already received"
        }
    }

    /// `safeguard import reviews`: historical reviews coded with their themes, for the thematic analysis.
    public static func importReviews(_ settings: Settings, file: String) async throws -> String {
        try await runImport(settings, file: file) { text, name, app in
            let r = try await ReviewsImport.run(csv: text, fileName: name, on: app)
            return "\(r.added) reviews added, \(r.recoded) recoded, \(r.unchanged) already loaded as they are"
        }
    }

    /// Reads the file, runs `body` on a migrated application, and turns the imports' own problems
    /// into an ``ImportFailure`` the command line prints as it is.
    static func runImport(
        _ settings: Settings, file: String,
        _ body: (String, String, Application) async throws -> String
    ) async throws -> String {
        let text = try readImport(file)
        let app = try await makeApplication(settings)
        do {
            let line = try await body(text, (file as NSString).lastPathComponent, app)
            try await app.asyncShutdown()
            return line
        } catch {
            try? await app.asyncShutdown()
            if let p = error as? ImportProblem { throw ImportFailure(description: p.description) }
            if let p = error as? CSVTable.Problem { throw ImportFailure(description: p.description) }
            throw error
        }
    }

    public struct ImportFailure: Error, CustomStringConvertible { public var description: String }

    static func readImport(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ImportFailure(description: "cannot read \(file): check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportFailure(description: "\(file) is not UTF-8 text: save it as CSV UTF-8")
        }
        return text
    }

    public static func migrate(_ settings: Settings) async throws {
        let app = try await makeApplication(settings)
        try await app.asyncShutdown()
    }

    /// `safeguard reminders send`: chases every overdue action and agency summary now, as the server does hourly.
    public static func sendReminders(_ settings: Settings) async throws -> String {
        let app = try await makeApplication(settings)
        do {
            let sent = try await OverdueReminders.run(on: app)
            try await app.asyncShutdown()
            if sent.runningElsewhere { return "A Safeguard server is running the reminders now; nothing more was sent" }
            return
                "Chased \(sent.actions) overdue action\(sent.actions == 1 ? "" : "s") and \(sent.summaries) late agency summar\(sent.summaries == 1 ? "y" : "ies")"
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Checks the audit chain. Returns a report line and whether it held.
    public static func verifyAudit(_ settings: Settings) async throws -> (String, Bool) {
        let app = try await makeApplication(settings)
        let outcome = try await AuditVerification.run(on: app.db)
        try await app.asyncShutdown()
        if !outcome.failures.isEmpty {
            let listed = outcome.failures.prefix(100).map { "- \($0)" }
            let more = outcome.failures.count > 100 ? ["- and \(outcome.failures.count - 100) more breaks"] : []
            return (
                (["audit trail BROKEN at \(outcome.failures.count) place(s) (checked \(outcome.checked) entries):"]
                    + listed + more)
                    .joined(separator: "\n"), false
            )
        }
        let waiting =
            outcome.unsealed == 0
            ? "every entry sealed"
            : "\(outcome.unsealed) entr\(outcome.unsealed == 1 ? "y" : "ies") written but not yet sealed (a running server seals them within a second)"
        return (
            "audit trail intact: \(outcome.checked) entries verified against \(outcome.seals) sealed batches; \(waiting)",
            true
        )
    }

    public enum UserProblem: Error, CustomStringConvertible {
        case unknownRole(String), unknownAgency(String), roleDoesNotFit(Role, AgencyKind), password(String), duplicate(
            String), badEmail

        public var description: String {
            switch self {
            case .unknownRole(let r):
                "No role called '\(r)'. Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
            case .unknownAgency(let a):
                "No agency called '\(a)'. Use the agency's name exactly as the administration pages show it."
            case .roleDoesNotFit(let r, let k):
                "A \(r.displayName.lowercased()) cannot belong to \(k.displayName.lowercased())."
            case .password(let m): m
            case .duplicate(let e): "A user with email \(e) already exists."
            case .badEmail: "Enter an email address like name@example.org."
            }
        }
    }

    /// Adds a user from the command line (the first administrator, typically).
    public static func addUser(
        _ settings: Settings, email: String, name: String, role roleText: String, agency agencyName: String,
        password: String, createAgencyKind: AgencyKind?
    ) async throws {
        let app = try await makeApplication(settings)
        do {
            let email = email.trimmed.lowercased()
            guard email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else { throw UserProblem.badEmail }
            guard let role = Role(rawValue: roleText) else { throw UserProblem.unknownRole(roleText) }
            do { try PasswordPolicy.standard.check(password, email: email) } catch {
                throw UserProblem.password(error.message)
            }
            if try await User.query(on: app.db).filter(\.$email == email).count() > 0 {
                throw UserProblem.duplicate(email)
            }
            var agency = try await Agency.query(on: app.db).filter(\.$name == agencyName).first()
            if agency == nil, let kind = createAgencyKind { agency = Agency(name: agencyName, kind: kind) }
            guard let agency else { throw UserProblem.unknownAgency(agencyName) }
            guard role.isPermitted(in: agency.kind) else { throw UserProblem.roleDoesNotFit(role, agency.kind) }
            let hash = try app.password.hash(password)
            try await app.safeguard.audit.write(on: app.db) { db in
                if agency.id == nil { try await agency.create(on: db) }
                let user = User(email: email, displayName: name, role: role, agencyID: agency.id!, passwordHash: hash)
                try await user.create(on: db)
                return (
                    (),
                    [
                        AuditEvent(
                            userID: "command-line", agencyID: agency.id!.uuidString, action: .administer,
                            recordType: "user",
                            recordID: user.id!.uuidString, reason: "user added from the command line",
                            sourceAddress: "local")
                    ]
                )
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
