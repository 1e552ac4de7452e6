import Foundation

/// One plain-text e-mail to one person, turned into RFC 5322 text by `rendered(from:fromName:date:messageID:)`.
///
/// Everything a caller puts in is treated as untrusted: header values cannot break out of their
/// header, and addresses are checked before they reach an envelope or a header.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    /// The recipient's name as shown by their mail program; empty for none.
    public var toName: String
    public var subject: String
    /// Plain text; any mix of line endings is accepted and sent as CRLF.
    public var body: String

    public init(to: String, toName: String = "", subject: String, body: String) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.body = body
    }

    /// The complete message (headers, blank line, quoted-printable body) with CRLF line endings,
    /// ending in CRLF. `date` and `messageID` exist so tests can fix them; `messageID` is the part
    /// between the angle brackets, and a fresh one in the sender's domain is made when it is `nil`.
    public func rendered(
        from: String, fromName: String, date: Date = Date(),
        messageID: String? = nil
    ) throws(MailAddressError) -> String {
        try MailAddressError.check(from, as: .sender)
        try MailAddressError.check(to, as: .recipient)
        let senderDomain = from[from.index(after: from.lastIndex(of: "@")!)...]
        let id = messageID.map(MailEncoding.messageIDSafe) ?? "\(UUID().uuidString.lowercased())@\(senderDomain)"

        let headers = [
            ("Date", MailEncoding.rfc5322Date(date)),
            ("From", MailEncoding.mailbox(name: fromName, address: from)),
            ("To", MailEncoding.mailbox(name: toName, address: to)),
            ("Subject", MailEncoding.unstructured(subject)),
            ("Message-ID", "<\(id)>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            // Asks vacation responders and similar robots not to answer a message nobody reads replies to.
            ("Auto-Submitted", "auto-generated"),
        ]
        let headerText = headers.map { MailEncoding.folded("\($0.0): \($0.1)") + "\r\n" }.joined()
        let bodyText = MailEncoding.quotedPrintable(body)
        // A body that already ends with a line break must not gain an empty last line.
        return headerText + "\r\n" + bodyText + (bodyText.isEmpty || bodyText.hasSuffix("\r\n") ? "" : "\r\n")
    }
}

/// An address that cannot be used on an envelope or in a header, and why.
public struct MailAddressError: Error, CustomStringConvertible, Equatable {
    /// Which end of the message the address was meant for, so the error can say which to fix.
    public enum Role: String, Sendable {
        case sender, recipient
    }

    public var address: String
    public var role: Role
    public var reason: String

    public var description: String {
        // String(reflecting:) shows a smuggled line break as \r\n instead of breaking the log line.
        "The \(role.rawValue) address \(String(reflecting: address)) is not a usable e-mail address: \(reason)."
    }

    /// Accepts the plain `local@domain` form only. Stricter than RFC 5321 on purpose: quoted local
    /// parts, address literals and non-ASCII addresses are not worth the risk of a header or
    /// command being built from something surprising.
    static func check(_ address: String, as role: Role) throws(MailAddressError) {
        func fail(_ reason: String) -> MailAddressError {
            MailAddressError(address: address, role: role, reason: reason)
        }
        guard !address.isEmpty else { throw fail("it is empty") }
        for scalar in address.unicodeScalars {
            switch scalar {
            case "\r", "\n": throw fail("it contains a line break")
            case " ", "\t": throw fail("it contains a space")
            case "<", ">": throw fail("it contains \"<\" or \">\" (give the bare address, without a display name)")
            case _ where scalar.value < 32 || scalar.value == 127: throw fail("it contains a control character")
            case _ where scalar.value > 127:
                throw fail("it contains characters other than plain ASCII, which cannot be sent")
            case "(", ")", ",", ";", ":", "\"", "\\", "[", "]":
                throw fail("it contains the character \"\(scalar)\", which does not belong in a plain address")
            default: continue
            }
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail(parts.count == 1 ? "it has no \"@\"" : "it has more than one \"@\"") }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty else { throw fail("nothing comes before the \"@\"") }
        guard !domain.isEmpty else { throw fail("nothing comes after the \"@\"") }
        guard local.utf8.count <= 64, address.utf8.count <= 254 else { throw fail("it is too long") }
        guard !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.hasPrefix("-"), !domain.contains("..") else {
            throw fail("\"\(domain)\" is not a valid domain name")
        }
    }
}
