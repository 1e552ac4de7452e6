import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// A cuckooed home carries a marker that police incidents are matched against, like a Place of
/// Interest; the information management team forwards a confirmed incident to the home's lead.
final class CuckooingTests: ServerTestCase {
    func record(as user: Browser, about person: UUID, lead: UUID) async throws -> XCTHTTPResponse {
        try await user.post(
            .personCuckooing(person),
            [
                ("address", fx.address.uuidString), ("kinds[]", "drugs"), ("kinds[]", "financial"),
                ("confidence", "suspected"),
                ("summary", "Several young men come and go at night; Shannon says she owes them money."),
                ("lead", lead.uuidString),
            ])
    }

    func testAnIncidentAtACuckooedHomeReachesTheLead() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let empty = try await sw.post(.personCuckooing(fx.shannon), [("summary", "x")])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        for message in [
            "Select how the home is being used", "Say whether it is suspected or confirmed", "Choose who the police",
        ] {
            XCTAssertTrue(empty.text.contains(message), message)
        }
        let created = try await record(as: sw, about: fx.shannon, lead: fx[.socialWorker].id)
        let location = try XCTUnwrap(created.location, created.text)
        let home = try recordID(in: location)
        assertTrue(try await sw.get(location).text.contains("Financial abuse of the tenant"))
        assertEqual(
            try await record(as: sw, about: fx.shannon, lead: fx[.socialWorker].id).status, .unprocessableEntity,
            "one open marker per home")
        assertTrue(try await sw.get(.person(fx.shannon)).text.contains("Missing, exploitation and cuckooing"))

        // The police are told the address is marked, and nothing else; it is on their marker list.
        let token = try await APITests.issue(
            in: self, agency: fx.police, permissions: ["incidents:write", "markers:read"])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        h.contentType = .json
        let res = try await app.sendRequest(
            .POST, SiteURL.api(.incidents).path, headers: h,
            body: ByteBuffer(
                string: """
                    {"reference": "NM-CUCKOO-1", "occurredAt": "2026-03-02T01:10:00Z", "type": "Drugs", "address": "14 mill ln calder vale",
                     "summary": "Report of drug dealing from the flat."}
                    """))
        XCTAssertEqual(res.status, .created, res.text)
        XCTAssertTrue(res.text.contains("\"safeguardingMarker\":\"yes\""), res.text)
        XCTAssertFalse(res.text.contains("Shannon") || res.text.contains("cuckoo"), "never why")
        let markers = try await app.sendRequest(.GET, SiteURL.api(.markers).path, headers: h)
        XCTAssertTrue(markers.text.contains("14 Mill Lane"), markers.text)

        // The information management officer sees the cuckooed home and forwards; the lead is told.
        let imo = try await signedIn(fx[.informationManagementOfficer])
        let incident = try await PoliceIncident.query(on: app.db).first()!
        assertTrue(try await imo.get(.incidentAlert(incident.id!)).text.contains("Cuckooed home"))
        _ = try await imo.post(.incidentAlertForward(incident.id!), [])
        let notice = try await CuckooingNotice.query(on: app.db).first()
        XCTAssertNotNil(notice)
        assertTrue(
            try await sw.get(.myWork).text.contains("Police incident NM-CUCKOO-1 at the cuckooed home 14 Mill Lane"))
        assertNotNil(try await sw.post(.cuckooingNoticeSeen(notice!.id!), []).location)
        assertFalse(try await sw.get(.myWork).text.contains("NM-CUCKOO-1"))
        assertTrue(try await sw.get(.person(fx.shannon)).text.contains("forwarded to Test"), "on Shannon's chronology")

        // Ending the marker: the next incident there is not matched.
        let refused = try await sw.post(.cuckooedHomeEnd(home), [("end-reason", "")])
        XCTAssertEqual(refused.status, .unprocessableEntity)
        _ = try await sw.post(
            .cuckooedHomeEnd(home), [("end-reason", "Shannon moved to supported housing; landlord changed the locks")])
        let later = try await app.sendRequest(
            .POST, SiteURL.api(.incidents).path, headers: h,
            body: ByteBuffer(
                string: """
                    {"reference": "NM-CUCKOO-2", "occurredAt": "2026-03-02T02:10:00Z", "type": "Drugs", "address": "14 mill ln calder vale", "summary": "Again."}
                    """))
        XCTAssertTrue(later.text.contains("\"safeguardingMarker\":\"no\""), later.text)
    }

    func testOnlyInvolvedAgenciesRecordAndOnlySafeguardingLeadsRead() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let created = try await record(as: sw, about: fx.shannon, lead: fx[.socialWorker].id)
        let location = try XCTUnwrap(created.location)
        let police = try await signedIn(fx[.policeOfficer])
        assertEqual(
            try await record(as: police, about: fx.shannon, lead: fx[.policeOfficer].id).status, .forbidden,
            "police are not involved with Shannon")
        assertEqual(
            try await signedIn(fx[.informationManagementOfficer]).get(.personCuckooingNew(fx.shannon)).status,
            .forbidden)
        assertEqual(try await signedIn(fx[.trainer]).get(location).status, .forbidden)
        // The register applies the home page's own check: police public protection, not involved with
        // Shannon, sees her home only after breaking the glass, as the home's page requires.
        let ppp = try await signedIn(fx[.policePublicProtection])
        assertEqual(try await ppp.get(.cuckooing).status, .ok)
        assertFalse(try await ppp.get(.cuckooing).text.contains("14 Mill Lane"))
        assertEqual(try await ppp.get(location).location, SiteURL.personBreakGlass(fx.shannon).path)
        _ = try await ppp.post(.personBreakGlass(fx.shannon), [("reason", "Incident at the address tonight")])
        assertTrue(try await ppp.get(.cuckooing).text.contains("14 Mill Lane"))
        assertEqual(try await ppp.get(location).status, .ok)
        // The social worker's agency is involved: listed without breaking any glass.
        assertTrue(try await sw.get(.cuckooing).text.contains("14 Mill Lane"))
        assertEqual(try await browser().get(.cuckooing).location, SiteURL.signIn.path)
        // Someone else's notice cannot be marked read.
        assertEqual(try await police.post(.cuckooingNoticeSeen(UUID()), []).status, .notFound)
    }
}

extension CuckooingTests {
    func testOnlyTheRecordingSideEndsAMarker() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let created = try await record(as: sw, about: fx.shannon, lead: fx[.socialWorker].id)
        let home = try recordID(in: created.location)
        for user in [fx[.schoolDesignatedSafeguardingLead], fx[.policeOfficer], fx[.trainer]] {
            assertEqual(
                try await signedIn(user).post(.cuckooedHomeEnd(home), [("end-reason", "Moved away from the area")])
                    .status,
                .forbidden)
        }
        assertEqual(
            try await browser().post(.cuckooedHomeEnd(home), [("end-reason", "Moved away")]).location,
            SiteURL.signIn.path)
        assertNil(try await CuckooedHome.query(on: app.db).first()?.endedAt)
    }
}
