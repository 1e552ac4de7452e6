import Foundation
import SafeguardCore

/// Everything the server is told at start-up, read once from flags and environment into one
/// typed value. `validate()` refuses unsafe combinations before anything listens.
public struct Settings: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        case development, production, testing
    }

    public enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(String)

        public var engineName: String {
            switch self {
            case .sqliteFile, .sqliteMemory: "sqlite"
            case .postgres: "postgresql"
            }
        }

        /// One writer at a time (``AuditTrail`` queues writes); PostgreSQL takes many.
        public var isSQLite: Bool { engineName == "sqlite" }

        /// What an operator typed for the database (`--database` or `DATABASE_URL`, named in `setting` for the error):
        /// a `postgres://` or `postgresql://` address is PostgreSQL, any other address is refused, saying what is
        /// accepted (an address read as a file name failed later with SQLite's "cannot open" and the address mangled
        /// into a path), and anything else is a SQLite file.
        public static func parse(_ text: String, setting: String) throws(SettingProblem) -> DatabaseLocation {
            let lowered = text.lowercased()
            if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") { return .postgres(text) }
            let expected = "a postgres://user:password@host/database address for PostgreSQL, or a SQLite file name"
            // The address itself is not repeated: it may hold a password.
            if let scheme = lowered.range(of: "://").map({ String(lowered[..<$0.lowerBound]) }),
                !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) })
            {
                throw SettingProblem(variable: setting, entry: "a \(scheme):// address", expected: expected)
            }
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SettingProblem(variable: setting, entry: "nothing", expected: expected)
            }
            return .sqliteFile(text)
        }
    }

    public enum Problem: Error, CustomStringConvertible {
        case missingSessionSecret, shortSessionSecret, demoInProduction
        case insecurePublicURL(String)

        public var description: String {
            switch self {
            case .missingSessionSecret:
                "SAFEGUARD_SESSION_SECRET is not set. In production it must hold at least 32 random characters (for example the output of `openssl rand -base64 48`)."
            case .shortSessionSecret:
                "SAFEGUARD_SESSION_SECRET is shorter than 32 characters: use at least 32 random characters."
            case .demoInProduction:
                "--demo cannot be used in production: demo accounts have published passwords."
            case .insecurePublicURL(let url):
                "SAFEGUARD_PUBLIC_URL (\(url)) must start with https:// in production, so session cookies are only sent over TLS."
            }
        }
    }

    public var mode: Mode
    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// Keys the CSRF tokens. Outside production a random one is made per start, never a fixed default.
    public var sessionSecret: String?
    /// The address users reach us at; an https one marks cookies Secure.
    public var publicURL: String?
    public var demo: Bool
    /// bcrypt cost: 12 in production; lower where speed matters more (tests, demo).
    public var passwordHashCost: Int
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    public var clock: Clock
    /// The partnership's own timescales, levels of need and closures (`--rules` / SAFEGUARD_RULES).
    public var rules: PartnershipRules = .standard
    /// Where e-mail copies of notifications go out; nil sends none (SAFEGUARD_SMTP_*).
    var smtp: SMTPSettings?
    /// Who may read `/metrics`: these addresses (SAFEGUARD_METRICS_ALLOW, loopback by default)...
    public var metricsNetworks: [NetworkRange] = NetworkRange.loopback
    /// ...or anyone sending this bearer token (SAFEGUARD_METRICS_TOKEN), for a scraper elsewhere.
    public var metricsToken: String?
    /// Reverse proxies whose `X-Forwarded-For` is believed (SAFEGUARD_TRUSTED_PROXIES); none by default.
    public var trustedProxies: [NetworkRange] = []
    /// PostgreSQL connections each processor core's event loop keeps (SAFEGUARD_DB_CONNECTIONS_PER_CORE). With one,
    /// a page's queries queued behind every other page's on two connections while the processors stood idle; four
    /// per core is 8 on a 2-core server, well inside PostgreSQL's default 100 for several servers. SQLite has one.
    public var databaseConnectionsPerCore = 4

    /// Reads SAFEGUARD_DB_CONNECTIONS_PER_CORE (1 to 64).
    public mutating func readDatabaseSettings(from environment: [String: String]) throws(SettingProblem) {
        guard let text = environment["SAFEGUARD_DB_CONNECTIONS_PER_CORE"], !text.isEmpty else { return }
        guard let n = Int(text), (1...64).contains(n) else {
            throw SettingProblem(
                variable: "SAFEGUARD_DB_CONNECTIONS_PER_CORE", entry: text, expected: "a whole number from 1 to 64")
        }
        databaseConnectionsPerCore = n
    }

    /// Reads SAFEGUARD_METRICS_ALLOW, SAFEGUARD_METRICS_TOKEN and SAFEGUARD_TRUSTED_PROXIES; throws
    /// a message naming the variable and the entry to fix.
    public mutating func readNetworkSettings(from environment: [String: String]) throws(SettingProblem) {
        for (name, keyPath) in [
            ("SAFEGUARD_METRICS_ALLOW", \Settings.metricsNetworks),
            ("SAFEGUARD_TRUSTED_PROXIES", \Settings.trustedProxies),
        ] {
            guard let text = environment[name] else { continue }
            switch NetworkRange.list(text) {
            case .success(let ranges): self[keyPath: keyPath] = ranges
            case .failure(let bad): throw SettingProblem(variable: name, entry: bad.text)
            }
        }
        if let token = environment["SAFEGUARD_METRICS_TOKEN"], !token.isEmpty {
            guard token.count >= 24 else {
                throw SettingProblem(variable: "SAFEGUARD_METRICS_TOKEN", entry: "(shorter than 24 characters)")
            }
            metricsToken = token
        }
    }

    public struct SettingProblem: Error, CustomStringConvertible {
        public let variable: String, entry: String
        var expected =
            "an address range. Use addresses or CIDR ranges separated by commas, like 10.0.0.0/8, ::1, or a token of 24 characters or more"
        public var description: String { "\(variable): \(entry) is not \(expected)." }
    }

    /// Reads the SAFEGUARD_SMTP_* variables; throws a message saying which one to fix.
    public mutating func readMailSettings(from environment: [String: String]) throws {
        smtp = try SMTPSettings.fromEnvironment(environment)
    }

    /// For the start-up banner: where mail goes, or that none is sent.
    public var mailDescription: String {
        guard let smtp else { return "not configured (booking confirmations stay in the platform)" }
        return "\(smtp.host):\(smtp.port) (\(smtp.security.rawValue))"
    }

    public init(
        mode: Mode = .development, hostname: String = "127.0.0.1", port: Int = 8080,
        database: DatabaseLocation = .sqliteFile("safeguard.sqlite"), sessionSecret: String? = nil,
        publicURL: String? = nil, demo: Bool = false, passwordHashCost: Int? = nil, clock: Clock = .system
    ) {
        self.mode = mode
        self.hostname = hostname
        self.port = port
        self.database = database
        self.sessionSecret = sessionSecret
        self.publicURL = publicURL
        self.demo = demo
        self.passwordHashCost = passwordHashCost ?? (mode == .testing ? 4 : (demo ? 10 : 12))
        self.clock = clock
    }

    public var secureCookies: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    public func validate() throws(Problem) {
        guard mode == .production else { return }
        guard let secret = sessionSecret, !secret.isEmpty else { throw .missingSessionSecret }
        guard secret.count >= 32 else { throw .shortSessionSecret }
        if demo { throw .demoInProduction }
        if let url = publicURL, !url.lowercased().hasPrefix("https://") { throw .insecurePublicURL(url) }
    }

    /// The secret to key tokens with: the configured one, or a fresh random one per start.
    public func resolvedSecret() -> [UInt8] {
        if let s = sessionSecret, !s.isEmpty { return Array(s.utf8) }
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
    }
}

/// The time, injectable so tests can move it (idle timeouts, lockouts).
public struct Clock: Sendable {
    public let now: @Sendable () -> Date
    public init(now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = Clock { Date() }
}
