import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends e-mail through the mail server in `SMTPSettings`, one connection per message.
///
/// A connection per message keeps the client simple and leaves nothing open between the rare
/// messages a booking system sends. It never falls back to clear text: with `.startTLS` a server
/// that does not offer STARTTLS gets nothing.
public struct SMTPMailer: Sendable {
    public let settings: SMTPSettings
    private let eventLoopGroup: any EventLoopGroup
    private let tlsConfiguration: TLSConfiguration

    /// `tlsConfiguration` defaults to full certificate and host name checking against the system's
    /// trusted roots; pass another only to trust a private certificate authority.
    public init(
        settings: SMTPSettings, eventLoopGroup: any EventLoopGroup,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration()
    ) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
        self.tlsConfiguration = tlsConfiguration
    }

    /// Delivers `message` to the mail server, or throws why not. Returning means the server
    /// accepted the message for delivery; it can still bounce later.
    public func send(_ message: MailMessage) async throws(SMTPError) {
        let text: String
        do {
            // Rendering first checks both addresses, so a bad one never costs a connection.
            text = try message.rendered(from: settings.from, fromName: settings.fromName)
        } catch {
            throw .invalidAddress(error)
        }

        let tlsContext: NIOSSLContext?
        do {
            tlsContext = settings.security == .none ? nil : try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw .tlsFailed(server: "\(settings.host):\(settings.port)", reason: SMTPError.tlsReason(for: error))
        }

        let connection = try await SMTPConnection.open(
            host: settings.host, port: settings.port,
            implicitTLS: settings.security == .tls ? tlsContext : nil,
            timeoutSeconds: settings.timeoutSeconds, group: eventLoopGroup)
        do {
            try await converse(over: connection, tlsContext: tlsContext, recipient: message.to, text: text)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    /// The most replies one message's conversation awaits, each for `timeoutSeconds` at most: the connection,
    /// the greeting, EHLO and its HELO fallback, STARTTLS and EHLO again, three for AUTH LOGIN, MAIL, RCPT, DATA, the
    /// text and QUIT. The e-mail job's lease must outlast this (``JobLease/Job/emailDelivery``).
    static let longestConversationReplies = 14
    var longestSendSeconds: Int { Self.longestConversationReplies * settings.timeoutSeconds }

    /// Names the wait for the server's first line; the timeout message adds a hint for it.
    static let greetingStep = "the server's greeting"

    /// RFC 5321 4.5.2: a line starting with "." gets a second one, which the server removes, so no
    /// line of the message can be taken for the end-of-data marker. Ends with CRLF "." CRLF.
    static func dotStuffed(_ text: String) -> String {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}

/// What sends one e-mail: the SMTP client, or in a test a stand-in that records what it was handed.
protocol MailSending: Sendable {
    func send(_ message: MailMessage) async throws
}

extension SMTPMailer: MailSending {}
