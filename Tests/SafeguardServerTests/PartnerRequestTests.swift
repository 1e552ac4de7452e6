import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Partners search their records for the right person (issue 15, item 6): once the MASH links a referral's
/// subject, the request shows the linked record, not the referrer's spelling.
final class PartnerRequestTests: ServerTestCase {
    func testAPartnerSeesTheLinkedPersonsDetailsAndHousehold() async throws {
        let kayla = try await Person.find(fx.kayla, on: app.db)!
        kayla.nhsNumber = "9434765919"
        try await kayla.save(on: app.db)
        let (_, id) = try await refer()
        let manager = try await signedIn(fx[.mashManager])
        _ = try await manager.post(.referralTriage(id), [("rag", "amber"), ("agencies[]", fx.police.uuidString)])
        let police = try await signedIn(fx[.policeOfficer])
        let request = try await InformationRequest.query(on: app.db).filter(\.$agency.$id == fx.police).first()!
        let before = try await police.get(.informationRequest(request.id!))
        XCTAssertTrue(before.text.contains("Kayla Smyth") && before.text.contains("Not yet matched to a record"))

        try await linkSubjects(id)
        let after = try await police.get(.informationRequest(request.id!))
        XCTAssertTrue(
            after.text.contains("<h2 class=\"sg-summary-card__title\">Kayla Smith</h2>"), "the record's spelling")
        XCTAssertTrue(after.text.contains("Referred as") && after.text.contains("Kayla Smyth, born 14 June 2018"))
        XCTAssertTrue(after.text.contains("943 476 5919"), "the NHS number from the record")
        XCTAssertTrue(after.text.contains("14 Mill Lane, Calder Vale, NM4 2AB"))
        XCTAssertTrue(
            after.text.contains("Shannon Smith, born 30 January 1996")
                && after.text.contains("Dean Walker, born 2 September 1990"),
            "the household, to search for too")
        XCTAssertFalse(after.text.contains("arrived hungry"), "still never the referral's story")
        assertEqual(
            try await signedIn(fx[.healthPractitioner]).get(.informationRequest(request.id!)).status, .forbidden)
    }

    func testTheTriageChoiceIsGroupedWithTheChildsAgenciesSuggestedNotTicked() async throws {
        let (_, id) = try await refer()
        try await linkSubjects(id)
        let manager = try await signedIn(fx[.mashManager])
        let page = try await manager.get(.referral(id)).text
        let suggested = try XCTUnwrap(page.range(of: "Already working with the people referred"))
        let police = try XCTUnwrap(page.range(of: "<h3 class=\"sg-heading-s sg-checkbox-group__title\">Police</h3>"))
        XCTAssertLessThan(suggested.lowerBound, police.lowerBound, "the child's agencies first")
        let suggestions = String(page[suggested.upperBound..<police.lowerBound])
        XCTAssertTrue(suggestions.contains("Northmere Children&#39;s Services"), "social care works with Kayla")
        XCTAssertFalse(suggestions.contains("checked"), "suggested, never ticked")
        XCTAssertTrue(page.contains("id=\"partner-filter\""), "a box to narrow the list")
        _ = try await manager.post(.referralTriage(id), [("rag", "amber"), ("agencies[]", fx.police.uuidString)])
        let after = try await manager.get(.referral(id)).text
        XCTAssertFalse(
            after.contains("value=\"\(fx.police.uuidString)\""), "an agency already asked is not offered again")
    }
}
