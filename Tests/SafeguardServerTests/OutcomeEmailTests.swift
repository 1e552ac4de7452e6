import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Closing the loop (issue 15, item 10): when the MASH's decision is signed off, the referrer is e-mailed
/// the outcome, naming the child and the date, as well as told in the platform.
final class OutcomeEmailTests: ServerTestCase {
    var mail: TestMailServer!

    override func tearDown() async throws {
        await mail?.shutdown()
        try await super.tearDown()
    }

    func testTheReferrerIsEmailedTheOutcome() async throws {
        mail = TestMailServer(configuration: TestMailServer.Configuration())
        try await mail.start()
        try await startApp(
            publicURL: "https://safeguard.example.org",
            smtp: SMTPSettings(
                host: "127.0.0.1", port: mail.port, security: .none, from: "mash@safeguard.example.org",
                timeoutSeconds: 5))
        let (_, id) = try await refer()
        try await linkSubjects(id)
        _ = try await signedIn(fx[.mashPractitioner]).post(
            .referralDecision(id),
            [
                ("level", "3"), ("outcome", "early-help"),
                ("rationale", "Emerging needs; the school and health visitor will lead early help."),
            ])
        _ = try await signedIn(fx[.mashManager]).post(.referralSignOff(id), [("sign-off", "approve"), ("note", "")])
        let sent = try await mail.waitForMessages(1)
        XCTAssertEqual(sent[0].recipients, [fx[.schoolDesignatedSafeguardingLead].email])
        XCTAssertEqual(sent[0].decodedHeader("Subject"), "Outcome of your referral MASH-2026-000001 about Kayla Smith")
        XCTAssertTrue(
            sent[0].decodedBody.contains(
                "On 2 March 2026 the MASH decided your referral MASH-2026-000001 about Kayla Smith: Early help."),
            sent[0].decodedBody)
        XCTAssertTrue(
            sent[0].decodedBody.contains("https://safeguard.example.org/referrals/\(id)/outcome"), sent[0].decodedBody)
    }
}
