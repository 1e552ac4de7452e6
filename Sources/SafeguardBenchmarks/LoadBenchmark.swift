import Foundation
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer
import Vapor

/// `safeguard bench load`: a bounded mixed load on 127.0.0.1 (person pages, searches, referral steps, police
/// incidents) against one server on SQLite, one on PostgreSQL and two behind HAProxy on one PostgreSQL, beside a
/// bare Vapor "hello" route (the ceiling), all in one run. It starts what it needs: the servers (this binary), a
/// throwaway PostgreSQL and the balancer. One line per setup, then the scaling ratio (two servers over one).
public enum LoadBenchmark {
    public struct Options: Sendable {
        public var users: Int
        public var seconds: Double
        /// At most this many requests per setup, whatever the time.
        public var maxRequests: Int
        public var setups: [String]
        public var binary: String
        /// Police incidents a second for the open-loop run on each single server; 0 skips it.
        public var incidentRate: Int?
        /// Seconds of person pages alone on each single server (the page's latency target); 0 skips them.
        public var personSeconds: Double

        public init(
            users: Int, seconds: Double, maxRequests: Int, setups: [String], binary: String, incidentRate: Int?,
            personSeconds: Double
        ) {
            self.users = users
            self.seconds = seconds
            self.maxRequests = maxRequests
            self.setups = setups
            self.binary = binary
            self.incidentRate = incidentRate
            self.personSeconds = personSeconds
        }
    }

    public static let allSetups = ["ceiling", "sqlite", "postgresql", "balanced"]
    static let secret = "bench-load-servers-share-this-secret-0123456789"

    public static func run(_ options: Options, progress: @escaping @Sendable (String) -> Void) async throws -> [String]
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "safeguard-load-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var cluster: ThrowawayPostgres?
        defer { cluster?.stop() }
        var lines: [String] = []
        var perSecond: [String: Double] = [:]
        for setup in options.setups {
            let servers = BenchServers(binary: options.binary, folder: folder)
            do {
                let base: String
                var target = Target.hello
                switch setup {
                case "ceiling":
                    let port = BenchServers.freePort()
                    try await servers.hello(port: port)
                    base = "http://127.0.0.1:\(port)"
                case "sqlite":
                    let port = BenchServers.freePort()
                    let printed = try await servers.serve(
                        name: "sqlite", port: port, demo: true, environment: ["SAFEGUARD_SESSION_SECRET": secret],
                        sqliteFile: folder.appendingPathComponent("load.sqlite").path)
                    base = "http://127.0.0.1:\(port)"
                    target = .safeguard(logins: DemoSignIns(printed))
                default:
                    if cluster == nil { cluster = try ThrowawayPostgres.start(progress: progress) }
                    let database = "safeguard_load_\(setup)"
                    try cluster!.createDatabase(database)
                    let env = ["SAFEGUARD_SESSION_SECRET": secret, "DATABASE_URL": cluster!.url(database)]
                    let first = BenchServers.freePort()
                    let printed = try await servers.serve(name: "\(setup)-a", port: first, demo: true, environment: env)
                    if setup == "balanced" {
                        let second = first + 1
                        let front = first + 2
                        _ = try await servers.serve(name: "\(setup)-b", port: second, demo: false, environment: env)
                        try await servers.balancer(port: front, over: [first, second])
                        base = "http://127.0.0.1:\(front)"
                    } else {
                        base = "http://127.0.0.1:\(first)"
                    }
                    target = .safeguard(logins: DemoSignIns(printed))
                }
                progress(
                    "\(setup): \(options.users) users for up to \(Int(options.seconds)) s or \(options.maxRequests) requests"
                )
                // Person pages alone and incidents alone, on each single server: their targets are stated for one server.
                let single = ["sqlite", "postgresql"].contains(setup)
                let rate = single ? options.incidentRate : nil
                let figures = try await LoadDriver.drive(
                    base: base, target: target, users: options.users, seconds: options.seconds,
                    maxRequests: options.maxRequests, personSeconds: single ? options.personSeconds : 0,
                    incidentRate: rate, progress: progress)
                progress("\(setup): \(figures.mixed.kinds())")
                lines.append(figures.mixed.line(setup))
                if let person = figures.personPages { lines.append(person.line("person-\(options.users)-\(setup)")) }
                if let incidents = figures.incidents, let rate {
                    lines.append(incidents.line("incidents-\(rate)-\(setup)"))
                }
                perSecond[setup] = figures.mixed.perSecond
                servers.stopAll()
            } catch {
                servers.stopAll()
                throw error
            }
        }
        if let one = perSecond["postgresql"], let two = perSecond["balanced"], one > 0 {
            lines.append("load-scaling: ratio=\(String(format: "%.2f", two / one))")
        }
        return lines
    }

    enum Target: Sendable {
        case hello
        case safeguard(logins: DemoSignIns)
    }
}

/// The demo sign-ins a `serve --demo` prints, by role name.
struct DemoSignIns: Sendable {
    var byRole: [String: (email: String, password: String)] = [:]

    init(_ printed: String) {
        for line in printed.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard line.hasPrefix("  "), parts.count >= 3, parts[parts.count - 2].hasSuffix("@demo.safeguard.test")
            else { continue }
            let role = parts.dropLast(2).joined(separator: " ")
            byRole[role] = (String(parts[parts.count - 2]), String(parts[parts.count - 1]))
        }
    }

    func require(_ role: String) throws -> (email: String, password: String) {
        guard let found = byRole[role] else {
            throw Spawn.Failed(description: "the demo printed no sign-in for \(role)")
        }
        return found
    }
}
