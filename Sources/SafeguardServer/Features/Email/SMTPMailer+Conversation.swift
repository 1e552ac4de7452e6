import Foundation
import NIOCore
import NIOSSL

/// The SMTP dialogue itself (RFC 5321, with RFC 3207 STARTTLS and RFC 4954 AUTH), from the
/// greeting to QUIT, over an already open `SMTPConnection`.
extension SMTPMailer {
    func converse(
        over connection: SMTPConnection, tlsContext: NIOSSLContext?, recipient: String,
        text: String
    ) async throws(SMTPError) {
        let server = "\(settings.host):\(settings.port)"
        let greeting = try await connection.exchange(nil, waitingFor: Self.greetingStep)
        guard greeting.code == 220 else { throw .greetingRefused(server: server, reply: greeting) }

        var extensions = try await hello(connection)
        var encrypted = settings.security == .tls
        if settings.security == .startTLS {
            guard extensions["STARTTLS"] != nil, let tlsContext else { throw .startTLSNotOffered(server: server) }
            let reply = try await connection.exchange("STARTTLS\r\n", waitingFor: "the reply to STARTTLS")
            guard reply.code == 220 else { throw .startTLSRefused(server: server, reply: reply) }
            try await connection.startTLS(context: tlsContext, host: settings.host)
            encrypted = true
            // RFC 3207 4.2: what the server said before TLS cannot be trusted, so ask again.
            extensions = try await hello(connection)
        }

        if let username = settings.username {
            // Unreachable by construction, kept so a future change cannot leak the password.
            guard encrypted || settings.security == .none else { throw .startTLSNotOffered(server: server) }
            try await authenticate(connection, username: username, offered: extensions["AUTH"] ?? [])
        }

        let mail = try await connection.exchange(
            "MAIL FROM:<\(settings.from)>\r\n", waitingFor: "the reply to MAIL FROM")
        guard mail.code == 250 else { throw .senderRefused(address: settings.from, reply: mail) }
        let rcpt = try await connection.exchange("RCPT TO:<\(recipient)>\r\n", waitingFor: "the reply to RCPT TO")
        guard rcpt.code == 250 || rcpt.code == 251 else { throw .recipientRefused(address: recipient, reply: rcpt) }
        let data = try await connection.exchange("DATA\r\n", waitingFor: "the reply to DATA")
        guard data.code == 354 else { throw .messageRefused(data) }
        let accepted = try await connection.exchange(
            Self.dotStuffed(text), waitingFor: "the server to accept the message")
        guard accepted.code == 250 else { throw .messageRefused(accepted) }

        // The message is accepted; a server that mishandles QUIT must not turn that into a failure.
        _ = try? await connection.exchange("QUIT\r\n", waitingFor: "the reply to QUIT")
    }

    /// EHLO, or HELO for a server that refuses EHLO. Returns the offered extensions by upper-cased
    /// keyword, each with its parameters (for example "AUTH": ["PLAIN", "LOGIN"]).
    private func hello(_ connection: SMTPConnection) async throws(SMTPError) -> [String: [String]] {
        let name = Self.heloName(settings.heloName)
        let ehlo = try await connection.exchange("EHLO \(name)\r\n", waitingFor: "the reply to EHLO")
        if ehlo.code == 250 {
            var extensions: [String: [String]] = [:]
            for line in ehlo.lines.dropFirst() {
                let words = line.split(separator: " ").map { $0.uppercased() }
                if let keyword = words.first { extensions[keyword] = Array(words.dropFirst()) }
            }
            return extensions
        }
        guard (500...599).contains(ehlo.code) else { throw .helloRefused(ehlo) }
        let helo = try await connection.exchange("HELO \(name)\r\n", waitingFor: "the reply to HELO")
        guard helo.code == 250 else { throw .helloRefused(helo) }
        return [:]
    }

    /// A setting could hold anything; the EHLO line must stay one word on one line.
    static func heloName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { $0.value > 32 && $0.value < 127 })
        return cleaned.isEmpty ? "localhost" : cleaned
    }

    /// AUTH PLAIN where offered, else AUTH LOGIN, which some large providers offer alone.
    private func authenticate(
        _ connection: SMTPConnection, username: String,
        offered: [String]
    ) async throws(SMTPError) {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        let password = settings.password ?? ""
        let reply: SMTPReply
        if offered.contains("PLAIN") {
            // RFC 4616: authorisation identity (empty: the same), NUL, username, NUL, password.
            reply = try await connection.exchange(
                "AUTH PLAIN \(base64("\0\(username)\0\(password)"))\r\n",
                waitingFor: "the reply to AUTH PLAIN")
        } else if offered.contains("LOGIN") {
            let start = try await connection.exchange("AUTH LOGIN\r\n", waitingFor: "the reply to AUTH LOGIN")
            guard start.code == 334 else { throw .authenticationFailed(username: username, reply: start) }
            let user = try await connection.exchange(
                base64(username) + "\r\n", waitingFor: "the reply to the AUTH LOGIN username")
            guard user.code == 334 else { throw .authenticationFailed(username: username, reply: user) }
            reply = try await connection.exchange(
                base64(password) + "\r\n", waitingFor: "the reply to the AUTH LOGIN password")
        } else {
            throw .authenticationNotOffered(offered: offered)
        }
        guard reply.code == 235 else { throw .authenticationFailed(username: username, reply: reply) }
    }
}
