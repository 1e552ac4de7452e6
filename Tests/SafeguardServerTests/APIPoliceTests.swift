import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Police systems send incidents and fetch markers; they learn whether an address is marked and
/// whom to call, nothing about the plan.
final class APIPoliceTests: ServerTestCase {
    func startPlan(for child: UUID) async throws -> UUID {
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(
            .personProtection(child),
            [
                ("kind", "child-protection-plan"), ("categories[]", "neglect"), ("start-day", "1"),
                ("start-month", "3"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "1"), ("conference-month", "3"),
                ("conference-year", "2026"),
            ])
        return try recordID(in: XCTUnwrap(res.location, res.text))
    }

    func send(_ json: String, token: String) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        return try await app.sendRequest(
            .POST, SiteURL.api(.incidents).path, headers: h, body: ByteBuffer(string: json))
    }

    func get(_ path: String, token: String) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        return try await app.sendRequest(.GET, path, headers: h)
    }

    func incident(_ reference: String, _ address: String, postcode: String? = nil) -> String {
        """
        {"reference": "\(reference)", "occurredAt": "2026-03-02T08:40:00Z", "type": "Domestic",
         "address": "\(address)"\(postcode.map { ", \"postcode\": \"\($0)\"" } ?? ""), "summary": "Neighbours report shouting; officers attended."}
        """
    }

    func testAMessyAddressAtAMarkedHomeIsToldThereIsAMarkerAndNothingMore() async throws {
        // Kayla and, say, a sibling on plans at the same home: still one marked address.
        _ = try await startPlan(for: fx.kayla)
        let token = try await APITests.issue(
            in: self, agency: fx.police, permissions: ["incidents:write", "markers:read"])
        let res = try await send(incident("NM-2026-0301", "14 mill ln, calder vale"), token: token)
        XCTAssertEqual(res.status, .created, res.text)
        let answer = try JSONDecoder().decode(APIPoliceController.IncidentAnswerDTO.self, from: Data(res.text.utf8))
        XCTAssertEqual(answer.safeguardingMarker, "yes")
        XCTAssertNotNil(answer.contact)
        XCTAssertFalse(
            res.text.contains("Kayla") || res.text.contains("neglect") || res.text.contains("Neglect"),
            "never the plan's details")
        let stored = try await PoliceIncident.query(on: app.db).all()
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(stored[0].$matchedAddress.id, fx.address)

        let again = try await send(incident("NM-2026-0301", "14 mill ln, calder vale"), token: token)
        XCTAssertEqual(again.status, .ok, "the same reference again changes nothing")
        assertEqual(try await PoliceIncident.query(on: app.db).count(), 1)

        let elsewhere = try await send(
            incident("NM-2026-0302", "3 Canal Street, Calder Vale", postcode: "NM4 7XY"), token: token)
        XCTAssertEqual(elsewhere.status, .created)
        XCTAssertTrue(elsewhere.text.contains("\"safeguardingMarker\":\"no\""))
        XCTAssertFalse(elsewhere.text.contains("contact"))
        assertTrue(
            try await auditEntries().contains {
                $0.recordType == "police-incident" && $0.userID.hasPrefix("api-token:")
            })
    }

    func testPoliceFetchTheCurrentMarkersAsJSONAndCSV() async throws {
        let plan = try await startPlan(for: fx.kayla)
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: ["markers:read"])
        let list = try await get(SiteURL.api(.markers).path, token: token)
        XCTAssertEqual(list.status, .ok)
        XCTAssertTrue(list.text.contains("14 Mill Lane"))
        XCTAssertFalse(list.text.contains("Kayla"), "addresses only")
        let csv = try await get(SiteURL.api(.markersCSV).path, token: token)
        XCTAssertEqual(csv.headers.contentType?.subType, "csv")
        XCTAssertTrue(csv.text.hasPrefix("marker_id,line1,line2,town,postcode,uprn,since,contact\n"))
        XCTAssertTrue(csv.text.contains("14 Mill Lane,,Calder Vale,NM4 2AB"))

        // The plan ends: the marker goes, and an incident there is no longer flagged.
        let sw = try await signedIn(fx[.socialWorker])
        _ = try await sw.post(
            .protectionEnd(plan),
            [("end-day", "2"), ("end-month", "3"), ("end-year", "2026"), ("end-reason", "Plan ended at review")])
        assertTrue(try await get(SiteURL.api(.markers).path, token: token).text.contains("\"markers\":[]"))
        let writer = try await APITests.issue(in: self, agency: fx.police, permissions: ["incidents:write"])
        assertTrue(
            try await send(incident("NM-2026-0303", "14 Mill Lane, Calder Vale", postcode: "NM4 2AB"), token: writer)
                .text
                .contains("\"safeguardingMarker\":\"no\""))
    }

    func testOnlyPoliceSendIncidentsAndBadOnesAreExplained() async throws {
        let school = try await APITests.issue(
            in: self, agency: fx.school, permissions: ["incidents:write", "markers:read"])
        assertEqual(try await send(incident("X-1", "14 Mill Lane"), token: school).status, .forbidden)
        assertEqual(try await get(SiteURL.api(.markers).path, token: school).status, .forbidden)
        let police = try await APITests.issue(in: self, agency: fx.police, permissions: ["incidents:write"])
        assertEqual(
            try await get(SiteURL.api(.markers).path, token: police).status, .forbidden,
            "markers:read is a separate permission")
        let bad = try await send(
            #"{"reference": "", "occurredAt": "yesterday", "type": "", "address": "x", "summary": ""}"#, token: police)
        XCTAssertEqual(bad.status, .unprocessableEntity)
        let problem = try JSONDecoder().decode(Problem.self, from: Data(bad.text.utf8))
        XCTAssertEqual(
            Set(problem.errors?.map(\.field) ?? []), ["reference", "occurredAt", "type", "address", "summary"])
        assertEqual(try await PoliceIncident.query(on: app.db).count(), 0)
    }
}
