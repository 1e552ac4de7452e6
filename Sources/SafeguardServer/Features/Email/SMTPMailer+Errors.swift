import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One reply from the mail server: its three-digit code and the text of each line
/// (a multi-line `250-...` reply has several).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The code and text as an operator would want to read them, e.g. "550 No such user".
    public var description: String {
        let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        return text.isEmpty ? String(code) : "\(code) \(text)"
    }
}

/// Why a message was not sent. Each description says what happened, quotes the mail server's
/// reply when there is one, and where possible which setting to look at. None of them contains
/// the password.
public enum SMTPError: Error, CustomStringConvertible, Equatable {
    case invalidAddress(MailAddressError)
    case connectionFailed(server: String, reason: String)
    case timedOut(server: String, seconds: Int, waitingFor: String)
    case connectionClosed(server: String, waitingFor: String)
    case connectionLost(server: String, waitingFor: String, reason: String)
    case notSMTP(server: String, received: String)
    case greetingRefused(server: String, reply: SMTPReply)
    case helloRefused(SMTPReply)
    case startTLSNotOffered(server: String)
    case startTLSRefused(server: String, reply: SMTPReply)
    case tlsFailed(server: String, reason: String)
    case dataBeforeTLS(server: String)
    case authenticationNotOffered(offered: [String])
    case authenticationFailed(username: String, reply: SMTPReply)
    case senderRefused(address: String, reply: SMTPReply)
    case recipientRefused(address: String, reply: SMTPReply)
    case messageRefused(SMTPReply)
    case cancelled

    public var description: String {
        switch self {
        case .invalidAddress(let problem):
            problem.description
        case .connectionFailed(let server, let reason):
            "Could not connect to the mail server at \(server): \(reason). Check SAFEGUARD_SMTP_HOST and SAFEGUARD_SMTP_PORT."
        case .timedOut(let server, let seconds, let waitingFor):
            "The mail server at \(server) did not answer within \(seconds) second\(seconds == 1 ? "" : "s") while waiting for \(waitingFor)."
                + (waitingFor == SMTPMailer.greetingStep
                    ? " If it expects TLS from the first byte (usually port 465), set SAFEGUARD_SMTP_SECURITY=tls."
                    : "")
        case .connectionClosed(let server, let waitingFor):
            "The mail server at \(server) closed the connection while waiting for \(waitingFor)."
        case .connectionLost(let server, let waitingFor, let reason):
            "The connection to the mail server at \(server) failed while waiting for \(waitingFor): \(reason)."
        case .notSMTP(let server, let received):
            "The server at \(server) does not speak SMTP as expected; it sent \(String(reflecting: received)). Check SAFEGUARD_SMTP_PORT, and SAFEGUARD_SMTP_SECURITY (none or starttls for a plain connection, tls for TLS from the first byte)."
        case .greetingRefused(let server, let reply):
            "The mail server at \(server) refused the connection: \(reply)"
        case .helloRefused(let reply):
            "The mail server refused the EHLO and HELO greetings: \(reply)"
        case .startTLSNotOffered(let server):
            "The mail server at \(server) does not offer STARTTLS, so nothing was sent rather than send it unencrypted. Set SAFEGUARD_SMTP_SECURITY=tls if the server expects TLS from the first byte (usually port 465), or none only for a relay on a trusted network."
        case .startTLSRefused(let server, let reply):
            "The mail server at \(server) refused to start TLS, so nothing was sent: \(reply)"
        case .tlsFailed(let server, let reason):
            "Could not set up TLS with the mail server at \(server), so nothing was sent: \(reason)"
        case .dataBeforeTLS(let server):
            "The mail server at \(server) sent more data after agreeing to STARTTLS but before encryption began, which can mean the connection is being tampered with; nothing was sent."
        case .authenticationNotOffered(let offered):
            "A username is set (SAFEGUARD_SMTP_USERNAME) but the mail server offers neither AUTH PLAIN nor AUTH LOGIN"
                + (offered.isEmpty
                    ? " (it offers no sign-in at all); unset the username if it needs none."
                    : " (it offers \(offered.joined(separator: ", "))).")
        case .authenticationFailed(let username, let reply):
            "The mail server refused the username or password for \(username): \(reply). Check SAFEGUARD_SMTP_USERNAME and SAFEGUARD_SMTP_PASSWORD."
        case .senderRefused(let address, let reply):
            "The mail server refused the sender \(address): \(reply). Check that SAFEGUARD_SMTP_FROM is an address this account may send from."
        case .recipientRefused(let address, let reply):
            "The mail server refused the recipient \(address): \(reply)"
        case .messageRefused(let reply):
            "The mail server refused the message: \(reply)"
        case .cancelled:
            "Sending was cancelled before the mail server accepted the message."
        }
    }

    /// Words for a failure NIO or the operating system reported, in terms of what the operator sees.
    static func reason(for error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            let reasons = error.connectionErrors.map { reason(for: $0.error) }
            if !reasons.isEmpty { return Array(Set(reasons)).sorted().joined(separator: "; ") }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return "the host name \(error.host) could not be found"
            }
            return "the host name \(error.host) has no addresses"
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused (nothing is listening on that port)"
            case ECONNRESET: return "the connection was reset"
            case ETIMEDOUT: return "the connection timed out"
            case EHOSTUNREACH, ENETUNREACH: return "the host cannot be reached from here"
            default: return String(cString: strerror(error.errnoCode))
            }
        case ChannelError.connectTimeout(let amount):
            return "no connection within \(amount.nanoseconds / 1_000_000_000) seconds"
        case let error as SocketAddressError:
            return "the host name could not be found (\(error))"
        default:
            return String(describing: error)
        }
    }

    /// BoringSSL's words are for developers; the common failures get a sentence an operator can act
    /// on, with BoringSSL's short name kept for searching.
    static func tlsReason(for error: any Error) -> String {
        let detail = String(describing: error)
        let code = detail.range(of: #"OPENSSL_internal:[A-Z0-9_]+"#, options: .regularExpression)
            .map { String(detail[$0].dropFirst("OPENSSL_internal:".count)) }
        switch code {
        case "WRONG_VERSION_NUMBER":
            return
                "the server did not answer in TLS (WRONG_VERSION_NUMBER). Check SAFEGUARD_SMTP_SECURITY and SAFEGUARD_SMTP_PORT: tls is usually port 465, starttls port 587."
        case "CERTIFICATE_VERIFY_FAILED":
            return
                "the server's certificate is not trusted: expired, self-signed or from an unknown authority (CERTIFICATE_VERIFY_FAILED)."
        case let code?:
            return "TLS error \(code)."
        case nil where detail.contains("failedToValidateHostname"):
            return
                "the server's certificate is not for this host name; SAFEGUARD_SMTP_HOST must be a name the certificate lists."
        case nil:
            return "\(detail)."
        }
    }

    static func isTLSFailure(_ error: any Error) -> Bool {
        error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError
    }
}
