import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 4: workflow states are stored as enums, and a stored value no version of Safeguard wrote is an
/// error, not quietly read as some other state (a referral's unknown status used to read as a draft, which hid it
/// from the MASH with a "not found").
final class StoredEnumTests: ServerTestCase {
    func testAnUnknownStoredStatusIsAnErrorNotADraft() async throws {
        let (_, id) = try await refer()
        let manager = try await signedIn(fx[.mashManager])
        assertEqual(try await manager.get(.referral(id)).status, .ok)
        try await (app.db as! SQLDatabase).raw("UPDATE referrals SET status = 'on-hold' WHERE id = \(bind: id)").run()
        let page = try await manager.get(.referral(id))
        XCTAssertEqual(
            page.status, .internalServerError, "an unreadable status is a fault to fix, not a missing referral")
        XCTAssertTrue(page.text.contains("tell the service desk reference"))
        do {
            _ = try await Referral.find(id, on: app.db)
            XCTFail("the row should not decode")
        } catch {
            XCTAssertEqual(ErrorPageMiddleware.unreadableColumn(error), "status", "the log names the column")
        }
    }

    func testTheStoredNamesAreTheOnesTheTablesHold() {
        // The stored names are the ones the table has always held: an upgrade reads old rows.
        XCTAssertEqual(IncidentReviewStatus.allCases.map(\.rawValue), ["unmatched", "new", "forwarded", "rejected"])
        XCTAssertEqual(IncidentRelevance.allCases.map(\.rawValue), ["relevant", "not-relevant"])
        XCTAssertEqual(
            ReferralStatus.allCases.map(\.rawValue), ["draft", "submitted", "gathering", "awaiting-sign-off", "closed"])
    }
}
