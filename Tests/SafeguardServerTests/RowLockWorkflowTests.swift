import Fluent
import Vapor
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// More presses at the same moment (see `RowLockTests`): a referral sent, a plan ended, and two administrators each
/// disabling the other.
extension RowLockTests {
    func testAReferralSentThreeTimesAtOnceIsSentOnceWithOneReference() async throws {
        let (school, id) = try await refer(submit: false)
        var posts: [Post] = []
        for _ in 0..<3 { posts.append(try await post(school, SiteURL.referralSubmit(id).path, [])) }
        let statuses = try await together(posts)
        XCTAssertEqual(statuses, [303, 303, 303], "every press ends on the confirmation")
        let sent = try await auditEntries().filter {
            $0.action == "create" && $0.recordType == "referral" && $0.recordID == id.uuidString
        }
        XCTAssertEqual(sent.count, 1, "sent once")
        let stored = try await Referral.find(id, on: app.db)
        let referral = try XCTUnwrap(stored)
        XCTAssertEqual(
            referral.reference, YearlyReference.mashReferral.make(year: SimpleDate(clock.now).year, number: 1),
            "the first reference of the year, not a later one taken by a repeat press")
        let page = try await school.get(.referralSent(id))
        XCTAssertTrue(page.text.contains(referral.reference), "the confirmation shows the reference that stands")

        // A step saved after sending (a second tab) is refused and says why, rather than changing what the MASH has
        // or dropping the typed change without a word.
        let late = try await school.post(
            .referralStep(id, .address),
            [
                ("address-line1", "1 Other Street"), ("address-town", "Calder Vale"),
                ("address-postcode", "nm42ab"),
            ])
        XCTAssertEqual(late.status, .conflict)
        XCTAssertTrue(late.text.contains("This referral has already been sent"), late.text)
        let opened = try await school.get(.referralStep(id, .address))
        XCTAssertEqual(opened.location, SiteURL.referralSent(id).path, "opening a step leads to the confirmation")
        let after = try await Referral.find(id, on: app.db)
        XCTAssertEqual(after?.addressLine1, "14 Mill Lane")
    }

    func testAPlanEndedThreeTimesAtOnceEndsOnce() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let started = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "child-protection-plan"), ("start-day", "1"), ("start-month", "3"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("strategy-day", "9"), ("strategy-month", "2"),
                ("strategy-year", "2026"),
                ("conference-day", "1"), ("conference-month", "3"), ("conference-year", "2026"),
                ("categories[]", "neglect"),
            ])
        XCTAssertEqual(started.status, .seeOther, started.text)
        let found = try await ProtectionRecord.query(on: app.db).filter(\.$person.$id == fx.kayla).first()
        let plan = try XCTUnwrap(found).requireID()
        let today = SimpleDate(clock.now)
        var posts: [Post] = []
        for reason in [
            "Plan ended at review conference", "Ended at the review conference", "Review conference ended the plan",
        ] {
            posts.append(
                try await post(
                    sw, SiteURL.protectionEnd(plan).path,
                    [
                        ("end-day", String(today.day)), ("end-month", String(today.month)),
                        ("end-year", String(today.year)), ("end-reason", reason),
                    ]))
        }
        let statuses = try await together(posts)
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "\(statuses)")
        let endings = try await ChronologyEntry.query(on: app.db).filter(\.$person.$id == fx.kayla).filter(
            \.$category == "Child protection"
        ).all()
            .filter { $0.summary.contains("ended") }
        XCTAssertEqual(endings.count, 1, "one ending on the chronology: \(endings.map(\.summary))")
        let stored = try await ProtectionRecord.find(plan, on: app.db)
        XCTAssertTrue(
            endings.first?.summary.hasSuffix(stored?.endReason ?? "?") == true,
            "the reason kept is the one on the chronology")
    }

    func testTwoAdministratorsDisablingEachOtherAtOnceLeaveOneActive() async throws {
        let second = User(
            email: "second.admin@test.example", displayName: "Second Administrator", role: .partnershipAdmin,
            agencyID: fx.socialCare, passwordHash: try Bcrypt.hash(Fixtures.password, cost: 4))
        try await second.create(on: app.db)
        let secondAccount = Fixtures.Account(
            id: try second.requireID(), email: second.email, role: .partnershipAdmin, agencyID: fx.socialCare)
        let first = fx[.partnershipAdmin]
        func disabling(_ admin: Fixtures.Account, by browser: Browser) async throws -> Post {
            try await post(
                browser, SiteURL.adminUser(admin.id).path,
                [
                    ("display-name", "Disabled Administrator"), ("role", "partnership-admin"),
                    ("agency", fx.socialCare.uuidString), ("active", "no"), ("password", ""),
                ])
        }
        let one = try await disabling(secondAccount, by: try await signedIn(first))
        let other = try await disabling(first, by: try await signedIn(secondAccount))
        let statuses = try await together([one, other])
        XCTAssertEqual(statuses.filter { $0 >= 500 }.count, 0, "\(statuses)")
        let active = try await User.query(on: app.db).filter(\.$id ~~ [first.id, secondAccount.id]).filter(
            \.$active == true
        ).count()
        XCTAssertEqual(active, 1, "one administrator is disabled and the other is not: \(statuses)")
    }
}
