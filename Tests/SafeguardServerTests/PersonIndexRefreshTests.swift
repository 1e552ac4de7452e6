import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 17, item 3 (in part): the person index is updated person by person after an edit, never rebuilt.
final class PersonIndexRefreshTests: ServerTestCase {
    func testAnEditedPersonIsFoundByTheirNewNameInTheSameIndex() async throws {
        let holder = app.safeguard.personIndex
        let index = try await holder.index(on: app.db)
        let size = index.count
        let query = PersonRecordForMatching(
            id: "q", firstName: "Blessing", lastName: "Okonkwo", dateOfBirth: SimpleDate(iso: "2018-06-14"))
        func kaylasScore(_ index: PersonIndex) -> Double? {
            PersonMatcher(index: index).candidates(for: query).first { $0.id == fx.kayla.uuidString }?.score
        }
        let before = kaylasScore(index) ?? -100

        let kayla = try await Person.find(fx.kayla, on: app.db)!
        kayla.firstName = "Blessing"
        kayla.firstNameKey = Person.key("Blessing")
        kayla.lastName = "Okonkwo"
        kayla.lastNameKey = Person.key("Okonkwo")
        try await kayla.save(on: app.db)
        try await holder.refresh([fx.kayla], on: app.db)
        let after = try await holder.index(on: app.db)
        XCTAssertTrue(after === index, "updated in place, not rebuilt")
        XCTAssertEqual(after.count, size)
        XCTAssertEqual(PersonMatcher(index: after).candidates(for: query).first?.id, fx.kayla.uuidString)
        XCTAssertGreaterThan(kaylasScore(after) ?? -100, before + 10, "the new names now agree")

        // Merged into another record: withdrawn.
        kayla.$mergedInto.id = fx.shannon
        try await kayla.save(on: app.db)
        try await holder.refresh([fx.kayla], on: app.db)
        XCTAssertEqual(after.count, size - 1)
        XCTAssertFalse(PersonMatcher(index: after).candidates(for: query).contains { $0.id == fx.kayla.uuidString })
    }

    func testAPersonCreatedOnTheFormIsMatchedWithoutARebuild() async throws {
        let index = try await app.safeguard.personIndex.index(on: app.db)
        let size = index.count
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(
            .people,
            [
                ("first-name", "Zofia"), ("middle-names", ""), ("last-name", "Wiśniewska"), ("unborn", "no"),
                ("dob-day", "3"), ("dob-month", "4"), ("dob-year", "2019"), ("gender", "female"),
                ("ethnicity", "Not known"),
                ("nhs-number", ""), ("language", "Polish"), ("disability", ""), ("address-line1", "9 Mill Lane"),
                ("address-line2", ""), ("address-town", "Calder Vale"), ("address-postcode", "nm4 2ab"),
            ])
        XCTAssertEqual(res.status, .seeOther, res.text)
        let after = try await app.safeguard.personIndex.index(on: app.db)
        XCTAssertTrue(after === index)
        XCTAssertEqual(after.count, size + 1)
        let query = PersonRecordForMatching(
            id: "q", firstName: "Zofia", lastName: "Wisniewska", dateOfBirth: SimpleDate(iso: "2019-04-03"))
        let created = try await Person.query(on: app.db).filter(\.$firstName == "Zofia").first()!.id!
        XCTAssertEqual(PersonMatcher(index: after).candidates(for: query).first?.id, created.uuidString)
    }
}
