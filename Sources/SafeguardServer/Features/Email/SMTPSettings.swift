import Foundation

/// Where and how the server hands outgoing e-mail to a mail server (SMTP relay).
///
/// Read once at start-up with `fromEnvironment(_:)`; `nil` there means e-mail is switched off.
/// The password never appears in `description`, so the value is safe to log.
public struct SMTPSettings: Sendable, Equatable {
    /// How the connection to the mail server is protected.
    public enum Security: String, Sendable, Equatable, CaseIterable {
        /// Plain text throughout. Only for a relay on the same host or a trusted private network.
        case none
        /// Connect in plain text, then upgrade with STARTTLS before anything else (usually port 587).
        case startTLS = "starttls"
        /// TLS from the first byte, sometimes called SMTPS (usually port 465).
        case tls

        /// The port a mail server normally listens on for this kind of security.
        public var defaultPort: Int {
            switch self {
            case .none: 25
            case .startTLS: 587
            case .tls: 465
            }
        }
    }

    /// A setting that cannot be used, described so that an operator knows which variable to fix.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case invalidHost(String)
        case invalidPort(String)
        case unknownSecurity(String)
        case missingFrom
        case invalidFrom(String, reason: String)
        case usernameWithoutPassword
        case passwordWithoutUsername

        public var description: String {
            switch self {
            case .invalidHost(let host):
                "SAFEGUARD_SMTP_HOST must be the mail server's host name or IP address alone, such as smtp.example.org, not \"\(host)\" (set the port with SAFEGUARD_SMTP_PORT and the security with SAFEGUARD_SMTP_SECURITY)."
            case .invalidPort(let port):
                "SAFEGUARD_SMTP_PORT must be a number from 1 to 65535, not \"\(port)\"."
            case .unknownSecurity(let value):
                "SAFEGUARD_SMTP_SECURITY must be one of \(Security.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(value)\" (starttls: upgrade a plain connection, usually port 587; tls: TLS from the start, usually port 465; none: no encryption)."
            case .missingFrom:
                "SAFEGUARD_SMTP_FROM must be set to the address mail is sent from when SAFEGUARD_SMTP_HOST is set."
            case .invalidFrom(let value, let reason):
                "SAFEGUARD_SMTP_FROM must be a plain e-mail address such as safeguard@example.org, not \"\(value)\": \(reason)."
            case .usernameWithoutPassword:
                "SAFEGUARD_SMTP_USERNAME is set but SAFEGUARD_SMTP_PASSWORD is not: set both to sign in to the mail server, or neither to send without signing in."
            case .passwordWithoutUsername:
                "SAFEGUARD_SMTP_PASSWORD is set but SAFEGUARD_SMTP_USERNAME is not: set both to sign in to the mail server, or neither to send without signing in."
            }
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The envelope sender and the address in the From header.
    public var from: String
    public var fromName: String
    /// The name this server gives itself in EHLO; some relays check it against an allow-list.
    public var heloName: String
    /// The longest wait for the connection or for any one reply before giving up.
    public var timeoutSeconds: Int

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        from: String, fromName: String = "Safeguard", heloName: String = "safeguard.local",
        timeoutSeconds: Int = 30
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.fromName = fromName
        self.heloName = heloName
        self.timeoutSeconds = timeoutSeconds
    }

    /// Reads the SAFEGUARD_SMTP_* variables. Returns `nil` when SAFEGUARD_SMTP_HOST is unset or empty,
    /// meaning "do not send e-mail". Empty variables count as unset, as container tools often
    /// pass `NAME=` for a variable that was left out.
    public static func fromEnvironment(_ env: [String: String]) throws(Problem) -> SMTPSettings? {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        guard let host = value("SAFEGUARD_SMTP_HOST") else { return nil }
        guard host.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && !"/@".unicodeScalars.contains($0) }),
            !host.contains("://")
        else {
            throw .invalidHost(host)
        }

        let security: Security
        if let raw = value("SAFEGUARD_SMTP_SECURITY") {
            guard let parsed = Security(rawValue: raw.lowercased()) else { throw .unknownSecurity(raw) }
            security = parsed
        } else {
            security = .startTLS
        }

        var port = security.defaultPort
        if let raw = value("SAFEGUARD_SMTP_PORT") {
            guard let parsed = Int(raw), (1...65535).contains(parsed) else { throw .invalidPort(raw) }
            port = parsed
        }

        let username = value("SAFEGUARD_SMTP_USERNAME")
        // Passwords may legitimately begin or end with spaces, so only emptiness is checked.
        let password = env["SAFEGUARD_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if username != nil && password == nil { throw .usernameWithoutPassword }
        if username == nil && password != nil { throw .passwordWithoutUsername }

        guard let from = value("SAFEGUARD_SMTP_FROM") else { throw .missingFrom }
        do {
            try MailAddressError.check(from, as: .sender)
        } catch {
            throw .invalidFrom(from, reason: error.reason)
        }

        return SMTPSettings(
            host: host, port: port, security: security, username: username, password: password, from: from)
    }
}

extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// A one-line summary for start-up logs, without the password.
    public var description: String {
        let login = username.map { " as \($0) (password set)" } ?? " without signing in"
        return "\(host):\(port) (\(security.rawValue))\(login), from \(fromName) <\(from)>"
    }

    public var debugDescription: String { description }
}
