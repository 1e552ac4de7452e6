import Fluent
import SQLKit
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// A NUL or a bidirectional override typed anywhere never reaches storage or the audit trail,
/// and `audit verify` reports every break it finds, not only the first.
final class TypedInputTests: ServerTestCase {
    func testANulSearchLeavesTheAuditTrailIntact() async throws {
        let mash = try await signedIn(fx[.mashPractitioner])
        for q in ["\u{0}", "Kay\u{0}la", "\u{202E}Smith"] { _ = try await mash.search(q) }
        let token = try await APITests.issue(in: self, agency: fx.socialCare, permissions: ["people:read"])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        // Typed as a partner system might send it: the NUL percent-encoded by hand.
        assertEqual(try await app.sendRequest(.GET, "/api/v1/people?q=%00", headers: h).status, .unprocessableEntity)
        let entries = try await auditEntries()
        XCTAssertFalse(
            entries.contains { ($0.reason + $0.recordID).unicodeScalars.contains { TypedText.isForbidden($0) } })
        assertEqual(try await AuditVerification.run(on: app.db).failures, [])
    }

    func testTheAuditTrailStoresWhatItHashedWhateverItIsGiven() async throws {
        try await app.safeguard.audit.record(
            AuditEvent(
                userID: "u\u{0}", agencyID: "a", action: .search, recordType: "person",
                recordID: "\u{202E}x", reason: "name=\u{0}", sourceAddress: "127.0.0.1"), on: app.db)
        try await app.safeguard.audit.seal(on: app.db)
        let last = try await AuditEntry.query(on: app.db).sort(\.$sequence, .descending).first()!
        XCTAssertEqual(last.reason, "name=")
        XCTAssertEqual(try XCTUnwrap(last.record).computedHash, last.hash)
        assertEqual(try await AuditVerification.run(on: app.db).failures, [])
    }

    func testVerifyReportsEveryBreakNotOnlyTheFirst() async throws {
        let b = try await signedIn(fx[.socialWorker])
        for _ in 0..<4 { _ = try await b.get(.person(fx.kayla)) }
        try await app.safeguard.audit.seal(on: app.db)
        let sql = app.db as! SQLDatabase
        try await sql.update("audit_entries").set("reason", to: "edited").where("sequence", .equal, 2).run()
        try await sql.update("audit_entries").set("user_id", to: "someone-else").where("sequence", .equal, 4).run()
        assertEqual(
            try await AuditVerification.run(on: app.db).failures, [.altered(sequence: 2), .altered(sequence: 4)])
    }

    func testNamesAndNotesLoseInvisibleCharactersAndNeedAVisibleOne() async throws {
        let mash = try await signedIn(fx[.mashPractitioner])
        let fields = [
            ("first-name", "\u{0}"), ("last-name", "\u{202E}"), ("dob-day", "1"), ("dob-month", "2"),
            ("dob-year", "2015"),
            ("gender", "female"), ("ethnicity", "Not known"),
        ]
        let refused = try await mash.post(.people, fields)
        XCTAssertEqual(refused.status, .unprocessableEntity)
        XCTAssertTrue(
            refused.text.contains("Enter the person&#39;s last name")
                || refused.text.contains("Enter the person's last name"), refused.text)
        let zeroWidth = try await mash.post(
            .people, [("first-name", "Amy"), ("last-name", "\u{200B}")] + fields.dropFirst(2))
        XCTAssertEqual(zeroWidth.status, .unprocessableEntity)
        let ok = try await mash.post(
            .people, [("first-name", "Am\u{202E}y"), ("last-name", "Fox\u{0}")] + fields.dropFirst(2))
        XCTAssertEqual(ok.status, .seeOther, ok.text)
        let amy = try await Person.query(on: app.db).filter(\.$lastName == "Fox").first()
        XCTAssertEqual(amy?.firstName, "Amy")

        let token = try await APITests.issue(
            in: self, agency: fx.hospital, permissions: ["people:read", "people:write"])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        let api = try await app.sendRequest(
            .POST, SiteURL.api(.people).path, headers: h,
            body: ByteBuffer(
                string:
                    #"{"firstName":"\u0000","lastName":"\u202e","dateOfBirth":"2015-02-01","gender":"female","ethnicity":"Not known"}"#
            ))
        XCTAssertEqual(api.status, .unprocessableEntity)
        XCTAssertTrue(api.text.contains("lastName"), api.text)
    }
}
