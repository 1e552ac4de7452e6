import Foundation
import NIOCore
import NIOPosix
import XCTest

@testable import SafeguardServer

/// `SMTPMailer`, `MailMessage` and `SMTPSettings` against `TestMailServer` on loopback.
final class SMTPMailerTests: XCTestCase {
    private let from = "safeguard@example.org"

    // MARK: Delivery

    func testMessageArrivesWithTheRightEnvelopeAndHeaders() async throws {
        try await withServer { server in
            let message = MailMessage(
                to: "alex@example.org", toName: "Alex Smith", subject: "Your place is confirmed",
                body: "Hello Alex,\nYour place on Level 2 training is confirmed.\n")
            try await self.mailer(server).send(message)

            let mail = try await server.waitForMessages(1)[0]
            XCTAssertEqual(mail.sender, self.from)
            XCTAssertEqual(mail.recipients, ["alex@example.org"])
            XCTAssertEqual(mail.header("From"), "Safeguard <safeguard@example.org>")
            XCTAssertEqual(mail.header("To"), "Alex Smith <alex@example.org>")
            XCTAssertEqual(mail.header("Subject"), "Your place is confirmed")
            XCTAssertEqual(mail.header("MIME-Version"), "1.0")
            XCTAssertEqual(mail.header("Content-Type"), "text/plain; charset=utf-8")
            XCTAssertEqual(mail.header("Content-Transfer-Encoding"), "quoted-printable")
            let messageID = try XCTUnwrap(mail.header("Message-ID"))
            XCTAssertTrue(messageID.hasPrefix("<") && messageID.hasSuffix("@example.org>"), messageID)
            let date = try XCTUnwrap(mail.header("Date"))
            XCTAssertNotNil(
                date.range(
                    of: #"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$"#,
                    options: .regularExpression), date)
            XCTAssertEqual(mail.decodedBody, "Hello Alex,\r\nYour place on Level 2 training is confirmed.\r\n")
            XCTAssertEqual(
                server.commands,
                [
                    "EHLO safeguard.local", "MAIL FROM:<safeguard@example.org>",
                    "RCPT TO:<alex@example.org>", "DATA", "QUIT",
                ])
        }
    }

    func testBodyLinesStartingWithADotSurvive() async throws {
        try await withServer { server in
            let body = ".hidden first line\n.\n..two dots\nlast line"
            try await self.mailer(server).send(MailMessage(to: "alex@example.org", subject: "Dots", body: body))

            let mail = try await server.waitForMessages(1)[0]
            XCTAssertEqual(mail.decodedBody, ".hidden first line\r\n.\r\n..two dots\r\nlast line\r\n")
        }
    }

    func testNonASCIISubjectAndNamesAreEncodedAndTheBodyRoundTrips() async throws {
        try await withServer { server in
            let subject = "Réservation confirmée : « Café et sécurité » — formation niveau 2 ☕️ à Zürich"
            let longLine = "Prix = 0 € ; " + String(repeating: "ünïcødé=équals ", count: 12)
            let body = "Bonjour Zoë,\n\(longLine)\ntrailing spaces   \ntab at end\t\n=3D is not an escape here"
            var settings = self.settings(server)
            settings.fromName = "Équipe Safeguard"
            try await SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
                .send(MailMessage(to: "zoe@example.org", toName: "Zoë Ørsted", subject: subject, body: body))

            let mail = try await server.waitForMessages(1)[0]
            let rawLines = mail.data.components(separatedBy: "\r\n")
            XCTAssertTrue(mail.data.utf8.allSatisfy { $0 < 128 }, "the message on the wire must be 7-bit")
            XCTAssertTrue(
                rawLines.allSatisfy { $0.utf8.count <= 78 },
                rawLines.filter { $0.utf8.count > 78 }.joined(separator: "\n"))
            XCTAssertTrue(try XCTUnwrap(mail.header("Subject")).hasPrefix("=?utf-8?B?"))
            XCTAssertEqual(mail.decodedHeader("Subject"), subject)
            XCTAssertEqual(mail.decodedHeader("To"), "Zoë Ørsted <zoe@example.org>")
            XCTAssertEqual(mail.decodedHeader("From"), "Équipe Safeguard <safeguard@example.org>")

            let bodyLines = mail.rawBody.components(separatedBy: "\r\n")
            XCTAssertTrue(
                bodyLines.allSatisfy { $0.utf8.count <= 76 },
                bodyLines.filter { $0.utf8.count > 76 }.joined(separator: "\n"))
            XCTAssertFalse(
                bodyLines.contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") }, "trailing whitespace must be encoded")
            XCTAssertTrue(bodyLines.contains { $0.hasSuffix("=") }, "the long line needs soft line breaks")
            XCTAssertEqual(mail.decodedBody, body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        }
    }

    func testHeaderInjectionInTheSubjectAndNameIsNeutralised() async throws {
        try await withServer { server in
            let message = MailMessage(
                to: "alex@example.org", toName: "Alex\r\nCc: other@example.org",
                subject: "Booking\r\nBcc: victim@example.org\r\n\r\nInjected body", body: "Real body")
            try await self.mailer(server).send(message)

            let mail = try await server.waitForMessages(1)[0]
            XCTAssertEqual(mail.recipients, ["alex@example.org"])
            XCTAssertEqual(mail.headerLines.filter { $0.hasPrefix("Subject:") }.count, 1)
            XCTAssertFalse(
                mail.headerLines.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("Cc:") },
                mail.headerLines.joined(separator: "\n"))
            XCTAssertEqual(mail.decodedHeader("Subject"), "Booking Bcc: victim@example.org Injected body")
            XCTAssertEqual(mail.decodedHeader("To"), "\"Alex Cc: other@example.org\" <alex@example.org>")
            XCTAssertEqual(mail.decodedBody, "Real body\r\n")
        }
    }

    func testServerThatRefusesEHLOIsGreetedWithHELO() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.rejectsEHLO = true
        try await withServer(configuration) { server in
            try await self.mailer(server).send(MailMessage(to: "alex@example.org", subject: "Hi", body: "Hi"))
            _ = try await server.waitForMessages(1)
            XCTAssertEqual(Array(server.commands.prefix(2)), ["EHLO safeguard.local", "HELO safeguard.local"])
        }
    }

    // MARK: Signing in

    func testAuthPlainWithTheRightCredentialsSignsIn() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.requiredCredentials = .init(username: "alice", password: "correct horse")
        try await withServer(configuration) { server in
            try await self.mailer(server, username: "alice", password: "correct horse")
                .send(MailMessage(to: "alex@example.org", subject: "Hi", body: "Hi"))

            let mail = try await server.waitForMessages(1)[0]
            XCTAssertEqual(mail.authenticatedAs, "alice")
            XCTAssertTrue(server.commands.contains { $0.hasPrefix("AUTH PLAIN ") }, "\(server.commands)")
        }
    }

    func testWrongPasswordGivesAnErrorWith535AndNoPassword() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.requiredCredentials = .init(username: "alice", password: "correct horse")
        try await withServer(configuration) { server in
            let error = await self.sendError(self.mailer(server, username: "alice", password: "wrong battery"))
            guard case .authenticationFailed(let username, let reply)? = error else {
                return XCTFail("\(String(describing: error))")
            }
            XCTAssertEqual(username, "alice")
            XCTAssertEqual(reply.code, 535)
            let description = try XCTUnwrap(error).description
            XCTAssertTrue(description.contains("535") && description.contains("alice"), description)
            XCTAssertFalse(description.contains("wrong battery"), description)
            XCTAssertFalse(server.commands.contains { $0.hasPrefix("MAIL") })
            XCTAssertTrue(server.messages.isEmpty)
        }
    }

    func testAuthLoginIsUsedWhenPlainIsNotOffered() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.requiredCredentials = .init(username: "alice", password: "correct horse")
        configuration.authMechanisms = ["LOGIN"]
        try await withServer(configuration) { server in
            try await self.mailer(server, username: "alice", password: "correct horse")
                .send(MailMessage(to: "alex@example.org", subject: "Hi", body: "Hi"))

            let mail = try await server.waitForMessages(1)[0]
            XCTAssertEqual(mail.authenticatedAs, "alice")
            XCTAssertTrue(server.commands.contains("AUTH LOGIN"), "\(server.commands)")
        }
    }

    // MARK: Refusals and failures

    func testRejectedRecipientGivesAnErrorNamingTheAddressAnd550() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.rejectedRecipients = ["nobody@example.org"]
        try await withServer(configuration) { server in
            let error = await self.sendError(
                self.mailer(server), MailMessage(to: "nobody@example.org", subject: "Hi", body: "Hi"))
            guard case .recipientRefused("nobody@example.org", let reply)? = error else {
                return XCTFail("\(String(describing: error))")
            }
            XCTAssertEqual(reply.code, 550)
            let description = try XCTUnwrap(error).description
            XCTAssertTrue(
                description.contains("nobody@example.org") && description.contains("550 5.1.1 No such user here"),
                description)
            XCTAssertTrue(server.messages.isEmpty)
        }
    }

    func testClosedPortGivesAConnectionError() async throws {
        let server = TestMailServer()
        try await server.start()
        let port = server.port
        await server.shutdown()

        let settings = SMTPSettings(host: "127.0.0.1", port: port, security: .none, from: from, timeoutSeconds: 5)
        let error = await sendError(
            SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton))
        guard case .connectionFailed? = error else { return XCTFail("\(String(describing: error))") }
        let description = try XCTUnwrap(error).description
        XCTAssertTrue(
            description.contains("127.0.0.1:\(port)") && description.contains("connection refused"), description)
    }

    func testSilentServerTimesOut() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.greets = false
        try await withServer(configuration) { server in
            var settings = self.settings(server)
            settings.timeoutSeconds = 1
            let mailer = SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
            let started = ContinuousClock.now
            // Raced against a deadline so a broken timeout fails the test instead of hanging the suite.
            let error = await Self.firstError(of: mailer, orCancelAfter: .seconds(10))
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
            guard case .timedOut(_, 1, SMTPMailer.greetingStep)? = error else {
                return XCTFail("\(String(describing: error))")
            }
            XCTAssertTrue(
                try XCTUnwrap(error).description.contains(
                    "did not answer within 1 second while waiting for the server's greeting"))
        }
    }

    func testCancellingASendStopsWaitingAndCloses() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.greets = false
        try await withServer(configuration) { server in
            let mailer = self.mailer(server)  // 5 second timeout, far longer than the cancel below
            let started = ContinuousClock.now
            let error = await Self.firstError(of: mailer, orCancelAfter: .milliseconds(300))
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
            XCTAssertEqual(error, .cancelled)
        }
    }

    func testInvalidAddressesAreRefusedBeforeConnecting() async throws {
        try await withServer { server in
            for address in [
                "alex smith@example.org", "alex@@example.org", "alex", "Alex <alex@example.org>",
                "alex@example.org\r\nRCPT TO:<victim@example.org>", "@example.org", "alex@", "zoë@example.org",
            ] {
                let error = await self.sendError(
                    self.mailer(server), MailMessage(to: address, subject: "Hi", body: "Hi"))
                guard case .invalidAddress(let problem)? = error else {
                    XCTFail("\(address): \(String(describing: error))")
                    continue
                }
                XCTAssertEqual(problem.address, address)
                XCTAssertTrue(problem.description.hasPrefix("The recipient address "), problem.description)
                XCTAssertFalse(problem.description.contains("\n"), problem.description)
            }
            XCTAssertEqual(server.commands, [], "nothing may reach the server with a bad address")
        }
    }

    // MARK: STARTTLS

    func testStartTLSAgainstAServerThatDoesNotOfferItSendsNothing() async throws {
        try await withServer { server in
            var settings = self.settings(server, username: "alice", password: "secret")
            settings.security = .startTLS
            let error = await self.sendError(
                SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton))
            guard case .startTLSNotOffered? = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertTrue(try XCTUnwrap(error).description.contains("does not offer STARTTLS, so nothing was sent"))
            XCTAssertEqual(server.commands, ["EHLO safeguard.local"], "no AUTH, MAIL or DATA in clear text")
            XCTAssertTrue(server.messages.isEmpty)
        }
    }

    func testStartTLSRefusedByTheServerSendsNothing() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.extraExtensions = ["STARTTLS"]
        try await withServer(configuration) { server in
            var settings = self.settings(server)
            settings.security = .startTLS
            let error = await self.sendError(
                SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton))
            guard case .startTLSRefused(_, let reply)? = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertEqual(reply.code, 454)
            XCTAssertEqual(server.commands, ["EHLO safeguard.local", "STARTTLS"])
        }
    }

    func testFailedTLSHandshakeAfterStartTLSSendsNothing() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.extraExtensions = ["STARTTLS"]
        configuration.startTLSReply = "220 2.0.0 Ready to start TLS"
        try await withServer(configuration) { server in
            var settings = self.settings(server)
            settings.security = .startTLS
            let error = await self.sendError(
                SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton))
            guard case .tlsFailed? = error else { return XCTFail("\(String(describing: error))") }
            let description = try XCTUnwrap(error).description
            XCTAssertTrue(description.hasPrefix("Could not set up TLS with the mail server at 127.0.0.1:"), description)
            XCTAssertTrue(description.contains("did not answer in TLS"), description)
            XCTAssertEqual(server.commands, ["EHLO safeguard.local", "STARTTLS"])
        }
    }

    func testImplicitTLSAgainstAPlainServerSendsNothing() async throws {
        try await withServer { server in
            var settings = self.settings(server)
            settings.security = .tls
            let error = await self.sendError(
                SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton))
            guard case .tlsFailed? = error else { return XCTFail("\(String(describing: error))") }
            // The server reads the TLS ClientHello as garbage; whatever it makes of it, no mail command got through.
            XCTAssertFalse(
                server.commands.contains { $0.hasPrefix("EHLO") || $0.hasPrefix("MAIL") }, "\(server.commands)")
            XCTAssertTrue(server.messages.isEmpty)
        }
    }

    func testCleartextInjectedAfterStartTLSIsRefused() async throws {
        var configuration = TestMailServer.Configuration()
        configuration.extraExtensions = ["STARTTLS"]
        configuration.startTLSReply = "220 2.0.0 Ready to start TLS\r\n250-injected\r\n250 AUTH PLAIN"
        try await withServer(configuration) { server in
            var settings = self.settings(server)
            settings.security = .startTLS
            let error = await self.sendError(
                SMTPMailer(settings: settings, eventLoopGroup: MultiThreadedEventLoopGroup.singleton))
            guard case .dataBeforeTLS? = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertEqual(server.commands, ["EHLO safeguard.local", "STARTTLS"])
        }
    }

    // MARK: Rendering

    func testRenderedMessageIsExactWithAFixedDateAndMessageID() throws {
        let message = MailMessage(
            to: "alex@example.org", toName: "Dr. Alex \"Al\" Smith", subject: "Booking = confirmed",
            body: "Line one\nLine two ")
        let text = try message.rendered(
            from: from, fromName: "Safeguard", date: Date(timeIntervalSince1970: 86_400 * 365),
            messageID: "fixed-id@example.org>\r\nX-Evil: 1")
        XCTAssertEqual(
            text,
            """
            Date: Fri, 01 Jan 1971 00:00:00 +0000\r
            From: Safeguard <safeguard@example.org>\r
            To: "Dr. Alex \\"Al\\" Smith" <alex@example.org>\r
            Subject: Booking = confirmed\r
            Message-ID: <fixed-id@example.orgX-Evil:1>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            Auto-Submitted: auto-generated\r
            \r
            Line one\r
            Line two=20\r

            """)
    }

    func testQuotedPrintableFollowsRFC2045() {
        XCTAssertEqual(MailEncoding.quotedPrintable("a=b é"), "a=3Db =C3=A9")
        XCTAssertEqual(MailEncoding.quotedPrintable("end \nend\t"), "end=20\r\nend=09")
        XCTAssertEqual(
            MailEncoding.quotedPrintable(String(repeating: "x", count: 76)), String(repeating: "x", count: 76))
        XCTAssertEqual(
            MailEncoding.quotedPrintable(String(repeating: "x", count: 77)),
            String(repeating: "x", count: 75) + "=\r\nxx")
        // A "=XX" triplet is never split by a soft break.
        XCTAssertEqual(
            MailEncoding.quotedPrintable(String(repeating: "x", count: 74) + "éx"),
            String(repeating: "x", count: 74) + "=\r\n=C3=A9x")
    }

    func testDotStuffingDoublesLeadingDotsAndEndsTheData() {
        XCTAssertEqual(SMTPMailer.dotStuffed("a\r\n.b\r\n.\r\nc\r\n"), "a\r\n..b\r\n..\r\nc\r\n.\r\n")
    }

    // MARK: Settings

    func testSettingsAreNilWithoutAHost() throws {
        XCTAssertNil(try SMTPSettings.fromEnvironment([:]))
        XCTAssertNil(try SMTPSettings.fromEnvironment(["SAFEGUARD_SMTP_HOST": "  ", "SAFEGUARD_SMTP_FROM": "a@b.org"]))
    }

    func testSettingsDefaultsAndValues() throws {
        let minimal = try XCTUnwrap(
            SMTPSettings.fromEnvironment(["SAFEGUARD_SMTP_HOST": "smtp.example.org", "SAFEGUARD_SMTP_FROM": from]))
        XCTAssertEqual(minimal, SMTPSettings(host: "smtp.example.org", port: 587, security: .startTLS, from: from))
        XCTAssertEqual(minimal.fromName, "Safeguard")
        XCTAssertEqual(minimal.heloName, "safeguard.local")
        XCTAssertEqual(minimal.timeoutSeconds, 30)

        func port(_ security: String) throws -> Int? {
            try SMTPSettings.fromEnvironment([
                "SAFEGUARD_SMTP_HOST": "h", "SAFEGUARD_SMTP_FROM": from, "SAFEGUARD_SMTP_SECURITY": security,
            ])?.port
        }
        XCTAssertEqual(try port("tls"), 465)
        XCTAssertEqual(try port("NONE"), 25)
        XCTAssertEqual(try port("starttls"), 587)

        let full = try XCTUnwrap(
            SMTPSettings.fromEnvironment([
                "SAFEGUARD_SMTP_HOST": "mail.example.org", "SAFEGUARD_SMTP_PORT": "2525",
                "SAFEGUARD_SMTP_SECURITY": "tls",
                "SAFEGUARD_SMTP_USERNAME": "alice", "SAFEGUARD_SMTP_PASSWORD": " p4ss word ",
                "SAFEGUARD_SMTP_FROM": from,
            ]))
        XCTAssertEqual(
            full,
            SMTPSettings(
                host: "mail.example.org", port: 2525, security: .tls, username: "alice",
                password: " p4ss word ", from: from))
        XCTAssertFalse("\(full)".contains("p4ss"), "\(full)")
        XCTAssertFalse(String(reflecting: full).contains("p4ss"))
    }

    func testEachSettingsProblemSaysWhatToFix() {
        func problem(_ extra: [String: String]) -> SMTPSettings.Problem? {
            var env = ["SAFEGUARD_SMTP_HOST": "smtp.example.org", "SAFEGUARD_SMTP_FROM": from]
            env.merge(extra) { $1 }
            do {
                _ = try SMTPSettings.fromEnvironment(env.filter { !$0.value.isEmpty })
                return nil
            } catch {
                XCTAssertFalse(error.description.contains("hunter2"), error.description)
                return error
            }
        }
        XCTAssertEqual(
            problem(["SAFEGUARD_SMTP_PORT": "abc"])?.description,
            "SAFEGUARD_SMTP_PORT must be a number from 1 to 65535, not \"abc\".")
        XCTAssertEqual(problem(["SAFEGUARD_SMTP_PORT": "0"]), .invalidPort("0"))
        XCTAssertEqual(problem(["SAFEGUARD_SMTP_PORT": "65536"]), .invalidPort("65536"))
        XCTAssertEqual(
            problem(["SAFEGUARD_SMTP_FROM": ""])?.description,
            "SAFEGUARD_SMTP_FROM must be set to the address mail is sent from when SAFEGUARD_SMTP_HOST is set.")
        XCTAssertEqual(problem(["SAFEGUARD_SMTP_USERNAME": "alice"]), .usernameWithoutPassword)
        XCTAssertEqual(problem(["SAFEGUARD_SMTP_PASSWORD": "hunter2"]), .passwordWithoutUsername)
        XCTAssertTrue(
            problem(["SAFEGUARD_SMTP_USERNAME": "alice"])?.description.contains("SAFEGUARD_SMTP_PASSWORD is not")
                ?? false)

        let security = problem(["SAFEGUARD_SMTP_SECURITY": "ssl"])
        XCTAssertEqual(security, .unknownSecurity("ssl"))
        XCTAssertTrue(
            security?.description.contains("must be one of none, starttls, tls, not \"ssl\"") ?? false,
            "\(String(describing: security))")

        let named = problem(["SAFEGUARD_SMTP_FROM": "Safeguard <safeguard@example.org>"])
        guard case .invalidFrom("Safeguard <safeguard@example.org>", _)? = named else {
            return XCTFail("\(String(describing: named))")
        }
        XCTAssertTrue(named?.description.hasPrefix("SAFEGUARD_SMTP_FROM must be a plain e-mail address") ?? false)
        guard case .invalidFrom(_, let reason)? = problem(["SAFEGUARD_SMTP_FROM": "safeguard.example.org"]) else {
            return XCTFail()
        }
        XCTAssertEqual(reason, "it has no \"@\"")
        XCTAssertEqual(
            problem(["SAFEGUARD_SMTP_HOST": "smtp://mail.example.org"]), .invalidHost("smtp://mail.example.org"))
        XCTAssertNil(problem(["SAFEGUARD_SMTP_USERNAME": "alice", "SAFEGUARD_SMTP_PASSWORD": "hunter2"]))
    }

    // MARK: Helpers

    private func withServer(
        _ configuration: TestMailServer.Configuration = .init(),
        _ body: (TestMailServer) async throws -> Void
    ) async throws {
        let server = TestMailServer(configuration: configuration)
        try await server.start()
        do {
            try await body(server)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    private func settings(_ server: TestMailServer, username: String? = nil, password: String? = nil) -> SMTPSettings {
        SMTPSettings(
            host: "127.0.0.1", port: server.port, security: .none, username: username, password: password,
            from: from, timeoutSeconds: 5)
    }

    private func mailer(_ server: TestMailServer, username: String? = nil, password: String? = nil) -> SMTPMailer {
        SMTPMailer(
            settings: settings(server, username: username, password: password),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
    }

    /// Sends in a child task and cancels it after `deadline`; returns what `send` threw, nil if it succeeded.
    private static func firstError(of mailer: SMTPMailer, orCancelAfter deadline: Duration) async -> SMTPError? {
        await withTaskGroup(of: SMTPError??.self) { group in
            group.addTask {
                do throws(SMTPError) {
                    try await mailer.send(MailMessage(to: "alex@example.org", subject: "Hi", body: "Hi"))
                    return .some(nil)
                } catch {
                    return .some(error)
                }
            }
            group.addTask {
                try? await Task.sleep(for: deadline)
                return .none
            }
            while let result = await group.next() {
                if case .some(let outcome) = result {
                    group.cancelAll()
                    return outcome
                }
                group.cancelAll()
            }
            return nil
        }
    }

    /// The error `send` throws, or nil (and a test failure) when it succeeds.
    private func sendError(
        _ mailer: SMTPMailer,
        _ message: MailMessage = MailMessage(to: "alex@example.org", subject: "Hi", body: "Hi"),
        file: StaticString = #filePath, line: UInt = #line
    ) async -> SMTPError? {
        do {
            try await mailer.send(message)
            XCTFail("send should have failed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }
}
