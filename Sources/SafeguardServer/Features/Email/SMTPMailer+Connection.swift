import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One open connection to the mail server, used by a single `send`: write a command, wait for
/// its reply. Every wait is bounded by the timeout and every failure comes out as an `SMTPError`.
final class SMTPConnection: Sendable {
    let channel: any Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let server: String
    private let timeoutSeconds: Int

    private init(channel: any Channel, replies: NIOLoopBound<SMTPReplyHandler>, server: String, timeoutSeconds: Int) {
        self.channel = channel
        self.replies = replies
        self.server = server
        self.timeoutSeconds = timeoutSeconds
    }

    static func open(
        host: String, port: Int, implicitTLS: NIOSSLContext?, timeoutSeconds: Int,
        group: any EventLoopGroup
    ) async throws(SMTPError) -> SMTPConnection {
        let server = "\(host):\(port)"
        let serverHostname = sniName(for: host)
        let bootstrap = ClientBootstrap(group: group).connectTimeout(.seconds(Int64(timeoutSeconds)))
        do {
            let (channel, replies) = try await bootstrap.connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    // Both handlers go in before the channel reads, so not a byte of the greeting is
                    // missed, and the reply handler is bound here because a TLS failure can empty the
                    // pipeline before any later lookup could find it.
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                    }
                    let replies = SMTPReplyHandler()
                    try channel.pipeline.syncOperations.addHandler(replies)
                    return (channel, NIOLoopBound(replies, eventLoop: channel.eventLoop))
                }
            }
            return SMTPConnection(channel: channel, replies: replies, server: server, timeoutSeconds: timeoutSeconds)
        } catch {
            if SMTPError.isTLSFailure(error) {
                throw .tlsFailed(server: server, reason: SMTPError.tlsReason(for: error))
            }
            throw .connectionFailed(server: server, reason: SMTPError.reason(for: error))
        }
    }

    /// SNI carries host names only; for an IP address NIOSSL checks the certificate against the
    /// address connected to instead.
    private static func sniName(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// Sends `text` (which must end in CRLF; `nil` sends nothing, for the greeting) and waits for
    /// the next reply. `step` names what is awaited, for error messages; it must never contain a secret.
    func exchange(_ text: String?, waitingFor step: String) async throws(SMTPError) -> SMTPReply {
        let replies = self.replies
        let channel = self.channel
        let timeout = TimeAmount.seconds(Int64(timeoutSeconds))
        let future = channel.eventLoop.flatSubmit {
            // Ask for the reply before writing, so the timeout also covers a write the server never reads.
            let reply = replies.value.nextReply(timeout: timeout)
            if let text {
                channel.writeAndFlush(channel.allocator.buffer(string: text)).whenFailure { _ in
                    // The reply wait then fails with the first error the connection saw, which says more than the write's.
                    channel.close(promise: nil)
                }
            }
            return reply
        }
        do {
            return try await withTaskCancellationHandler {
                try await future.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            if Task.isCancelled { throw .cancelled }
            throw smtpError(for: error, waitingFor: step)
        }
    }

    /// Puts TLS under the conversation after the server's 220 to STARTTLS.
    func startTLS(context: NIOSSLContext, host: String) async throws(SMTPError) {
        let replies = self.replies
        let channel = self.channel
        let serverHostname = Self.sniName(for: host)
        do {
            try await channel.eventLoop.flatSubmit { () -> EventLoopFuture<Void> in
                // Anything already received was sent in clear text after the 220 and would be taken
                // as an encrypted reply; that is the STARTTLS injection attack (CVE-2011-0411 and kin).
                guard !replies.value.hasUnreadInput else {
                    return channel.eventLoop.makeFailedFuture(SMTPError.dataBeforeTLS(server: self.server))
                }
                return channel.eventLoop.makeCompletedFuture {
                    let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                    try channel.pipeline.syncOperations.addHandler(tls, position: .first)
                }
            }.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .tlsFailed(server: server, reason: SMTPError.tlsReason(for: error))
        }
    }

    func close() async {
        // Closing twice, or a close the server beat us to, is not worth reporting.
        try? await channel.close()
    }

    private func smtpError(for error: any Error, waitingFor step: String) -> SMTPError {
        switch error {
        case let error as SMTPError:
            return error
        case SMTPReplyHandler.Failure.timedOut:
            return .timedOut(server: server, seconds: timeoutSeconds, waitingFor: step)
        case SMTPReplyHandler.Failure.closed:
            return .connectionClosed(server: server, waitingFor: step)
        case SMTPReplyHandler.Failure.notSMTP(let received):
            return .notSMTP(server: server, received: received)
        case _ where SMTPError.isTLSFailure(error):
            return .tlsFailed(server: server, reason: SMTPError.tlsReason(for: error))
        default:
            return .connectionLost(server: server, waitingFor: step, reason: SMTPError.reason(for: error))
        }
    }
}

/// Cuts the byte stream into lines and lines into replies, and hands each reply to whoever waits
/// for it. Lives on the channel's event loop; `SMTPConnection` reaches it only through that loop.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// What went wrong, before `SMTPConnection` puts it in words with the step that was waiting.
    enum Failure: Error {
        case timedOut, closed
        case notSMTP(String)
    }

    /// A reply line longer than this is not SMTP (RFC 5321 allows 512); it also bounds memory.
    private static let maxLineLength = 4096
    private static let maxLinesPerReply = 500

    private var input = ByteBuffer()
    private var partialLines: [String] = []
    private var ready: [SMTPReply] = []
    private var waiter: (promise: EventLoopPromise<SMTPReply>, timeout: Scheduled<Void>)?
    private var failure: (any Error)?
    private var context: ChannelHandlerContext?
    private var eventLoop: (any EventLoop)?

    /// True when anything has arrived that no one has asked for yet.
    var hasUnreadInput: Bool { input.readableBytes > 0 || !partialLines.isEmpty || !ready.isEmpty }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.eventLoop = context.eventLoop
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        fail(Failure.closed)
    }

    /// Must be called on the channel's event loop, after the handler was added.
    func nextReply(timeout: TimeAmount) -> EventLoopFuture<SMTPReply> {
        guard let eventLoop else { preconditionFailure("SMTPReplyHandler used before it joined a pipeline") }
        if !ready.isEmpty { return eventLoop.makeSucceededFuture(ready.removeFirst()) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        precondition(waiter == nil, "one reply is awaited at a time")
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let scheduled = eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] () -> Void in
            self?.fail(Failure.timedOut)
        }
        waiter = (promise, scheduled)
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        input.writeBuffer(&bytes)
        while failure == nil, let newline = input.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            // CRLF is trimmed as bytes: as a Swift Character "\r\n" matches neither "\r" nor "\n".
            var length = newline - input.readerIndex
            if length > 0, input.getInteger(at: newline - 1, as: UInt8.self) == UInt8(ascii: "\r") { length -= 1 }
            let line = input.readString(length: length) ?? ""
            input.moveReaderIndex(to: newline + 1)
            parse(line)
        }
        if input.readableBytes > Self.maxLineLength {
            fail(Failure.notSMTP(String(input.readString(length: 80) ?? "") + "…"))
        }
        input.discardReadBytes()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(Failure.closed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
    }

    /// Lines are "250-more follows" or "250 last line"; a bare "250" ends a reply too.
    private func parse(_ line: String) {
        let utf8 = Array(line.utf8)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard utf8.count >= 3, utf8[0..<3].allSatisfy(isDigit),
            let code = Int(String(decoding: utf8[0..<3], as: UTF8.self)),
            utf8.count == 3 || utf8[3] == UInt8(ascii: " ") || utf8[3] == UInt8(ascii: "-"),
            partialLines.count < Self.maxLinesPerReply
        else {
            return fail(Failure.notSMTP(String(line.prefix(80))))
        }
        let text = utf8.count > 4 ? String(decoding: utf8[4...], as: UTF8.self) : ""
        partialLines.append(text)
        guard utf8.count == 3 || utf8[3] == UInt8(ascii: " ") else { return }
        let reply = SMTPReply(code: code, lines: partialLines)
        partialLines = []
        if let waiter {
            self.waiter = nil
            waiter.timeout.cancel()
            waiter.promise.succeed(reply)
        } else {
            ready.append(reply)
        }
    }

    /// The first failure sticks: later waits fail with it, and the connection is closed.
    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        if let waiter {
            self.waiter = nil
            waiter.timeout.cancel()
            waiter.promise.fail(failure ?? error)
        }
        context?.close(promise: nil)
    }
}
