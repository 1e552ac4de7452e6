import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

final class AdministrationTests: ServerTestCase {
    func testAnAdministratorAddsAUserWhoCanSignIn() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let res = try await admin.post(
            .adminUsers,
            [
                ("email", "New.Officer@Test.Example"), ("display-name", "New Officer"),
                ("role", "police-officer"), ("agency", fx.police.uuidString), ("password", "Lantern-Harbour-Velvet"),
            ])
        XCTAssertEqual(res.location, SiteURL.adminUsers.path)
        assertEqual(try await browser().signIn("new.officer@test.example", "Lantern-Harbour-Velvet").status, .seeOther)
        assertTrue(try await auditEntries().contains { $0.action == "administer" && $0.recordType == "user" })
    }

    func testWeakPasswordsAndMismatchedRolesAreRefused() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let short = try await admin.post(
            .adminUsers,
            [
                ("email", "a@test.example"), ("display-name", "A"), ("role", "social-worker"),
                ("agency", fx.socialCare.uuidString), ("password", "short"),
            ])
        XCTAssertTrue(short.text.contains("Password must be 12 characters or more"))
        let common = try await admin.post(
            .adminUsers,
            [
                ("email", "a@test.example"), ("display-name", "A"), ("role", "social-worker"),
                ("agency", fx.socialCare.uuidString), ("password", "password12345"),
            ])
        XCTAssertTrue(common.text.contains("This password is too common"))
        let mismatch = try await admin.post(
            .adminUsers,
            [
                ("email", "a@test.example"), ("display-name", "A"), ("role", "police-officer"),
                ("agency", fx.school.uuidString), ("password", "Lantern-Harbour-Velvet"),
            ])
        XCTAssertEqual(mismatch.status, .unprocessableEntity)
        XCTAssertTrue(mismatch.text.contains("A police officer cannot belong to school or college"))
        assertEqual(try await User.query(on: app.db).filter(\.$email == "a@test.example").count(), 0)
    }

    func testDisablingAUserEndsTheirSessions() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let admin = try await signedIn(fx[.partnershipAdmin])
        let res = try await admin.post(
            .adminUser(fx[.socialWorker].id),
            [
                ("display-name", "Test Social worker"), ("role", "social-worker"),
                ("agency", fx.socialCare.uuidString), ("active", "no"), ("password", ""),
            ])
        XCTAssertEqual(res.location, SiteURL.adminUsers.path)
        assertEqual(try await sw.get(.people).location, SiteURL.signIn.path)
    }

    func testAnAdministratorCannotLockThemselvesOut() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let res = try await admin.post(
            .adminUser(fx[.partnershipAdmin].id),
            [
                ("display-name", "Me"), ("role", "partnership-admin"),
                ("agency", fx.socialCare.uuidString), ("active", "no"),
            ])
        XCTAssertEqual(res.status, .unprocessableEntity)
    }

    func testAgenciesDistrictsAndTeamsCanBeAdded() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        assertEqual(try await admin.post(.adminDistricts, [("name", "Brackenford")]).status, .seeOther)
        assertEqual(
            try await admin.post(
                .adminAgencies, [("name", "Brackenford Housing"), ("kind", "housing"), ("district", "")]
            ).status, .seeOther)
        let dup = try await admin.post(.adminAgencies, [("name", "Brackenford Housing"), ("kind", "housing")])
        XCTAssertTrue(dup.text.contains("An agency with this name already exists"))
        let badKind = try await admin.post(.adminAgencies, [("name", "X"), ("kind", "spaceship")])
        XCTAssertTrue(badKind.text.contains("Select the kind of agency"))
        assertEqual(
            try await admin.post(.adminTeams, [("name", "Tenancy Support"), ("agency", fx.police.uuidString)]).status,
            .seeOther)
        let page = try await admin.get(.adminTeams)
        XCTAssertTrue(page.text.contains("Tenancy Support"))
    }

    func testOnlyTheAdministratorReachesAdministration() async throws {
        for role in Role.allCases where role != .partnershipAdmin {
            let b = try await signedIn(fx[role])
            for path in [
                SiteURL.admin.path, SiteURL.adminUsers.path, SiteURL.adminAgencies.path, SiteURL.adminTokens.path,
            ] {
                assertEqual(try await b.get(path).status, .forbidden, "\(role) \(path)")
            }
            assertEqual(try await b.post(.adminUsers, [("email", "x@y.z")]).status, .forbidden, "\(role)")
        }
    }

    func testOnlyAdministratorAndAuditorReachTheAuditReview() async throws {
        for role in Role.allCases {
            let b = try await signedIn(fx[role])
            let expected: HTTPStatus = role == .partnershipAdmin || role == .auditor ? .ok : .forbidden
            assertEqual(try await b.get(.auditReview).status, expected, "\(role)")
        }
    }

    func testAdministrativeNamesAreShownEscaped() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let xss = "<script>alert('agency')</script>"
        _ = try await admin.post(.adminAgencies, [("name", xss), ("kind", "housing")])
        _ = try await admin.post(.adminDistricts, [("name", xss)])
        _ = try await admin.post(.adminTeams, [("name", xss), ("agency", fx.police.uuidString)])
        _ = try await admin.post(
            .adminUsers,
            [
                ("email", "x@test.example"), ("display-name", xss), ("role", "trainer"),
                ("agency", fx.police.uuidString), ("password", "Lantern-Harbour-Velvet"),
            ])
        for path in [
            SiteURL.adminAgencies.path, SiteURL.adminDistricts.path, SiteURL.adminTeams.path, SiteURL.adminUsers.path,
        ] {
            let page = try await admin.get(path)
            XCTAssertTrue(page.text.contains("&lt;script&gt;alert(&#39;agency&#39;)&lt;/script&gt;"), path)
            XCTAssertFalse(page.text.contains("<script>alert"), path)
        }
    }

    func testMakingAnAgencyInactiveSignsItsUsersOutAndKeepsThemOut() async throws {
        let officer = try await signedIn(fx[.policeOfficer])
        let admin = try await signedIn(fx[.partnershipAdmin])
        let form = try await admin.get(.adminAgency(fx.police))
        XCTAssertTrue(form.text.contains("value=\"Northmere Constabulary\""))
        let res = try await admin.post(
            .adminAgency(fx.police),
            [
                ("name", "Northmere Constabulary"), ("kind", "police"),
                ("district", ""), ("active", "no"),
            ])
        XCTAssertEqual(res.location, SiteURL.adminAgencies.path)
        assertEqual(try await officer.get(.people).location, SiteURL.signIn.path)
        assertEqual(try await browser().signIn(fx[.policeOfficer].email, Fixtures.password).status, .unauthorized)
        // A post without the active choice keeps the agency as it is: it is never switched back on unasked.
        _ = try await admin.post(
            .adminAgency(fx.police), [("name", "Northmere Constabulary"), ("kind", "police"), ("district", "")])
        assertEqual(try await Agency.find(fx.police, on: app.db)?.active, false)
    }

    func testAnAgencysKindCannotChangeUnderItsUsersRoles() async throws {
        let admin = try await signedIn(fx[.partnershipAdmin])
        let res = try await admin.post(
            .adminAgency(fx.police), [("name", "Northmere Constabulary"), ("kind", "school"), ("active", "yes")])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.text.contains("change or disable those users first"))
        assertEqual(try await Agency.find(fx.police, on: app.db)?.kind, .police)
    }

    func testAUsersTeamMustBelongToTheirAgency() async throws {
        let team = Team(name: "Public Protection Unit", agencyID: fx.police)
        try await team.create(on: app.db)
        let admin = try await signedIn(fx[.partnershipAdmin])
        let wrong = try await admin.post(
            .adminUsers,
            [
                ("email", "t@test.example"), ("display-name", "T"), ("role", "social-worker"),
                ("agency", fx.socialCare.uuidString), ("team", team.id!.uuidString),
                ("password", "Lantern-Harbour-Velvet"),
            ])
        XCTAssertTrue(wrong.text.contains("Select a team in the user&#39;s agency"))
        let right = try await admin.post(
            .adminUsers,
            [
                ("email", "t@test.example"), ("display-name", "T"), ("role", "police-public-protection"),
                ("agency", fx.police.uuidString), ("team", team.id!.uuidString),
                ("password", "Lantern-Harbour-Velvet"),
            ])
        XCTAssertEqual(right.status, .seeOther)
        assertEqual(try await User.query(on: app.db).filter(\.$email == "t@test.example").first()?.$team.id, team.id)
    }
}
