import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardDemo
import SafeguardServer

/// `safeguard`: the platform's one executable.
@main
struct Safeguard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safeguard",
        abstract: "Safeguard: the multi-agency safeguarding partnership platform.",
        subcommands: [
            Serve.self, Migrate.self, Audit.self, UserCommand.self, Import.self, Reminders.self, Bench.self, Tools.self,
        ])
}

/// Options every command that touches the database shares, read with the environment.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help:
            "SQLite database file (default safeguard.sqlite), or a postgres://… address. DATABASE_URL=postgres://… also takes PostgreSQL."
    )
    var database: String?

    @Option(help: "development or production (default: SAFEGUARD_ENV, else development).")
    var env: String?

    @Option(
        help:
            "JSON file of the partnership's own timescales, levels of need and closures (default: SAFEGUARD_RULES; see partnership-rules.example.json)."
    )
    var rules: String?

    func settings(hostname: String = "127.0.0.1", port: Int = 8080, demo: Bool = false) throws -> Settings {
        let environment = ProcessInfo.processInfo.environment
        let modeText = env ?? environment["SAFEGUARD_ENV"] ?? "development"
        guard let mode = Settings.Mode(rawValue: modeText), mode != .testing else {
            throw ValidationError("--env must be development or production, not '\(modeText)'")
        }
        let location: Settings.DatabaseLocation
        if let given = database {
            do { location = try .parse(given, setting: "--database") } catch {
                throw ValidationError(error.description)
            }
        } else if let url = environment["DATABASE_URL"], !url.isEmpty {
            do { location = try .parse(url, setting: "DATABASE_URL") } catch {
                throw ValidationError(error.description)
            }
            guard case .postgres = location else {
                throw ValidationError("DATABASE_URL must be a postgres:// address (for a SQLite file, use --database)")
            }
        } else {
            location = .sqliteFile("safeguard.sqlite")
        }
        var settings = Settings(
            mode: mode, hostname: hostname, port: port, database: location,
            sessionSecret: environment["SAFEGUARD_SESSION_SECRET"], publicURL: environment["SAFEGUARD_PUBLIC_URL"],
            demo: demo)
        if let path = rules ?? environment["SAFEGUARD_RULES"], !path.isEmpty {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read the rules file \(path): check the path (--rules or SAFEGUARD_RULES)")
            }
            do { settings.rules = try PartnershipRules.parse(data) } catch {
                throw ValidationError("rules file \(path): \(error.description)")
            }
        }
        do { try settings.readMailSettings(from: environment) } catch {
            throw ValidationError("mail settings: \(error)")
        }
        do {
            try settings.readNetworkSettings(from: environment)
            try settings.readDatabaseSettings(from: environment)
        } catch {
            throw ValidationError(error.description)
        }
        return settings
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server.")

    @Flag(help: "Load the fictional Northmere partnership and print its sign-ins (not allowed in production).")
    var demo = false
    @Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let settings = try db.settings(hostname: hostname, port: port, demo: demo)
        JSONLogHandler.bootstrap(defaultLevel: .info)
        do {
            try await SafeguardOperations.serve(settings, loadDemo: DemoLoader.loadAndDescribe) { line in
                print(line)
                fflush(nil)  // the demo sign-ins must reach a pipe before the server blocks
            }
        } catch let problem as Settings.Problem {
            throw ValidationError(problem.description)
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database tables.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        JSONLogHandler.bootstrap(defaultLevel: .warning)
        try await SafeguardOperations.migrate(try db.settings())
        print("database migrated")
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Work with the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain; report the first entry altered or removed.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            JSONLogHandler.bootstrap(defaultLevel: .warning)
            let (line, ok) = try await SafeguardOperations.verifyAudit(try db.settings())
            print(line)
            if !ok { throw ExitCode(1) }
        }
    }
}

struct Reminders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Chase late work.", subcommands: [Send.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Remind the owners of overdue actions and late agency summaries now (the server does it every hour).")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            JSONLogHandler.bootstrap(defaultLevel: .warning)
            print(try await SafeguardOperations.sendReminders(try db.settings()))
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. The password is read from standard input (one line), never from the command line.")
        @Option(help: "Email address; it is the sign-in name.") var email: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
        @Option(help: "Agency name, exactly as recorded.") var agency: String
        @Option(
            help:
                "Create the agency with this kind if it does not exist: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", "))."
        )
        var createAgency: String?
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            JSONLogHandler.bootstrap(defaultLevel: .warning)
            var kind: AgencyKind?
            if let k = createAgency {
                guard let parsed = AgencyKind(rawValue: k) else {
                    throw ValidationError("--create-agency: no agency kind called '\(k)'")
                }
                kind = parsed
            }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError(
                    "Type the new user's password on standard input (for example: printf '%s\\n' \"$PW\" | safeguard user add ...)"
                )
            }
            do {
                try await SafeguardOperations.addUser(
                    try db.settings(), email: email, name: name, role: role, agency: agency,
                    password: password, createAgencyKind: kind)
            } catch let p as SafeguardOperations.UserProblem {
                throw ValidationError(p.description)
            }
            print("user \(email) added")
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load CSV files from partner systems. Every row is checked first: one bad row loads nothing.",
        subcommands: [Plans.self, Incidents.self, Reviews.self])

    struct Plans: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cp-plans",
            abstract:
                "Child protection plans, unborn plans and looked-after status from the council's case system (columns in the README)."
        )
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            JSONLogHandler.bootstrap(defaultLevel: .warning)
            do { print(try await SafeguardOperations.importPlans(try db.settings(), file: file)) } catch let f
                as SafeguardOperations.ImportFailure
            {
                throw ValidationError(f.description)
            }
        }
    }

    struct Reviews: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Reviews completed before Safeguard (older serious case reviews), coded with their themes (columns in the README)."
        )
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            JSONLogHandler.bootstrap(defaultLevel: .warning)
            do { print(try await SafeguardOperations.importReviews(try db.settings(), file: file)) } catch let f
                as SafeguardOperations.ImportFailure
            {
                throw ValidationError(f.description)
            }
        }
    }

    struct Incidents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A police force's batch of incidents (columns in the README).")
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "The police force that sent it, by its name in Administration.") var force: String
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            JSONLogHandler.bootstrap(defaultLevel: .warning)
            do {
                print(try await SafeguardOperations.importIncidents(try db.settings(), file: file, force: force))
            } catch let f as SafeguardOperations.ImportFailure {
                throw ValidationError(f.description)
            }
        }
    }
}
