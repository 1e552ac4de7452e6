import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Impossible times are refused, not moved to another day, in the API and the import alike; and
/// implausible event dates are refused with a message that says what to fix.
final class ImpossibleDataTests: ServerTestCase {
    func sendIncident(occurredAt: String, reference: String) async throws -> XCTHTTPResponse {
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: ["incidents:write"])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        return try await app.sendRequest(
            .POST, SiteURL.api(.incidents).path, headers: h,
            body: ByteBuffer(
                string: """
                    {"reference": "\(reference)", "occurredAt": "\(occurredAt)", "type": "Domestic", "address": "3 Canal St, Calder Vale", "summary": "Noise"}
                    """))
    }

    func testTheAPIRefusesImpossibleTimes() async throws {
        for (i, text) in [
            "2026-02-31T10:00:00Z", "2026-02-28T24:00:00Z", "2026-02-28T10:00:00+25:00", "1899-12-31T10:00:00Z",
        ].enumerated() {
            let res = try await sendIncident(occurredAt: text, reference: "NM-BAD-\(i)")
            XCTAssertEqual(res.status, .unprocessableEntity, text)
            XCTAssertTrue(res.text.contains("occurredAt"), text)
        }
        assertEqual(try await PoliceIncident.query(on: app.db).count(), 0)
        let good = try await sendIncident(occurredAt: "2026-02-28T23:10:00+01:00", reference: "NM-GOOD")
        XCTAssertEqual(good.status, .created, good.text)
        let stored = try await PoliceIncident.query(on: app.db).first()
        XCTAssertEqual(
            stored?.occurredAt.timeIntervalSince1970, ISOTimestamp.parse("2026-02-28T22:10:00Z")?.timeIntervalSince1970)
    }

    func testTheImportRefusesImpossibleTimesAndLoadsNothing() async throws {
        let batch =
            "reference,occurred_at,type,address,postcode,summary\nNM-1,2026-02-27T22:10:00Z,Domestic,14 Mill Lane,,Fine\nNM-2,2026-02-31T01:00:00Z,Domestic,14 Mill Lane,,Impossible day\n"
        do {
            _ = try await IncidentImport.run(
                csv: batch, fileName: "incidents.csv", force: "Northmere Constabulary", on: app)
            XCTFail("an impossible time must stop the batch")
        } catch let problem as ImportProblem {
            XCTAssertTrue(problem.description.contains("row 3, occurredAt"), problem.description)
        }
        assertEqual(try await PoliceIncident.query(on: app.db).count(), 0)
    }

    func testAMissingEpisodeCannotStartBeforeTheChildWasBorn() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let fields = [
            ("kind", "missing-from-home"), ("started-day", "1"), ("started-month", "1"), ("started-year", "1900"),
            ("started-time", "10:00"),
        ]
        let res = try await sw.post(.personMissing(fx.kayla), fields)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.text.contains("The time last seen must be after 1906"))
        let beforeBirth = try await sw.post(
            .personMissing(fx.kayla),
            [
                ("kind", "missing-from-home"), ("started-day", "1"), ("started-month", "6"),
                ("started-year", "2018"), ("started-time", "10:00"),
            ])
        XCTAssertEqual(beforeBirth.status, .unprocessableEntity)
        XCTAssertTrue(beforeBirth.text.contains("cannot be before the date of birth, 14 June 2018"))
        assertEqual(try await MissingEpisodeRecord.query(on: app.db).count(), 0)
    }
}
