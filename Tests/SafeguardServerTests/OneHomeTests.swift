import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// One address per home (issue 15, item 4): typing a recorded home again reuses it, an unsure match is
/// asked about, and copies already recorded can be merged, so the police get one marker per door.
final class OneHomeTests: ServerTestCase {
    func address(_ line1: String, postcode: String = "NM4 2AB") -> [(String, String)] {
        [("address-line1", line1), ("address-town", "Calder Vale"), ("address-postcode", postcode)]
    }

    func personFields(_ first: String, _ address: [(String, String)]) -> [(String, String)] {
        [
            ("first-name", first), ("last-name", "Smith"), ("unborn", "no"), ("dob-day", "3"), ("dob-month", "4"),
            ("dob-year", "2020"),
            ("gender", "female"), ("ethnicity", "Not known"), ("language", "English"),
        ] + address
    }

    func testSomeoneAddedAtARecordedHomeJoinsThatHousehold() async throws {
        let mash = try await signedIn(fx[.mashPractitioner])
        let created = try await mash.post(.people, personFields("Lily", address("14 mill ln")))
        let lily = try XCTUnwrap(
            created.location.flatMap {
                UUID(uuidString: String($0.split(separator: SiteURL.home.path).last!.split(separator: "?").first!))
            }, created.text)
        assertEqual(try await Address.query(on: app.db).count(), 1, "no second row for 14 Mill Lane")
        let home = try await Residence.query(on: app.db).filter(\.$person.$id == lily).first()
        XCTAssertEqual(home?.$address.id, fx.address)
        assertTrue(try await mash.get(.person(fx.kayla)).text.contains("Lily Smith"), "Kayla's household shows Lily")

        // Moving someone to a recorded home files them there too, and says so.
        let other = try await mash.post(.people, personFields("Mia", address("2 Station Road", postcode: "NM4 9ZZ")))
        let mia = try recordID(in: other.location)
        let moved = try await mash.post(.personAddresses(mia), address("14 Mill Lane"))
        XCTAssertEqual(moved.location, SiteURL.person(mia).done("address-shared"))
        assertEqual(try await Address.query(on: app.db).count(), 2)
        // Already living there: nothing to add.
        let again = try await mash.post(.personAddresses(mia), address("14 Mill Lane"))
        XCTAssertEqual(again.status, .unprocessableEntity)
        XCTAssertTrue(again.text.contains("Mia already lives at this address"))
    }

    func testAnUnsureMatchIsAskedAndNeverAnsweredForTheUser() async throws {
        // Two copies of one home already: the matcher cannot choose between them, so the user does.
        let copy = Address(
            line1: "14 Mill Ln", line2: nil, town: "Calder Vale", districtID: fx.district, postcode: "NM4 2AB",
            uprn: nil)
        try await copy.create(on: app.db)
        let mash = try await signedIn(fx[.mashPractitioner])
        let asked = try await mash.post(
            .personAddresses(fx.kayla),
            address("14 Mill Lane") + [("from-day", "1"), ("from-month", "1"), ("from-year", "2026")])
        XCTAssertEqual(asked.status, .ok)
        XCTAssertTrue(asked.text.contains("Is this one of these homes?"))
        XCTAssertFalse(asked.text.contains("checked"), "no home is chosen for the user")
        assertEqual(try await Address.query(on: app.db).count(), 2, "nothing stored before the answer")

        let unanswered = try await mash.post(
            .personAddresses(fx.kayla), address("14 Mill Lane") + [("home-asked", "yes")])
        XCTAssertEqual(unanswered.status, .unprocessableEntity)
        XCTAssertTrue(unanswered.text.contains("Select the home this is, or that it is a different address"))
        // An id that was not offered is not taken.
        let elsewhere = Address(
            line1: "1 Other Road", line2: nil, town: "Calder Vale", districtID: fx.district, postcode: "NM9 9AA",
            uprn: nil)
        try await elsewhere.create(on: app.db)
        let forged = try await mash.post(
            .personAddresses(fx.shannon),
            address("14 Mill Lane") + [("home-asked", "yes"), ("home", elsewhere.id!.uuidString)])
        XCTAssertEqual(forged.status, .unprocessableEntity)

        let different = try await mash.post(
            .personAddresses(fx.shannon), address("14 Mill Lane") + [("home-asked", "yes"), ("home", "new")])
        XCTAssertEqual(different.location, SiteURL.person(fx.shannon).done("address"))
        assertEqual(try await Address.query(on: app.db).count(), 4)
    }

    func testCopiesOfOneHomeMergeIntoOneMarkerForThePolice() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let plan = try await sw.post(
            .personProtection(fx.kayla),
            [
                ("kind", "child-protection-plan"), ("categories[]", "neglect"), ("start-day", "1"),
                ("start-month", "3"), ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "1"), ("conference-month", "3"),
                ("conference-year", "2026"),
            ])
        XCTAssertNotNil(plan.location, plan.text)
        // The state the issue found: Dean recorded at a second copy of the home, and marked there too.
        let copy = Address(
            line1: "14 Mill Ln", line2: nil, town: "Calder Vale", districtID: fx.district, postcode: "nm4 2ab",
            uprn: nil)
        copy.postcode = "NM4 2AB"
        try await copy.create(on: app.db)
        let dean = try await Residence.query(on: app.db).filter(\.$person.$id == fx.dean).first()!
        dean.$address.id = copy.id!
        try await dean.update(on: app.db)
        let record = try await ProtectionRecord.query(on: app.db).first()!
        try await PlaceOfInterestMarker(
            addressID: copy.id!, protectionID: record.id!, reason: "home of Dean Walker", startedAt: Date()
        ).create(on: app.db)
        let token = try await APITests.issue(in: self, agency: fx.police, permissions: ["markers:read"])
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        func markerCount() async throws -> Int {
            try await app.sendRequest(.GET, SiteURL.api(.markers).path, headers: h).text.components(
                separatedBy: "\"markerID\""
            ).count - 1
        }
        assertEqual(try await markerCount(), 2, "two rows, two markers: the defect")

        // Only the MASH resolves which rows are one home.
        assertEqual(try await sw.get(.duplicateHomes).status, .forbidden)
        assertEqual(try await sw.get(.homeMerge(fx.address)).status, .forbidden)
        assertEqual(try await browser().get(.homeMerge(fx.address)).status, .seeOther)
        assertEqual(
            try await sw.post(
                .homeMerge(copy.id!), [("keep", fx.address.uuidString), ("reason", "Same house, spelt two ways")]
            ).status, .forbidden)
        assertEqual(try await signedIn(fx[.partnershipAdmin]).get(.duplicateHomes).status, .forbidden)
        assertEqual(try await browser().get(.duplicateHomes).status, .seeOther)

        let manager = try await signedIn(fx[.mashManager])
        let list = try await manager.get(.duplicateHomes)
        XCTAssertTrue(list.text.contains("14 Mill Ln") && list.text.contains("14 Mill Lane"))
        XCTAssertTrue(list.text.contains(SiteURL.homeMerge(fx.address).path))
        let page = try await manager.get(.homeMerge(fx.address))
        XCTAssertTrue(page.text.contains("Dean Walker") && page.text.contains("Kayla Smith"))
        XCTAssertFalse(page.text.contains("checked"), "the copy to keep is the user's choice")
        let empty = try await manager.post(.homeMerge(fx.address), [])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.text.contains("Select the address to keep") && empty.text.contains("Say how you know"))
        assertEqual(
            try await Residence.query(on: app.db).filter(\.$address.$id == copy.id!).count(), 1, "nothing half-done")

        let merged = try await manager.post(
            .homeMerge(fx.address),
            [("keep", fx.address.uuidString), ("reason", "Same house, spelt two ways on the referral")])
        XCTAssertEqual(merged.location, SiteURL.duplicateHomes.done("merged"))
        assertEqual(try await Residence.query(on: app.db).filter(\.$address.$id == copy.id!).count(), 0)
        assertEqual(try await markerCount(), 1, "one marker per home")
        let ended = try await PlaceOfInterestMarker.query(on: app.db).filter(\.$endedAt != nil).all()
        XCTAssertEqual(ended.count, 1)
        XCTAssertEqual(ended.first?.$address.id, fx.address, "history moves to the home kept")
        let stored = try await Address.find(copy.id!, on: app.db)
        XCTAssertEqual(stored?.$mergedInto.id, fx.address)
        assertTrue(try await manager.get(.duplicateHomes).text.contains("No duplicate addresses were found"))
        assertTrue(
            try await auditEntries().contains {
                $0.recordType == "address" && $0.recordID == copy.id!.uuidString && $0.reason.contains("merged into")
            })
        // The merged copy is never offered again.
        let lookup = try await KnownHomes.lookup(
            KnownHome(id: "", line1: "14 Mill Ln", line2: nil, town: "Calder Vale", postcode: "NM4 2AB", uprn: nil),
            on: app.db)
        guard case .same(let home, _) = lookup else { return XCTFail("\(lookup)") }
        XCTAssertEqual(home.id, fx.address.uuidString)
    }
}
