import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// CP-IS style look-ups: status and contact only, and the social worker is told.
final class ProtectionStatusCheckTests: ServerTestCase {
    func startPlan(for child: UUID, kind: String = "child-protection-plan") async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let res = try await sw.post(
            .personProtection(child),
            [
                ("kind", kind), ("categories[]", "neglect"), ("start-day", "1"), ("start-month", "3"),
                ("start-year", "2026"),
                ("social-worker", fx[.socialWorker].id.uuidString), ("conference-day", "1"), ("conference-month", "3"),
                ("conference-year", "2026"),
            ])
        XCTAssertNotNil(res.location, res.text)
    }

    func testAnEmergencyDepartmentSeesThePlanAndTheSocialWorkerIsTold() async throws {
        let kayla = try await Person.find(fx.kayla, on: app.db)!
        kayla.nhsNumber = "9434765919"
        try await kayla.save(on: app.db)
        try await startPlan(for: fx.kayla)
        let nurse = try await signedIn(fx[.healthPractitioner])
        assertEqual(try await nurse.get(.protectionStatusCheck).status, .ok)
        let former = try await nurse.get(.formerProtectionStatusCheck)
        XCTAssertEqual(former.status, .movedPermanently, "the old address, bookmarked, still finds the page")
        XCTAssertEqual(former.location, SiteURL.protectionStatusCheck.path)
        let res = try await nurse.post(
            .protectionStatusCheck, [("setting", "emergency-department"), ("nhs-number", "943 476 5919")])
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.text.contains("Child protection plan"))
        XCTAssertTrue(
            res.text.contains("Test Social worker, Northmere Children&#39;s Services")
                || res.text.contains("Test Social worker, Northmere Children's Services"))
        XCTAssertFalse(res.text.contains("Neglect"), "status and contact, nothing more")
        XCTAssertFalse(res.text.contains("14 Mill Lane"))

        let sw = try await signedIn(fx[.socialWorker])
        let work = try await sw.get(.myWork)
        XCTAssertTrue(work.text.contains("Health look-up: Kayla Smith seen at Northmere Hospitals NHS Trust"))
        XCTAssertTrue(work.text.contains("Emergency department"))
        let check = try await ProtectionStatusCheck.query(on: app.db).first()!
        assertEqual(
            try await signedIn(fx[.teamManager]).post(.protectionStatusCheckNoticeSeen(check.id!), []).status,
            .notFound,
            "only the social worker told marks the notice seen")
        assertEqual(try await sw.post(.protectionStatusCheckNoticeSeen(check.id!), []).location, SiteURL.myWork.path)
        assertTrue(!(try await sw.get(.myWork).text.contains("Health look-up")))
        assertTrue(
            try await sw.get(.person(fx.kayla)).text.contains(
                "Kayla Smith seen at Northmere Hospitals NHS Trust (Emergency department)"))
        assertTrue(
            try await auditEntries().contains {
                $0.recordType == "protection-status" && $0.reason == "health check: emergency-department"
            })
    }

    func testAnExpectantMothersUnbornPlanShowsAndNoStatusSaysSo() async throws {
        let nurse = try await signedIn(fx[.healthPractitioner])
        let none = try await nurse.post(
            .protectionStatusCheck,
            [
                ("setting", "maternity"), ("first-name", "shannon"), ("last-name", "SMITH"),
                ("dob-day", "30"), ("dob-month", "1"), ("dob-year", "1996"),
            ])
        XCTAssertTrue(
            none.text.contains(
                "No child protection plan, looked-after status or unborn child protection plan is recorded"))
        // Shannon is expecting; the baby has a pre-birth plan.
        let baby = Person()
        baby.firstName = "Baby"
        baby.middleNames = ""
        baby.lastName = "Smith"
        baby.firstNameKey = "baby"
        baby.lastNameKey = "smith"
        baby.expectedDateOfBirth = "2026-05-01"
        baby.gender = Gender.unknown.rawValue
        baby.ethnicity = "Not known"
        baby.language = "English"
        try await baby.create(on: app.db)
        try await PersonRelationship(fromID: fx.shannon, toID: baby.id!, kind: RelationshipKind.mother.rawValue).create(
            on: app.db)
        try await AgencyInvolvement(personID: baby.id!, agencyID: fx.socialCare, startedOn: "2026-02-01").create(
            on: app.db)
        try await startPlan(for: baby.id!, kind: "unborn-plan")
        let found = try await nurse.post(
            .protectionStatusCheck,
            [
                ("setting", "maternity"), ("first-name", "Shannon"), ("last-name", "Smith"),
                ("dob-day", "30"), ("dob-month", "1"), ("dob-year", "1996"),
            ])
        XCTAssertTrue(found.text.contains("Unborn child protection plan (for Baby Smith)"), found.text)
    }

    func testLookUpsAreCheckedAndOnlyHealthStaffMayMakeThem() async throws {
        let nurse = try await signedIn(fx[.healthPractitioner])
        let empty = try await nurse.post(.protectionStatusCheck, [("nhs-number", "")])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.text.contains("Select where you are seeing the child"))
        XCTAssertTrue(empty.text.contains("Enter the date of birth"))
        let bad = try await nurse.post(
            .protectionStatusCheck, [("setting", "walk-in-centre"), ("nhs-number", "1234567890")])
        XCTAssertTrue(bad.text.contains("Enter a valid 10-digit NHS number"))
        let unknown = try await nurse.post(
            .protectionStatusCheck,
            [
                ("setting", "walk-in-centre"), ("first-name", "Nobody"), ("last-name", "Known"),
                ("dob-day", "1"), ("dob-month", "1"), ("dob-year", "2020"),
            ])
        XCTAssertTrue(unknown.text.contains("No child with that name and date of birth is recorded here"))
        for role in [Role.schoolDesignatedSafeguardingLead, .policeOfficer, .socialWorker] {
            assertEqual(try await signedIn(fx[role]).get(.protectionStatusCheck).status, .forbidden, "\(role)")
            assertEqual(
                try await signedIn(fx[role]).post(
                    .protectionStatusCheck, [("setting", "walk-in-centre"), ("nhs-number", "9434765919")]
                ).status,
                .forbidden, "\(role)")
        }
    }
}
