import Fluent
import Foundation
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

extension ServerTestCase {
    /// Walks the referral form as the school's designated safeguarding lead; returns the referral id.
    func refer(
        as account: Fixtures.Account? = nil, child: (String, String, String) = ("Kayla", "Smyth", "2018-06-14"),
        submit: Bool = true
    ) async throws -> (Browser, UUID) {
        let b = try await signedIn(account ?? fx[.schoolDesignatedSafeguardingLead])
        let start = try await b.post(.referralNew, [])
        let people = try XCTUnwrap(start.location)
        let id = try XCTUnwrap(UUID(uuidString: String(people.split(separator: "/")[1])))
        let dob = SimpleDate(iso: child.2)!
        var res = try await b.post(
            people,
            [
                ("action", "continue"), ("subject-first-name", child.0), ("subject-last-name", child.1),
                ("subject-dob-day", String(dob.day)), ("subject-dob-month", String(dob.month)),
                ("subject-dob-year", String(dob.year)), ("subject-gender", "female"), ("subject-nhs-number", ""),
            ])
        XCTAssertEqual(res.location, SiteURL.referralStep(id, .address).path)
        res = try await b.post(
            .referralStep(id, .address),
            [("address-line1", "14 Mill Lane"), ("address-town", "Calder Vale"), ("address-postcode", "nm42ab")])
        XCTAssertEqual(res.location, SiteURL.referralStep(id, .concerns).path)
        res = try await b.post(
            .referralStep(id, .concerns),
            [
                ("concerns[]", "neglect"), ("concerns[]", "domestic-abuse"),
                (
                    "what-happened",
                    "Kayla arrived hungry for the third day running and said mum's partner shouts at night."
                ),
            ])
        XCTAssertEqual(res.location, SiteURL.referralStep(id, .sharing).path)
        res = try await b.post(
            .referralStep(id, .sharing),
            [("family-awareness", "not-told-would-increase-risk"), ("lawful-basis", "public-task")])
        XCTAssertEqual(res.location, SiteURL.referralStep(id, .contact).path)
        res = try await b.post(
            .referralStep(id, .contact), [("urgency", "today"), ("referrer-phone", "01632 960 001")])
        XCTAssertEqual(res.location, SiteURL.referralCheck(id).path)
        let check = try await b.get(.referralCheck(id))
        XCTAssertTrue(check.text.contains("Neglect, Domestic abuse"))
        guard submit else { return (b, id) }
        res = try await b.post(.referralSubmit(id), [])
        XCTAssertEqual(res.location, SiteURL.referralSent(id).path)
        return (b, id)
    }

    /// Links every subject of a referral to Kayla, as the MASH practitioner would.
    func linkSubjects(_ id: UUID) async throws {
        let mash = try await signedIn(fx[.mashPractitioner])
        for s in try await ReferralSubject.query(on: app.db).filter(\.$referral.$id == id).all() {
            _ = try await mash.post(.referralLink(id, s.id!), [("person", fx.kayla.uuidString)])
        }
    }
}
