import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Merging duplicate records: everything moves to the record kept, the merge is audited, and
/// undoing it puts the duplicate back as it was.
final class PersonMergeTests: ServerTestCase {
    /// A second record of Kayla, made by the hospital: misspelt, with its own address, relatives and history.
    func makeDuplicate() async throws -> UUID {
        let db = app.db
        let p = Person()
        p.firstName = "Kayla"
        p.middleNames = ""
        p.lastName = "Smyth"
        p.firstNameKey = "kayla"
        p.lastNameKey = "smyth"
        p.dateOfBirth = "2018-06-14"
        p.gender = Gender.female.rawValue
        p.ethnicity = "Not known"
        p.language = "English"
        p.nhsNumber = "9434765919"
        try await p.create(on: db)
        let id = p.id!
        try await OtherName(personID: id, kind: .knownAs, name: "Kay").create(on: db)
        let old = Address(
            line1: "3 Canal Street", line2: nil, town: "Calder Vale", districtID: fx.district, postcode: "NM4 7XY",
            uprn: nil)
        try await old.create(on: db)
        try await Residence(personID: id, addressID: old.id!, from: "2019-01-01", to: "2021-12-31").create(on: db)
        try await Residence(personID: id, addressID: fx.address, from: "2022-01-01", to: nil).create(on: db)
        try await PersonRelationship(fromID: fx.shannon, toID: id, kind: RelationshipKind.mother.rawValue).create(
            on: db)
        try await PersonRelationship(fromID: fx.dean, toID: id, kind: RelationshipKind.father.rawValue).create(on: db)
        try await AgencyInvolvement(personID: id, agencyID: fx.hospital, startedOn: "2024-02-02").create(on: db)
        try await AgencyInvolvement(personID: id, agencyID: fx.school, startedOn: "2024-02-02").create(on: db)
        let check = ProtectionStatusCheck()
        check.$person.id = id
        check.$checkedBy.id = fx[.healthPractitioner].id
        check.$agency.id = fx.hospital
        check.setting = CareSetting.emergencyDepartment.rawValue
        check.checkedAt = Date(timeIntervalSince1970: 1_700_000_000)
        try await check.create(on: db)
        try await ChronologyEntry(
            personID: id, occurredAt: Date(timeIntervalSince1970: 1_700_000_000), agencyID: fx.hospital,
            category: "Record", summary: "Seen in the emergency department with a burn", recordedBy: nil
        ).create(on: db)
        return id
    }

    func mergeIntoKayla(_ dup: UUID) async throws -> Browser {
        let mash = try await signedIn(fx[.mashPractitioner])
        let res = try await mash.post(
            .personMerge(dup),
            [
                ("otherID", fx.kayla.uuidString), ("other", ""), ("keep", "other"),
                ("reason", "Same date of birth and address; surname misspelt by the hospital"),
            ])
        XCTAssertEqual(res.location, SiteURL.person(fx.kayla).done("merged"))
        return mash
    }

    func testTheMatcherSuggestsTheDuplicateAndTheMergeMovesEverything() async throws {
        let dup = try await makeDuplicate()
        let mash = try await signedIn(fx[.mashPractitioner])
        let form = try await mash.get(.personMerge(dup))
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(
            form.text.contains("value=\"\(fx.kayla.uuidString)\""), "Kayla Smith is offered as the likely duplicate")
        XCTAssertTrue(form.text.contains("likely the same person"))
        _ = try await mergeIntoKayla(dup)

        let merged = try await Person.find(dup, on: app.db)!
        XCTAssertEqual(merged.$mergedInto.id, fx.kayla)
        let agencies = Set(
            try await AgencyInvolvement.query(on: app.db).filter(\.$person.$id == fx.kayla).all().map(\.$agency.id))
        XCTAssertEqual(
            agencies, [fx.socialCare, fx.school, fx.hospital], "the hospital now works with the kept record")
        assertEqual(
            try await AgencyInvolvement.query(on: app.db).filter(\.$person.$id == dup).count(), 1,
            "the school's second involvement stays behind")
        let names = try await OtherName.query(on: app.db).filter(\.$person.$id == fx.kayla).all().map(\.name)
        XCTAssertEqual(Set(names), ["Kay", "Kayla Smyth"], "the duplicate's names, and its spelling as an alias")
        let stays = try await Residence.query(on: app.db).filter(\.$person.$id == fx.kayla).count()
        XCTAssertEqual(stays, 2, "the old address joins; the shared current one is not doubled")
        assertEqual(
            try await ProtectionStatusCheck.query(on: app.db).first()?.$person.id, fx.kayla,
            "health look-ups follow the record kept")
        let relatives = try await PersonRelationship.query(on: app.db).filter(\.$to.$id == fx.kayla).all().map(\.kind)
        XCTAssertEqual(
            relatives.sorted(), ["father", "mother", "mothers-partner"].sorted(),
            "Dean as father moves; Shannon as mother is not doubled")

        let page = try await mash.get(.person(fx.kayla))
        XCTAssertTrue(
            page.text.contains("Seen in the emergency department with a burn"), "the duplicate's chronology joins")
        XCTAssertTrue(page.text.contains("Merged with a duplicate record: Kayla Smyth, born 14 June 2018"))
        XCTAssertTrue(page.text.contains("Merged records"))
        let old = try await mash.get(.person(dup))
        XCTAssertEqual(old.location, SiteURL.person(fx.kayla).done("redirected"), "old links lead to the record kept")
        let search = try await mash.search("smyth")
        XCTAssertTrue(search.text.contains(SiteURL.person(fx.kayla).path), "found by the alias")
        XCTAssertFalse(search.text.contains(SiteURL.person(dup).path), "the merged record is out of search")
        let entries = try await auditEntries()
        XCTAssertTrue(
            entries.contains {
                $0.action == "change" && $0.recordID == fx.kayla.uuidString
                    && $0.reason.hasPrefix("merged duplicate \(dup)")
            })
        XCTAssertTrue(
            entries.contains {
                $0.action == "change" && $0.recordID == dup.uuidString && $0.reason.hasPrefix("merged into \(fx.kayla)")
            })
    }

    func testUndoingPutsTheDuplicateBackAndKeepsWhatWasAddedSince() async throws {
        let dup = try await makeDuplicate()
        let mash = try await mergeIntoKayla(dup)
        let merge = try await PersonMerge.query(on: app.db).first()!
        // After the merge someone adds a name to the kept record: it stays there.
        try await OtherName(personID: fx.kayla, kind: .knownAs, name: "KK").create(on: app.db)

        assertEqual(try await signedIn(fx[.socialWorker]).get(.personMergeUndo(merge.id!)).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).post(
                .personMergeUndo(merge.id!),
                [("reason", "Not the same child at all")]
            ).status, .forbidden)
        let page = try await mash.get(.personMergeUndo(merge.id!))
        XCTAssertTrue(page.text.contains("Undo the merge of Kayla Smyth into Kayla Smith"))
        let short = try await mash.post(.personMergeUndo(merge.id!), [("reason", "wrong")])
        XCTAssertEqual(short.status, .unprocessableEntity)
        XCTAssertTrue(short.text.contains("Say why the records are different people"))
        let res = try await mash.post(.personMergeUndo(merge.id!), [("reason", "Twins: the NHS numbers differ")])
        XCTAssertEqual(res.location, SiteURL.person(dup).done("unmerged"))

        assertEqual(try await Person.find(dup, on: app.db)?.$mergedInto.id, nil)
        let agencies = Set(
            try await AgencyInvolvement.query(on: app.db).filter(\.$person.$id == fx.kayla).all().map(\.$agency.id))
        XCTAssertEqual(agencies, [fx.socialCare, fx.school])
        assertEqual(
            Set(try await AgencyInvolvement.query(on: app.db).filter(\.$person.$id == dup).all().map(\.$agency.id)),
            [fx.hospital, fx.school])
        assertEqual(
            Set(try await OtherName.query(on: app.db).filter(\.$person.$id == fx.kayla).all().map(\.name)), ["KK"])
        assertEqual(try await OtherName.query(on: app.db).filter(\.$person.$id == dup).all().map(\.name), ["Kay"])
        assertEqual(try await Residence.query(on: app.db).filter(\.$person.$id == dup).count(), 2)
        assertEqual(try await ProtectionStatusCheck.query(on: app.db).first()?.$person.id, dup)
        assertEqual(try await PersonRelationship.query(on: app.db).filter(\.$to.$id == dup).count(), 2)
        let kayla = try await mash.get(.person(fx.kayla))
        XCTAssertFalse(kayla.text.contains("Merged with a duplicate record"), "the merge note goes with the merge")
        XCTAssertFalse(kayla.text.contains("emergency department"))
        assertTrue(try await mash.get(.person(dup)).text.contains("emergency department"))
        assertEqual(try await PersonMerge.find(merge.id, on: app.db)?.undoReason, "Twins: the NHS numbers differ")
        assertEqual(
            try await mash.post(.personMergeUndo(merge.id!), [("reason", "Twins: the NHS numbers differ")]).location,
            SiteURL.person(dup).path, "a merge is undone once")
        assertTrue(
            try await auditEntries().contains {
                $0.recordID == dup.uuidString && $0.reason.hasPrefix("merge into \(fx.kayla) undone")
            })
    }

    func testOnlyTheMASHMergesAndBadChoicesAreExplained() async throws {
        let dup = try await makeDuplicate()
        assertEqual(try await signedIn(fx[.socialWorker]).get(.personMerge(fx.kayla)).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).post(
                .personMerge(dup),
                [("otherID", fx.kayla.uuidString), ("keep", "other"), ("reason", "Same person, same date of birth")]
            ).status, .forbidden)
        let mash = try await signedIn(fx[.mashPractitioner])
        let none = try await mash.post(.personMerge(dup), [("other", ""), ("reason", "")])
        XCTAssertEqual(none.status, .unprocessableEntity)
        XCTAssertTrue(none.text.contains("Select the record that is the same person"))
        XCTAssertTrue(none.text.contains("Select which record to keep"))
        XCTAssertTrue(none.text.contains("Say why these are the same person"))
        let itself = try await mash.post(
            .personMerge(dup),
            [("other", dup.uuidString), ("keep", "this"), ("reason", "Same person, same date of birth")])
        XCTAssertTrue(itself.text.contains("it cannot be this record"))
        let unknown = try await mash.post(
            .personMerge(dup),
            [("other", UUID().uuidString), ("keep", "this"), ("reason", "Same person, same date of birth")])
        XCTAssertTrue(unknown.text.contains("No record has that reference"))
        // A pasted address works as well as the bare reference.
        let pasted = try await mash.post(
            .personMerge(dup),
            [
                ("other", "https://safeguard.example/people/\(fx.kayla)"), ("keep", "other"),
                ("reason", "Same person, same date of birth"),
            ])
        XCTAssertEqual(pasted.location, SiteURL.person(fx.kayla).done("merged"))
        let again = try await mash.post(
            .personMerge(fx.shannon),
            [("other", dup.uuidString), ("keep", "this"), ("reason", "Same person, same date of birth")])
        XCTAssertTrue(again.text.contains("already been merged"))
        assertEqual(try await PersonMerge.query(on: app.db).count(), 1)
    }
}
