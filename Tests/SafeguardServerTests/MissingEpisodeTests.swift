import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Missing episodes, the 72-hour return home interview, repeat missing and the dashboard by district.
/// The test clock stands at Monday 2 March 2026, 10:00.
final class MissingEpisodeTests: ServerTestCase {
    func moment(_ prefix: String, _ day: Int, _ month: Int, _ time: String) -> [(String, String)] {
        [
            ("\(prefix)-day", String(day)), ("\(prefix)-month", String(month)), ("\(prefix)-year", "2026"),
            ("\(prefix)-time", time),
        ]
    }

    /// Records an episode for Kayla and returns its address.
    func episode(_ user: Browser, seen: (Int, Int, String), returned: (Int, Int, String)?) async throws -> String {
        var fields = [("kind", "missing-from-home")] + moment("started", seen.0, seen.1, seen.2)
        if let r = returned {
            fields +=
                moment("returned", r.0, r.1, r.2) + [
                    ("where-found", "public-place"), ("where-found-detail", "Northgate Park"),
                ]
        }
        let res = try await user.post(.personMissing(fx.kayla), fields)
        return try XCTUnwrap(res.location, res.text)
    }

    func interview(
        _ user: Browser, _ location: String, offered: (Int, Int, String), done: (Int, Int, String)
    ) async throws -> XCTHTTPResponse {
        try await user.post(
            .missingEpisodeInterview(recordID(in: location)),
            moment("offered", offered.0, offered.1, offered.2) + [("outcome", "completed")]
                + moment("completed", done.0, done.1, done.2) + [
                    ("interview-notes", "Stayed with older friends in the park; felt pressured to carry a bag.")
                ])
    }

    func testEpisodesInterviewsRepeatMissingAndTheDashboard() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let bad = try await sw.post(
            .personMissing(fx.kayla),
            [("kind", "missing-from-home")] + moment("started", 1, 3, "21:30")
                + moment("returned", 1, 3, "20:00"))
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.text.contains("The return cannot be before the child went missing"))
        XCTAssertTrue(bad.text.contains("Say where the child was found"))
        let future = try await sw.post(
            .personMissing(fx.kayla), [("kind", "missing-from-home")] + moment("started", 3, 3, "21:30"))
        XCTAssertTrue(future.text.contains("cannot be in the future"))

        // Done in time: returned 07:00 on 11 February, interviewed 13 February.
        let first = try await episode(sw, seen: (10, 2, "20:00"), returned: (11, 2, "07:00"))
        let early = try await interview(sw, first, offered: (10, 2, "21:00"), done: (13, 2, "10:00"))
        XCTAssertTrue(early.text.contains("The offer cannot be before the child returned"))
        assertNotNil(try await interview(sw, first, offered: (11, 2, "12:00"), done: (13, 2, "10:00")).location)
        assertTrue(try await sw.get(first).text.contains("Done within 72 hours"))
        // Done late: returned 09:00 on 21 February, interviewed on the 25th.
        let second = try await episode(sw, seen: (20, 2, "18:00"), returned: (21, 2, "09:00"))
        assertNotNil(try await interview(sw, second, offered: (22, 2, "10:00"), done: (25, 2, "10:00")).location)
        assertTrue(try await sw.get(second).text.contains("Done after 72 hours"))
        // Missing now: the third episode in 90 days makes Kayla repeat missing.
        let third = try await episode(sw, seen: (1, 3, "21:30"), returned: nil)
        let page = try await sw.get(third)
        XCTAssertTrue(page.text.contains("Still missing"))
        XCTAssertTrue(page.text.contains("Repeat missing: 3 episodes within 90 days"))
        assertTrue(try await sw.get(.person(fx.kayla)).text.contains("Repeat missing"))

        // She is found; the interview is due within 72 hours and My work says so.
        let back = try await sw.post(
            .missingEpisodeReturn(recordID(in: third)),
            moment("returned", 2, 3, "08:00") + [("where-found", "friend-or-relative-address")])
        XCTAssertEqual(back.location, third)
        let work = try await sw.get(.myWork)
        XCTAssertTrue(work.text.contains("Return home interview for Kayla Smith"))
        XCTAssertTrue(work.text.contains("Due by 5 March 2026, 8:00am"), work.text)

        // The dashboard: one child in Calder Vale, three episodes, repeat missing and not yet assessed.
        let manager = try await signedIn(fx[.teamManager])
        var dashboard = try await manager.get(.vulnerabilityDashboard)
        XCTAssertEqual(dashboard.status, .ok)
        let calder = try XCTUnwrap(Self.row("Calder Vale", in: dashboard.text))
        XCTAssertEqual(
            calder, ["Calder Vale", "1", "3", "1", "0", "50%", "0"],
            "one of the two interviews due by now was within 72 hours")
        XCTAssertEqual(
            Self.rows("Calder Vale", in: dashboard.text)[1], ["Calder Vale", "0", "0", "0", "0", "1"],
            "repeat missing, not assessed")

        // Once assessed as significant, the cross-tab moves her.
        let tool = try await AssessmentToolRecord.query(on: app.db).filter(\.$key == "exploitation").first()!
        let exploitation = try AssessmentToolCatalogue.tool(tool)
        let started = try await sw.post(.personAssessments(fx.kayla), [("tool", tool.id!.uuidString)])
        let graded = exploitation.sections.flatMap(\.questions).first {
            if case .grade = $0.answer { true } else { false }
        }!
        _ = try await sw.post(
            started.location!,
            [("action", "submit")] + AssessmentTests.answers(exploitation, grades: [graded.key: "significant"]))
        dashboard = try await manager.get(.vulnerabilityDashboard)
        XCTAssertEqual(Self.rows("Calder Vale", in: dashboard.text)[1], ["Calder Vale", "1", "0", "0", "0", "0"])
    }

    func testWhoMayRecordAndSee() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let location = try await episode(sw, seen: (1, 3, "21:30"), returned: nil)
        let police = try await signedIn(fx[.policeOfficer])
        assertEqual(
            try await police.get(.personMissingNew(fx.kayla)).status, .forbidden,
            "the police are not involved with Kayla")
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).get(location).status, .notFound,
            "safeguarding information")
        assertEqual(try await signedIn(fx[.policePublicProtection]).get(.vulnerabilityDashboard).status, .ok)
        assertEqual(try await sw.get(.vulnerabilityDashboard).status, .forbidden)
        assertEqual(try await signedIn(fx[.boardMember]).get(.vulnerabilityDashboard).status, .forbidden)
        assertEqual(try await browser().get(location).location, SiteURL.signIn.path)
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).post(
                .missingEpisodeReturn(recordID(in: location)), []
            ).status, .notFound)
    }

    /// The cells of every table row whose first cell is `first`, in page order.
    static func rows(_ first: String, in html: String) -> [[String]] {
        html.components(separatedBy: "<tr class=\"sg-table__row\">").dropFirst().compactMap { row -> [String]? in
            let cells = row.components(separatedBy: "<td class=\"sg-table__cell\">").dropFirst().map { cell in
                cell.components(separatedBy: "</td>")[0].replacingOccurrences(
                    of: "<[^>]+>", with: "", options: .regularExpression)
            }
            return cells.first == first ? Array(cells) : nil
        }
    }

    static func row(_ first: String, in html: String) -> [String]? { rows(first, in: html).first }
}

extension MissingEpisodeTests {
    func testOnlyTheRecordingSideRecordsTheInterview() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let location = try await episode(sw, seen: (1, 3, "21:30"), returned: (2, 3, "07:00"))
        let episodeID = try recordID(in: location)
        let fields =
            moment("offered", 2, 3, "09:00") + [
                ("outcome", "declined"), ("interview-notes", "Did not want to talk today, offered again."),
            ]
        assertEqual(
            try await signedIn(fx[.schoolDesignatedSafeguardingLead]).post(.missingEpisodeInterview(episodeID), fields)
                .status,
            .notFound)
        assertEqual(
            try await signedIn(fx[.policeOfficer]).post(.missingEpisodeInterview(episodeID), fields).status, .forbidden)
        assertEqual(
            try await signedIn(fx[.policeOfficer]).post(.personMissing(fx.kayla), [("kind", "missing-from-home")])
                .status, .forbidden)
        assertEqual(try await browser().post(.missingEpisodeInterview(episodeID), fields).location, SiteURL.signIn.path)
        assertNil(try await MissingEpisodeRecord.query(on: app.db).first()?.interviewOfferedAt)
        assertEqual(try await sw.post(.missingEpisodeInterview(episodeID), fields).location, location)
    }
}
