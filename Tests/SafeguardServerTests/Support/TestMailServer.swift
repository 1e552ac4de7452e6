import Foundation
import NIOCore
import NIOPosix

/// An SMTP receiver inside the test process, on 127.0.0.1 and a port the OS picks, so tests can
/// check what the server e-mails without a real mail server or any network beyond loopback.
///
/// It speaks just enough SMTP for `SMTPMailer` (EHLO/HELO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA,
/// RSET, NOOP, QUIT), never TLS, and records every accepted message and every command line.
///
///     let mail = TestMailServer()
///     try await mail.start()
///     let settings = SMTPSettings(host: "127.0.0.1", port: mail.port, security: .none, from: "safeguard@example.org")
///     ...   // configure the app with `settings`, book a place
///     let received = try await mail.waitForMessages(1)
///     XCTAssertEqual(received[0].decodedHeader("Subject"), "Your place is confirmed")
///     XCTAssertTrue(received[0].decodedBody.contains("Level 2"))
///     await mail.shutdown()   // in tearDown too, so a failed test does not leave it listening
final class TestMailServer: Sendable {
    /// The one username and password the server accepts when `requiredCredentials` is set.
    struct Credentials: Sendable, Equatable {
        var username: String
        var password: String
    }

    /// How the server behaves; the defaults accept everything from anyone.
    struct Configuration: Sendable {
        /// When set, AUTH with anything else gets 535 and MAIL FROM without AUTH gets 530.
        var requiredCredentials: Credentials?
        /// Offered in the EHLO reply's AUTH line; empty offers no AUTH at all.
        var authMechanisms: [String] = ["PLAIN", "LOGIN"]
        /// RCPT TO for these addresses (compared case-insensitively) gets 550.
        var rejectedRecipients: Set<String> = []
        /// Extra EHLO keywords, e.g. "STARTTLS" to claim an offer this server cannot keep.
        var extraExtensions: [String] = []
        /// Sent as is in answer to STARTTLS. After a 2xx the server answers whatever comes next
        /// with a plain-text 500 and hangs up, which a TLS client sees as a failed handshake.
        var startTLSReply = "454 4.7.0 TLS not available"
        /// Answer EHLO with 502 so the client has to fall back to HELO.
        var rejectsEHLO = false
        /// False: accept connections but never say anything, to test the client's timeouts.
        var greets = true

        init() {}
    }

    /// One message the server accepted with 250 after DATA.
    struct ReceivedMail: Sendable, Equatable {
        var sender: String
        var recipients: [String]
        /// The DATA text with dot-stuffing undone and CRLF line endings, as the client rendered it.
        var data: String
        /// The username that signed in with AUTH before this message, if any.
        var authenticatedAs: String?
    }

    let configuration: Configuration
    private let group: any EventLoopGroup
    private let store = Store()

    init(
        configuration: Configuration = Configuration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.group = group
    }

    /// The port to connect to; 0 until `start()` returns.
    var port: Int { store.withLock { $0.port } }
    /// Every message accepted so far, oldest first.
    var messages: [ReceivedMail] { store.withLock { $0.messages } }
    /// Every line received outside DATA, in order (AUTH payloads included: test credentials only).
    var commands: [String] { store.withLock { $0.commands } }

    func start() async throws {
        let configuration = self.configuration
        let store = self.store
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                store.withLock { $0.sessions.append(channel) }
                // Forget closed sessions so a long test run does not keep every connection alive.
                channel.closeFuture.whenComplete { _ in
                    store.withLock { $0.sessions.removeAll { $0 === channel } }
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        SessionHandler(configuration: configuration, store: store))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        store.withLock {
            $0.listener = channel
            $0.port = channel.localAddress?.port ?? 0
        }
    }

    /// Stops listening and drops any connection still open. Safe to call more than once.
    func shutdown() async {
        let (listener, sessions) = store.withLock { state in
            defer {
                state.listener = nil
                state.sessions = []
            }
            return (state.listener, state.sessions)
        }
        try? await listener?.close()
        for session in sessions { try? await session.close() }
    }

    /// Forgets the messages and commands received so far.
    func reset() {
        store.withLock {
            $0.messages = []
            $0.commands = []
        }
    }

    /// Thrown by `waitForMessages` with what did arrive, so a failing test shows how far the client got.
    struct WaitTimedOut: Error, CustomStringConvertible {
        var expected: Int
        var received: [ReceivedMail]
        var commands: [String]
        var description: String {
            "The test mail server expected \(expected) message(s) but received \(received.count); commands seen: \(commands)"
        }
    }

    /// Waits until at least `count` messages have arrived and returns all of them, or throws
    /// `WaitTimedOut` after `timeout`. For mail sent in the background, e.g. after a request.
    func waitForMessages(_ count: Int, timeout: Duration = .seconds(5)) async throws -> [ReceivedMail] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = messages
            if received.count >= count { return received }
            guard ContinuousClock.now < deadline else {
                throw WaitTimedOut(expected: count, received: received, commands: commands)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Shared between the test and the event loop threads; every access holds the lock.
    fileprivate final class Store: @unchecked Sendable {
        struct State {
            var port = 0
            var messages: [ReceivedMail] = []
            var commands: [String] = []
            var listener: (any Channel)?
            var sessions: [any Channel] = []
        }

        private let lock = NSLock()
        private var state = State()

        func withLock<T>(_ body: (inout State) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&state)
        }
    }
}

/// One client connection: a line-at-a-time state machine. Lines end in CRLF only, as RFC 5321
/// requires, so a client sending bare LF shows up in the recorded data instead of being hidden.
private final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What the next line means: a command, message text, or an answer to an AUTH prompt.
    private enum Mode {
        case command
        case data([String])
        case authPlain, authLoginUsername
        case authLoginPassword(String)
        case afterStartTLS
    }

    private let configuration: TestMailServer.Configuration
    private let store: TestMailServer.Store
    private var input = ByteBuffer()
    private var mode = Mode.command
    private var sender: String?
    private var recipients: [String] = []
    private var authenticatedAs: String?

    init(configuration: TestMailServer.Configuration, store: TestMailServer.Store) {
        self.configuration = configuration
        self.store = store
    }

    func channelActive(context: ChannelHandlerContext) {
        if configuration.greets { reply(context, "220 test.mail.local ESMTP TestMailServer") }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        input.writeBuffer(&bytes)
        if case .afterStartTLS = mode {
            input.clear()
            return replyAndClose(context, "500 5.5.1 This test server cannot do TLS")
        }
        while let lineEnd = input.readableBytesView.firstRange(of: [13, 10]) {
            let line = input.readString(length: lineEnd.lowerBound - input.readerIndex) ?? ""
            input.moveReaderIndex(forwardBy: 2)
            handle(line, context)
        }
        input.discardReadBytes()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func handle(_ line: String, _ context: ChannelHandlerContext) {
        switch mode {
        case .data(var lines):
            guard line != "." else {
                let mail = TestMailServer.ReceivedMail(
                    sender: sender ?? "", recipients: recipients,
                    data: lines.map { $0 + "\r\n" }.joined(), authenticatedAs: authenticatedAs)
                store.withLock { $0.messages.append(mail) }
                (mode, sender, recipients) = (.command, nil, [])
                return reply(context, "250 2.0.0 Message accepted")
            }
            // RFC 5321 4.5.2: the client doubled any leading dot; take one away.
            lines.append(line.hasPrefix(".") ? String(line.dropFirst()) : line)
            mode = .data(lines)
        case .authPlain:
            mode = .command
            authenticatePlain(line, context)
        case .authLoginUsername:
            mode = .authLoginPassword(Self.base64Decoded(line) ?? "")
            reply(context, "334 UGFzc3dvcmQ6")
        case .authLoginPassword(let username):
            mode = .command
            authenticate(username: username, password: Self.base64Decoded(line) ?? "", context)
        case .afterStartTLS:
            break
        case .command:
            store.withLock { $0.commands.append(line) }
            command(line, context)
        }
    }

    private func command(_ line: String, _ context: ChannelHandlerContext) {
        let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
        let argument = line.drop { $0 != " " }.dropFirst()
        switch verb {
        case "EHLO":
            guard !configuration.rejectsEHLO else { return reply(context, "502 5.5.2 EHLO not supported, use HELO") }
            var lines = ["test.mail.local greets \(argument)", "8BITMIME", "SIZE 10485760"]
            if !configuration.authMechanisms.isEmpty {
                lines.append("AUTH " + configuration.authMechanisms.joined(separator: " "))
            }
            lines += configuration.extraExtensions
            reply(context, lines: 250, lines)
        case "HELO":
            reply(context, "250 test.mail.local")
        case "STARTTLS":
            if configuration.startTLSReply.hasPrefix("2") { mode = .afterStartTLS }
            reply(context, configuration.startTLSReply)
        case "AUTH":
            let words = argument.split(separator: " ")
            let mechanism = words.first.map { $0.uppercased() } ?? ""
            guard configuration.authMechanisms.contains(mechanism) else {
                return reply(context, "504 5.5.4 Unrecognized authentication type")
            }
            if mechanism == "LOGIN" {
                mode = .authLoginUsername
                return reply(context, "334 VXNlcm5hbWU6")
            }
            guard words.count > 1 else {
                mode = .authPlain
                return reply(context, "334 ")
            }
            authenticatePlain(String(words[1]), context)
        case "MAIL":
            guard configuration.requiredCredentials == nil || authenticatedAs != nil else {
                return reply(context, "530 5.7.0 Authentication required")
            }
            guard let address = Self.address(in: argument, after: "FROM:") else {
                return reply(context, "501 5.5.4 Syntax: MAIL FROM:<address>")
            }
            (sender, recipients) = (address, [])
            reply(context, "250 2.1.0 Sender OK")
        case "RCPT":
            guard sender != nil else { return reply(context, "503 5.5.1 MAIL first") }
            guard let address = Self.address(in: argument, after: "TO:") else {
                return reply(context, "501 5.5.4 Syntax: RCPT TO:<address>")
            }
            let rejected = configuration.rejectedRecipients.contains { $0.lowercased() == address.lowercased() }
            guard !rejected else { return reply(context, "550 5.1.1 No such user here") }
            recipients.append(address)
            reply(context, "250 2.1.5 Recipient OK")
        case "DATA":
            guard !recipients.isEmpty else { return reply(context, "503 5.5.1 RCPT first") }
            mode = .data([])
            reply(context, "354 Start mail input; end with <CRLF>.<CRLF>")
        case "RSET":
            (sender, recipients) = (nil, [])
            reply(context, "250 2.0.0 OK")
        case "NOOP":
            reply(context, "250 2.0.0 OK")
        case "QUIT":
            replyAndClose(context, "221 2.0.0 Bye")
        default:
            reply(context, "500 5.5.2 Command not recognized")
        }
    }

    /// RFC 4616: [authorisation identity] NUL username NUL password.
    private func authenticatePlain(_ token: String, _ context: ChannelHandlerContext) {
        let parts = (Self.base64Decoded(token) ?? "").split(separator: "\0", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return reply(context, "501 5.5.2 Cannot decode AUTH PLAIN response") }
        authenticate(username: String(parts[1]), password: String(parts[2]), context)
    }

    private func authenticate(username: String, password: String, _ context: ChannelHandlerContext) {
        if let required = configuration.requiredCredentials, required != .init(username: username, password: password) {
            return reply(context, "535 5.7.8 Authentication credentials invalid")
        }
        authenticatedAs = username
        reply(context, "235 2.7.0 Authentication successful")
    }

    private static func address(in argument: Substring, after prefix: String) -> String? {
        guard argument.uppercased().hasPrefix(prefix),
            let open = argument.firstIndex(of: "<"), let close = argument.lastIndex(of: ">"), open < close
        else { return nil }
        return String(argument[argument.index(after: open)..<close])
    }

    private static func base64Decoded(_ text: String) -> String? {
        Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) }
    }

    private func reply(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text + "\r\n")), promise: nil)
    }

    private func reply(_ context: ChannelHandlerContext, lines code: Int, _ lines: [String]) {
        let text = lines.enumerated().map { "\(code)\($0.offset == lines.count - 1 ? " " : "-")\($0.element)" }
        reply(context, text.joined(separator: "\r\n"))
    }

    private func replyAndClose(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text + "\r\n")))
            .assumeIsolated()
            .whenComplete { _ in context.close(promise: nil) }
    }
}

// MARK: - Reading what arrived

extension TestMailServer.ReceivedMail {
    /// The header lines, each unfolded to one line, without the blank line after them.
    var headerLines: [String] {
        let section = data.components(separatedBy: "\r\n\r\n").first ?? ""
        // RFC 5322 2.2.3: unfolding removes the CRLF before whitespace and nothing else.
        return section.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: "\t")
            .components(separatedBy: "\r\n")
    }

    /// Everything after the blank line that ends the headers, still transfer-encoded.
    var rawBody: String {
        guard let range = data.range(of: "\r\n\r\n") else { return "" }
        return String(data[range.upperBound...])
    }

    /// The unfolded value of the first header called `name` (case-insensitive), still encoded.
    func header(_ name: String) -> String? {
        let prefix = name.lowercased() + ":"
        return headerLines.first { $0.lowercased().hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
    }

    /// `header(name)` with RFC 2047 encoded-words decoded, as a mail program would show it.
    func decodedHeader(_ name: String) -> String? {
        header(name).map(Self.decodingEncodedWords)
    }

    /// The body with quoted-printable undone (when the message says it is quoted-printable), as text.
    var decodedBody: String {
        guard header("Content-Transfer-Encoding")?.lowercased() == "quoted-printable" else { return rawBody }
        return Self.quotedPrintableDecoded(rawBody)
    }

    /// RFC 2045 6.7 decoding: "=" CRLF is a soft break, "=XX" a byte, and line breaks are CRLF.
    static func quotedPrintableDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            // Both bytes after "=" exist: either CRLF (soft break) or two hex digits.
            if input[index] == UInt8(ascii: "="), index + 2 < input.count {
                let next = input[index + 1...index + 2]
                if next.elementsEqual([13, 10]) {
                    index += 3
                    continue
                }
                if next.allSatisfy({ UnicodeScalar($0).properties.isASCIIHexDigit }),
                    let value = UInt8(String(decoding: next, as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    index += 3
                    continue
                }
            }
            bytes.append(input[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 2047 decoding of B and Q encoded-words; whitespace between two encoded-words is dropped.
    static func decodingEncodedWords(_ value: String) -> String {
        var output = ""
        var previousWasEncoded = false
        for (index, word) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let parts = word.split(separator: "?", omittingEmptySubsequences: false)
            let decoded: String? =
                if word.hasPrefix("=?"), word.hasSuffix("?="), parts.count == 5 {
                    switch parts[2].uppercased() {
                    case "B": Data(base64Encoded: String(parts[3])).map { String(decoding: $0, as: UTF8.self) }
                    case "Q": quotedPrintableDecoded(parts[3].replacingOccurrences(of: "_", with: " "))
                    default: nil
                    }
                } else {
                    nil
                }
            if index > 0 && !(previousWasEncoded && decoded != nil) { output += " " }
            output += decoded ?? String(word)
            previousWasEncoded = decoded != nil
        }
        return output
    }
}
