import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Risk assessments: drafts, submission, countersigning, trends, reassessment and tool versions.
final class AssessmentTests: ServerTestCase {
    /// The stored tool with this key (newest version).
    func tool(_ key: String) async throws -> (AssessmentToolRecord, AssessmentTool) {
        let record = try await AssessmentToolRecord.query(on: app.db).filter(\.$key == key).sort(
            \.$version, .descending
        ).first()!
        return (record, try AssessmentToolCatalogue.tool(record))
    }

    /// A complete set of answers: the first option everywhere, `grades` for the graded categories
    /// named, every other graded category at the lowest grade, evidence wherever there is a box.
    static func answers(
        _ tool: AssessmentTool, grades: [String: String] = [:], yes: Int = 0, date: String = "2 3 2026"
    ) -> [(String, String)] {
        let parts = date.split(separator: " ").map(String.init)
        var fields: [(String, String)] = [
            ("assessed-day", parts[0]), ("assessed-month", parts[1]), ("assessed-year", parts[2]),
        ]
        var yesLeft = yes
        for section in tool.sections where section.showIf == nil || section.showIf?.equals == "5-9" {
            for q in section.questions {
                let value: String?
                switch q.answer {
                case .yesNo, .yesNoNotKnown:
                    value = yesLeft > 0 ? "yes" : "no"
                    yesLeft -= 1
                case .choice(let options): value = q.key == "age-band" ? "5-9" : options.first?.key
                case .grade(let grades_): value = grades[q.key] ?? grades_.first?.key
                case .scale(let min, _, _): value = String(min)
                case .number: value = "0"
                case .percentage: value = "85"
                case .text: value = "Not known"
                case .date: value = "2026-01-05"
                case .checklist: value = nil
                }
                if let value { fields.append(("q.\(q.key)", value)) }
                if q.evidence != .none {
                    fields.append(("evidence.\(q.key)", "Seen by the school and confirmed by police intelligence"))
                }
            }
        }
        return fields
    }

    /// Starts a draft about `person` with the tool, as `user`, and returns its address.
    func start(_ key: String, about person: UUID, as user: Browser) async throws -> String {
        let (record, _) = try await tool(key)
        let res = try await user.post(.personAssessments(person), [("tool", record.id!.uuidString)])
        return try XCTUnwrap(res.location, res.text)
    }

    func testAnExploitationAssessmentGoesFromDraftToCountersignedAndTrends() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let choose = try await sw.get(.personAssessmentNew(fx.kayla))
        XCTAssertTrue(choose.text.contains("Exploitation"))
        XCTAssertFalse(choose.text.contains("Domestic abuse"), "an adults' tool is not offered for a child")
        let (_, exploitation) = try await tool("exploitation")
        let location = try await start("exploitation", about: fx.kayla, as: sw)
        let assessment = try recordID(in: location)
        assertTrue(try await sw.get(location).text.contains("Save as draft"))

        // A draft keeps what has been typed, and My work offers it back.
        let graded = exploitation.sections.flatMap(\.questions).filter {
            if case .grade = $0.answer { true } else { false }
        }
        let first = try XCTUnwrap(graded.first)
        let saved = try await sw.post(location, [("action", "save"), ("q.\(first.key)", "moderate")])
        XCTAssertEqual(saved.location, location + "?done=saved")
        let draft = try await Assessment.query(on: app.db).first()!
        XCTAssertEqual(draft.answers.value(first.key), "moderate")
        XCTAssertEqual(draft.status, .draft)
        assertTrue(try await sw.get(.myWork).text.contains("Finish your draft exploitation"))

        // Submitting half an assessment is refused, saying what is missing.
        // Long evidence is kept: practitioners write paragraphs, not lines.
        let long = String(repeating: "Seen with older teenagers near the station after school. ", count: 300)
        let lengthy = try await sw.post(
            location, [("action", "save"), ("q.\(first.key)", "moderate"), ("evidence.\(first.key)", long)])
        XCTAssertEqual(lengthy.location, location + "?done=saved", "\(lengthy.status)")
        let incomplete = try await sw.post(
            location,
            [
                ("action", "submit"), ("q.\(first.key)", "moderate"), ("assessed-day", "2"),
                ("assessed-month", "3"), ("assessed-year", "2026"),
            ])
        XCTAssertEqual(incomplete.status, .unprocessableEntity)
        XCTAssertTrue(incomplete.text.contains("There is a problem"))

        // One significant category makes the whole assessment significant.
        let submitted = try await sw.post(
            location,
            [("action", "submit")]
                + Self.answers(
                    exploitation, grades: [first.key: "significant"],
                    date: "2 12 2025"))
        XCTAssertEqual(submitted.location, location + "?done=submitted", submitted.text)
        let done = try await Assessment.query(on: app.db).first()!
        XCTAssertEqual(done.finalLevel, "significant")
        XCTAssertEqual(done.assessedOn, "2025-12-02")
        let significant = try XCTUnwrap(exploitation.level("significant"))
        XCTAssertEqual(
            done.reassessOn,
            SimpleDate(iso: "2025-12-02")!.adding(days: significant.reassessAfterDays ?? exploitation.reassessAfterDays)
                .iso)
        let summary = try await sw.get(location)
        XCTAssertTrue(summary.text.contains("Significant risk"))
        XCTAssertTrue(summary.text.contains("Not yet: waiting for a manager"))
        XCTAssertFalse(summary.text.contains("Save as draft"), "a submitted assessment is not a form any more")
        assertEqual(try await sw.post(location, [("action", "save")]).status, .conflict)

        // The social worker cannot countersign; their manager can, and it leaves their list.
        assertEqual(try await sw.post(.assessmentCountersign(assessment), []).status, .forbidden)
        let manager = try await signedIn(fx[.teamManager])
        assertTrue(try await manager.get(.myWork).text.contains("Countersign the exploitation"))
        let signed = try await manager.post(
            .assessmentCountersign(assessment), [("countersign-note", "Agreed: refer to the panel")])
        XCTAssertEqual(signed.location, location + "?done=countersigned")
        assertFalse(try await manager.get(.myWork).text.contains("Countersign the exploitation"))
        assertTrue(try await sw.get(location).text.contains("Agreed: refer to the panel"))

        // Overdue already (28 days from December): My work says so.
        assertTrue(try await sw.get(.myWork).text.contains("Reassess Kayla Smith"))

        // A second assessment, three months on, shows the change over time on Kayla's page.
        let second = try await start("exploitation", about: fx.kayla, as: sw)
        _ = try await sw.post(
            second,
            [("action", "submit")] + Self.answers(exploitation, grades: [first.key: "emerging"], date: "2 3 2026"))
        let page = try await sw.get(.person(fx.kayla))
        XCTAssertTrue(page.text.contains("change over time"))
        XCTAssertTrue(page.text.contains("<svg"))
        XCTAssertTrue(page.text.contains("Significant risk on 2 December 2025, then Emerging risk on 2 March 2026"))
        assertFalse(
            try await sw.get(.myWork).text.contains("Reassess Kayla Smith"),
            "the newer assessment replaces the overdue one")
        let entries = try await auditEntries()
        XCTAssertTrue(
            entries.contains { $0.recordType == "assessment" && $0.reason.hasPrefix("submitted: significant") })
        XCTAssertTrue(entries.contains { $0.recordType == "assessment" && $0.action == "view" })
    }

    func testProfessionalJudgementRaisesTheLevelButNeverLowersIt() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let (_, dash) = try await tool("domestic-abuse-risk")
        let high = try await start("domestic-abuse-risk", about: fx.shannon, as: sw)
        let lowered = try await sw.post(
            high,
            [("action", "submit"), ("override-level", "standard"), ("override-reason", "She seems fine")]
                + Self.answers(dash, yes: 14))
        XCTAssertEqual(lowered.status, .unprocessableEntity)
        XCTAssertTrue(lowered.text.contains("not lower"), lowered.text)
        _ = try await sw.post(high, [("action", "submit")] + Self.answers(dash, yes: 14))
        var stored = try await Assessment.query(on: app.db).first()!
        XCTAssertEqual(stored.finalLevel, "high")
        assertTrue(try await sw.get(high).text.contains("MARAC"), "high risk prompts a MARAC referral")

        let raised = try await start("domestic-abuse-risk", about: fx.shannon, as: sw)
        let res = try await sw.post(
            raised,
            [
                ("action", "submit"), ("override-level", "high"),
                ("override-reason", "Recent threats to kill disclosed to her GP"),
            ] + Self.answers(dash, yes: 13))
        XCTAssertNotNil(res.location, res.text)
        stored = try await Assessment.query(on: app.db).filter(\.$id != stored.id!).first()!
        XCTAssertEqual(stored.calculatedLevel, "medium")
        XCTAssertEqual(stored.finalLevel, "high")
        let page = try await sw.get(raised)
        XCTAssertTrue(
            page.text.contains(
                "Raised by professional judgement from Medium risk: Recent threats to kill disclosed to her GP"))
        XCTAssertTrue(page.text.contains("MARAC"))
    }

    func testOnlyThoseWhoShouldMaySeeOrMakeAssessments() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let (record, exploitation) = try await tool("exploitation")
        let location = try await start("exploitation", about: fx.kayla, as: sw)
        // The school works with Kayla but may not open children's social care's draft.
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertEqual(try await school.get(location).status, .notFound)
        assertEqual(try await school.post(location, [("action", "save")]).status, .notFound)
        _ = try await sw.post(location, [("action", "submit")] + Self.answers(exploitation))
        assertEqual(
            try await school.get(location).status, .notFound,
            "an exploitation assessment is shared with safeguarding leads, not schools")
        assertFalse(try await school.get(.person(fx.kayla)).text.contains("Exploitation risk assessment"))
        // The police are not involved with Kayla: they may not start one.
        let police = try await signedIn(fx[.policeOfficer])
        assertEqual(
            try await police.post(.personAssessments(fx.kayla), [("tool", record.id!.uuidString)]).status, .forbidden)
        assertEqual(try await signedIn(fx[.trainer]).get(location).status, .forbidden)
        let countersign = SiteURL.assessmentCountersign(try recordID(in: location))
        assertEqual(try await signedIn(fx[.auditor]).post(countersign, []).status, .forbidden)
        assertEqual(try await browser().get(location).location, SiteURL.signIn.path)
        assertEqual(try await sw.get(.adminAssessmentTools).status, .forbidden)
        // A tool that does not fit (an adults' tool for a child) cannot be forced through the form.
        let (dash, _) = try await tool("domestic-abuse-risk")
        assertEqual(
            try await sw.post(.personAssessments(fx.kayla), [("tool", dash.id!.uuidString)]).status,
            .unprocessableEntity)
    }

    func testAnAdministratorRevisesAToolAndOldAssessmentsKeepTheirVersion() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let (v1, neglect) = try await tool("neglect-profile")
        let old = try await start("neglect-profile", about: fx.kayla, as: sw)
        _ = try await sw.post(old, [("action", "submit")] + Self.answers(neglect))

        let admin = try await signedIn(fx[.partnershipAdmin])
        assertTrue(try await admin.get(.adminAssessmentTools).text.contains(neglect.title))
        let broken = try await admin.post(.adminAssessmentTools, [("definition", "key: neglect-profile\nversion: [\n")])
        XCTAssertEqual(broken.status, .unprocessableEntity)
        XCTAssertTrue(broken.text.contains("Line "), broken.text)
        let same = try await admin.post(.adminAssessmentTools, [("definition", v1.definition)])
        XCTAssertTrue(same.text.contains("give this revision version 2"), same.text)
        let revised = v1.definition.replacingOccurrences(of: "version: 1\n", with: "version: 2\n")
            .replacingOccurrences(of: "title: \(neglect.title)", with: "title: \(neglect.title) (2026)")
        XCTAssertNotEqual(revised, v1.definition)
        let added = try await admin.post(.adminAssessmentTools, [("definition", revised)])
        XCTAssertNotNil(added.location, added.text)
        assertTrue(
            try await auditEntries().contains {
                $0.recordType == "assessment-tool" && $0.reason == "neglect-profile version 2 added"
            })

        // The largest shipped definition goes through the form too.
        let (exploitation, _) = try await tool("exploitation")
        let bigger = try await admin.post(
            .adminAssessmentTools,
            [("definition", exploitation.definition.replacingOccurrences(of: "version: 1\n", with: "version: 2\n"))])
        XCTAssertNotNil(bigger.location, "\(bigger.status)")

        let (v2, _) = try await tool("neglect-profile")
        XCTAssertEqual(v2.version, 2)
        let newer = try await start("neglect-profile", about: fx.kayla, as: sw)
        let stored = try await Assessment.query(on: app.db).with(\.$tool).sort(\.$startedAt).all()
        XCTAssertEqual(stored.map(\.tool.version), [1, 2])
        assertTrue(try await sw.get(old).text.contains("version 1"))
        assertTrue(try await sw.get(newer).text.contains("Version 2"))
    }

    func testAChangedShippedDefinitionMustCarryANewVersion() async throws {
        let (record, _) = try await tool("clutter-rating")
        record.digest = "something else"
        try await record.update(on: app.db)
        do {
            try await AssessmentToolCatalogue.registerShipped(on: app.db, now: Date())
            XCTFail("a changed definition under the same version must stop start-up")
        } catch let problem as CatalogueProblem {
            XCTAssertTrue(problem.description.contains("give the revision version 2"), problem.description)
        }
    }
}

extension AssessmentTests {
    func testAnAssessmentStartedFromAReferralIsTiedToIt() async throws {
        let (_, referralID) = try await refer()
        try await linkSubjects(referralID)
        let mash = try await signedIn(fx[.mashPractitioner])
        let page = try await mash.get(.referral(referralID))
        let link = SiteURL.personAssessmentNew(fx.kayla).with(query: [("referral", referralID.uuidString)])
        XCTAssertTrue(
            page.text.contains(link.replacingOccurrences(of: "&", with: "&amp;")),
            "the MASH record offers an assessment")
        let form = try await mash.get(link)
        XCTAssertTrue(form.text.contains("<option value=\"\(referralID)\" selected>"), "the referral is already chosen")
        let (record, _) = try await tool("neglect-profile")
        let bad = try await mash.post(
            .personAssessments(fx.kayla), [("tool", record.id!.uuidString), ("referral", UUID().uuidString)])
        XCTAssertTrue(bad.text.contains("Choose one of Kayla&#39;s referrals, or none"), bad.text)
        let started = try await mash.post(
            .personAssessments(fx.kayla), [("tool", record.id!.uuidString), ("referral", referralID.uuidString)])
        let location = try XCTUnwrap(started.location)
        let stored = try await Assessment.query(on: app.db).first()!
        XCTAssertEqual(stored.$referral.id, referralID)
        let reference = try await Referral.find(referralID, on: app.db)!.reference
        assertTrue(try await mash.get(location).text.contains("following referral \(reference)"))
    }
}

extension AssessmentTests {
    func testADraftIsDiscardedOnlyByItsAgencyAndToolsOnlyByAdministrators() async throws {
        let sw = try await signedIn(fx[.socialWorker])
        let draft = try await recordID(in: start("neglect-profile", about: fx.kayla, as: sw))
        let school = try await signedIn(fx[.schoolDesignatedSafeguardingLead])
        assertEqual(try await school.post(.assessmentDiscard(draft), []).status, .notFound)
        assertEqual(try await browser().post(.assessmentDiscard(draft), []).location, SiteURL.signIn.path)
        assertEqual(try await Assessment.query(on: app.db).count(), 1)
        assertEqual(try await sw.post(.assessmentDiscard(draft), []).location, SiteURL.person(fx.kayla).path)
        assertEqual(try await Assessment.query(on: app.db).count(), 0)

        let (record, _) = try await tool("clutter-rating")
        for user in [fx[.socialWorker], fx[.auditor], fx[.trainer]] {
            let b = try await signedIn(user)
            assertEqual(try await b.get(.adminAssessmentTool(record.id!)).status, .forbidden)
            assertEqual(try await b.post(.adminAssessmentTools, [("definition", record.definition)]).status, .forbidden)
        }
        assertEqual(try await AssessmentToolRecord.query(on: app.db).count(), 5)
    }
}
