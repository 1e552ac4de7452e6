import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the casework pages (assessments, cuckooing, missing episodes, protection and merges) are
/// rendered from plain values, with no database and no request.
final class CaseworkPageViewTests: XCTestCase {
    static let kayla = PersonHeading(id: UUID(), name: "Kayla <i>Smith</i>", firstName: "Kayla")

    /// 2 March 2026, 10:00 in London (GMT).
    static let now = Date(timeIntervalSince1970: 1_772_445_600)

    static func count(_ text: String, in html: String) -> Int { html.components(separatedBy: text).count - 1 }

    /// A question that always shows and has a box for evidence.
    static func questionWithEvidence(_ tool: AssessmentTool) -> ToolQuestion? {
        tool.sections.filter { $0.showIf == nil }.flatMap(\.questions).first { $0.evidence != .none }
    }

    func testACuckooedHomeOffersEndingOnlyToThoseWhoMayChangeAndEscapesWhatWasTyped() {
        let home = CuckooedHomeView.Home(
            id: UUID(), person: Self.kayla, address: "14 Mill Lane, Calder Vale NM4 2AB", isActive: true, endedAt: "",
            endReason: "", howUsed: "Drugs: dealing, storing or preparing", confidence: "Suspected",
            summary: "Several <b>young</b> men come and go at night", lead: "Sam Okafor, Northmere Police",
            recorded: "Sam Okafor, Northmere Police, 1 March 2026, 9:00am")
        let html = CuckooedHomeView(home: home, notices: [], mayChange: true, errors: FormErrors())
            .body(csrf: "token-1").render()
        XCTAssertTrue(html.contains("Several &lt;b&gt;young&lt;/b&gt; men"), "what is known is text, never markup")
        XCTAssertFalse(html.contains("<b>young</b>"))
        XCTAssertTrue(html.contains("Kayla &lt;i&gt;Smith&lt;/i&gt;"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.person(Self.kayla.id).path)\""), "back to whose home it is")
        XCTAssertTrue(html.contains("None confirmed since the marker was placed."))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.cuckooedHomeEnd(home.id).path)\""))
        XCTAssertTrue(html.contains("name=\"end-reason\"") && html.contains("token-1"))

        let reader = CuckooedHomeView(home: home, notices: [], mayChange: false, errors: FormErrors())
            .body(csrf: "t").render()
        XCTAssertFalse(reader.contains("End the marker"), "only those who may change it may end it")
        var ended = home
        ended.isActive = false
        ended.endedAt = "5 March 2026, 3:00pm"
        ended.endReason = "Moved to supported housing"
        let over = CuckooedHomeView(home: ended, notices: [], mayChange: true, errors: FormErrors())
            .body(csrf: "t").render()
        XCTAssertTrue(over.contains("Ended 5 March 2026, 3:00pm: Moved to supported housing"))
        XCTAssertFalse(over.contains("End the marker"), "an ended marker cannot be ended again")
    }

    func testOnlyTheLeadMayMarkAPoliceIncidentRead() {
        let home = CuckooedHomeView.Home(
            id: UUID(), person: Self.kayla, address: "14 Mill Lane", isActive: true, endedAt: "", endReason: "",
            howUsed: "", confidence: "Confirmed", summary: "", lead: "", recorded: "")
        let notice = CuckooedHomeView.Notice(
            id: UUID(), reference: "NM-CUCKOO-1", type: "Drugs", occurred: "2 March 2026, 1:10am",
            summary: "Report of <script>dealing</script>", readAt: nil, mayMarkRead: true)
        var others = notice
        others.mayMarkRead = false
        var read = notice
        read.readAt = "2 March 2026, 9:00am"
        let html = CuckooedHomeView(
            home: home, notices: [notice, others, read], mayChange: false, errors: FormErrors()
        )
        .body(csrf: "t").render()
        XCTAssertEqual(Self.count("Mark as read", in: html), 1)
        XCTAssertTrue(html.contains("action=\"\(SiteURL.cuckooingNoticeSeen(notice.id).path)\""))
        XCTAssertEqual(Self.count("Not yet read by the lead", in: html), 1)
        XCTAssertTrue(html.contains("Read 2 March 2026, 9:00am"))
        XCTAssertTrue(html.contains("NM-CUCKOO-1 (Drugs)"))
        XCTAssertTrue(html.contains("Report of &lt;script&gt;dealing"))
    }

    func testTheCuckooingFormAsksForAnAddressFirstOrChoosesTheOnlyOne() {
        let none = CuckooingFormView(
            person: Self.kayla, homes: [], leads: [], fields: [:], kinds: [], errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(none.contains("Kayla has no current address recorded."))
        XCTAssertTrue(none.contains("href=\"\(SiteURL.personAddresses(Self.kayla.id).path)\""))
        XCTAssertFalse(none.contains("Which home?"))

        let home = CuckooingFormView.Choice(id: UUID(), label: "14 Mill Lane, Calder <Vale>")
        let lead = CuckooingFormView.Choice(id: UUID(), label: "Sam Okafor")
        let one = CuckooingFormView(
            person: Self.kayla, homes: [home], leads: [lead], fields: ["lead": lead.id.uuidString], kinds: ["drugs"],
            errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(one.contains("Which home?"))
        XCTAssertTrue(one.contains("14 Mill Lane, Calder &lt;Vale&gt;"))
        XCTAssertTrue(one.contains("value=\"\(home.id.uuidString)\" checked"), "the only home is chosen already")
        XCTAssertTrue(one.contains("<option value=\"\(lead.id.uuidString)\" selected>"))
        for name in ["address", "kinds[]", "confidence", "summary", "lead"] {
            XCTAssertTrue(one.contains("name=\"\(name)\""), name)
        }
        XCTAssertTrue(one.contains("action=\"\(SiteURL.personCuckooing(Self.kayla.id).path)\""))
    }

    func testAMissingEpisodeOffersTheReturnThenTheInterviewAndWarnsOfRepeatMissing() {
        let started = Self.now.addingTimeInterval(-3 * 86_400)
        let episode = MissingEpisode(kind: .missingFromHome, startedAt: started)
        let details = MissingEpisodeView.Details(
            whereFoundDetail: nil, policeReference: "<NM-77>", recordedBy: "Sam Okafor, Northmere Police",
            interviewNotes: nil, interviewBy: nil)
        func page(_ e: MissingEpisode, history: [MissingEpisode], mayChange: Bool) -> String {
            MissingEpisodeView(
                person: Self.kayla, episode: e, details: details, history: history, now: Self.now,
                mayChange: mayChange, fields: [:], errors: FormErrors()
            ).body(csrf: "t").render()
        }
        let missing = page(episode, history: [episode], mayChange: true)
        XCTAssertTrue(missing.contains("Still missing"))
        XCTAssertTrue(missing.contains("&lt;NM-77&gt;"))
        XCTAssertTrue(missing.contains("action=\"\(SiteURL.missingEpisodeReturn(episode.id).path)\""))
        XCTAssertTrue(missing.contains("name=\"where-found\""))
        XCTAssertFalse(missing.contains("Return home interview</h2>"), "no interview before the return")
        XCTAssertFalse(missing.contains("Repeat missing"))
        XCTAssertTrue(missing.contains("Kayla&#39;s missing episodes"))
        XCTAssertTrue(missing.contains("href=\"\(SiteURL.missingEpisode(episode.id).path)\""))

        var back = episode
        back.returnedAt = started.addingTimeInterval(3_600)
        back.whereFound = .publicPlace
        let earlier = [-60.0, -30.0].map {
            MissingEpisode(kind: .missingFromHome, startedAt: Self.now.addingTimeInterval($0 * 86_400))
        }
        let returned = page(back, history: earlier + [back], mayChange: true)
        XCTAssertFalse(returned.contains("Record the return"))
        XCTAssertTrue(returned.contains("action=\"\(SiteURL.missingEpisodeInterview(back.id).path)\""))
        for name in ["offered-day", "outcome", "completed-day", "interview-notes"] {
            XCTAssertTrue(returned.contains("name=\"\(name)\""), name)
        }
        XCTAssertTrue(returned.contains("Repeat missing: 3 episodes within 90 days"))

        let reader = page(back, history: [back], mayChange: false)
        XCTAssertFalse(reader.contains("<form"), "someone who may not change it is offered no form")
    }

    func testAProtectionRecordOffersChangesOnlyWhileOpenAndToThoseWhoMay() throws {
        let record = ProtectionView.Record(
            id: UUID(), kind: .childProtectionPlan, isActive: true, started: "1 March 2026", end: nil,
            endReason: nil, categories: [.neglect], socialWorker: "Aisha Okoro, Northmere Children's Services",
            strategyDiscussion: SimpleDate(iso: "2026-02-09"), initialConference: SimpleDate(iso: "2025-06-01"),
            lastReview: nil)
        let open = ProtectionView.Marker(
            id: UUID(), address: "14 Mill Lane", reason: "Kayla's <home>", started: "1 March 2026, 9:00am", ended: nil)
        let closed = ProtectionView.Marker(
            id: UUID(), address: "3 Canal Street", reason: "home of Dean Walker", started: "1 March 2026, 9:00am",
            ended: "2 March 2026, 9:00am (Moved out)")
        let calendar = try WorkingCalendar(holidays: [:])
        func page(_ r: ProtectionView.Record, mayChange: Bool) -> String {
            ProtectionView(
                record: r, person: Self.kayla, markers: [open, closed], today: SimpleDate(iso: "2026-03-02")!,
                calendar: calendar, mayChange: mayChange, errors: FormErrors()
            ).body(csrf: "t").render()
        }
        let html = page(record, mayChange: true)
        XCTAssertTrue(html.contains("Kayla&#39;s &lt;home&gt;"))
        XCTAssertTrue(html.contains("conference due by 2 March 2026 (15 working days)"))
        XCTAssertTrue(html.contains("1 September 2025"), "the first review, three months after the conference")
        XCTAssertTrue(html.contains("Overdue"))
        XCTAssertEqual(Self.count("Stop marking", in: html), 1, "only the open marker can be stopped")
        XCTAssertTrue(html.contains("href=\"\(SiteURL.protectionMarkerEnd(record.id, open.id).path)\""))
        XCTAssertTrue(html.contains("2 March 2026, 9:00am (Moved out)"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.protectionMarkers(record.id).path)\""))
        XCTAssertTrue(html.contains("End the child protection plan and its markers"))

        XCTAssertFalse(page(record, mayChange: false).contains("Stop marking"))
        XCTAssertFalse(page(record, mayChange: false).contains("Review addresses"))
        var ended = record
        ended.isActive = false
        ended.end = SimpleDate(iso: "2026-03-02")
        ended.endReason = "Plan ended at the review"
        let over = page(ended, mayChange: true)
        XCTAssertTrue(over.contains("2 March 2026: Plan ended at the review"))
        XCTAssertFalse(over.contains("Stop marking") || over.contains("Review addresses") || over.contains("End it"))
        XCTAssertFalse(over.contains("Next review due"), "an ended plan has no review due")
    }

    func testTheProtectionFormNamesItsFieldsAndTheSocialWorkers() {
        let worker = ProtectionFormView.Worker(id: UUID(), label: "Aisha Okoro, Northmere Children's Services")
        let html = ProtectionFormView(
            person: Self.kayla, fields: ["social-worker": worker.id.uuidString], categories: ["neglect"],
            workers: [worker], errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(html.contains("Place of Interest marker on Kayla&#39;s home"))
        XCTAssertTrue(html.contains("<option value=\"\(worker.id.uuidString)\" selected>"))
        let names = [
            "kind", "categories", "start-day", "social-worker", "strategy-day", "conference-day", "review-day",
        ]
        for name in names {
            XCTAssertTrue(html.contains("name=\"\(name)"), name)
        }
    }

    func testAnAssessmentSummaryOffersCountersigningOnlyToThoseWhoMay() throws {
        let tool = try XCTUnwrap(ShippedTools.all().first { $0.key == "exploitation" })
        let (low, high) = (try XCTUnwrap(tool.levels.first), try XCTUnwrap(tool.levels.last))
        var answers = AssessmentAnswers()
        let question = try XCTUnwrap(Self.questionWithEvidence(tool))
        answers.evidence[question.key] = "Seen with <older> teenagers"
        let assessment = AssessmentDetails(
            id: UUID(), status: .submitted, answers: answers, calculatedLevel: low.key, finalLevel: high.key,
            overrideLevel: high.key, overrideReason: "Went missing <twice> this week", score: nil, prompts: [],
            assessed: SimpleDate(iso: "2026-02-20"), reassessDue: SimpleDate(iso: "2026-03-01"),
            agency: "Northmere Children's Services",
            started: .init(by: "Sam Okafor", at: "20 February 2026, 9:00am"),
            submitted: .init(by: "Sam Okafor", at: "20 February 2026, 4:00pm"), countersigned: nil,
            countersignNote: nil, referral: "MASH-2026-000001")
        func page(_ a: AssessmentDetails, mayCountersign: Bool) -> String {
            AssessmentSummaryView(
                assessment: a, tool: tool, person: Self.kayla, mayCountersign: mayCountersign,
                today: SimpleDate(iso: "2026-03-02")!, errors: FormErrors(), flash: "submitted"
            ).body(csrf: "t").render()
        }
        let html = page(assessment, mayCountersign: true)
        XCTAssertTrue(html.contains("Assessment submitted"))
        XCTAssertTrue(html.contains("Raised by professional judgement from \(low.label): Went missing &lt;twice&gt;"))
        XCTAssertTrue(html.contains("Seen with &lt;older&gt; teenagers"))
        XCTAssertTrue(html.contains("Sam Okafor, Northmere Children&#39;s Services, 20 February 2026, 4:00pm"))
        XCTAssertTrue(html.contains("MASH-2026-000001"))
        XCTAssertTrue(html.contains("Not yet: waiting for a manager"))
        XCTAssertTrue(html.contains("Overdue"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.assessmentCountersign(assessment.id).path)\""))
        XCTAssertTrue(html.contains("name=\"countersign-note\""))
        XCTAssertFalse(page(assessment, mayCountersign: false).contains("countersign-note"))

        var signed = assessment
        signed.status = .countersigned
        signed.countersigned = .init(by: "Jo Manager", at: "1 March 2026, 10:00am")
        signed.countersignNote = "Agreed <ok>"
        XCTAssertTrue(
            page(signed, mayCountersign: false).contains("Jo Manager, 1 March 2026, 10:00am: Agreed &lt;ok&gt;"))
    }

    func testADraftAssessmentIsAFormThatKeepsWhatWasTyped() throws {
        let tool = try XCTUnwrap(ShippedTools.all().first { $0.key == "exploitation" })
        let question = try XCTUnwrap(Self.questionWithEvidence(tool))
        var answers = AssessmentAnswers()
        answers.evidence[question.key] = "Typed <here>"
        let draft = AssessmentDetails(
            id: UUID(), status: .draft, answers: answers, calculatedLevel: nil, finalLevel: nil, overrideLevel: nil,
            overrideReason: nil, score: nil, prompts: [], assessed: nil, reassessDue: nil, agency: "Northmere",
            started: .init(by: "Sam <Okafor>", at: "2 March 2026, 9:00am"), submitted: nil, countersigned: nil,
            countersignNote: nil, referral: nil)
        let fields = AssessmentFormView.initialFields(draft, today: SimpleDate(iso: "2026-03-02")!)
        XCTAssertEqual(fields["assessed-day"], "2")
        let html = AssessmentFormView(
            assessment: draft, tool: tool, person: Self.kayla, answers: answers, fields: fields, errors: FormErrors(),
            flash: "saved"
        ).body(csrf: "t").render()
        XCTAssertTrue(html.contains("Draft saved."))
        XCTAssertTrue(html.contains("Draft started 2 March 2026, 9:00am by Sam &lt;Okafor&gt;."))
        XCTAssertFalse(html.contains("following referral"))
        XCTAssertTrue(html.contains("Typed &lt;here&gt;"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.assessment(draft.id).path)\""))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.assessmentDiscard(draft.id).path)\""))
        XCTAssertTrue(html.contains("name=\"evidence.\(question.key)\""))
    }

    func testStartingAnAssessmentOffersTheFittingToolsOrSaysThereAreNone() {
        let none = AssessmentStartView(person: Self.kayla, tools: [], referrals: [], fields: [:], errors: FormErrors())
            .body(csrf: "t").render()
        XCTAssertTrue(none.contains("No assessment tool fits Kayla."))
        XCTAssertFalse(none.contains("<form"))
        let tool = AssessmentStartView.Choice(id: UUID(), label: "Exploitation risk assessment (version 2)")
        let referral = AssessmentStartView.Choice(id: UUID(), label: "MASH-2026-000001, received 3 March 2026")
        let html = AssessmentStartView(
            person: Self.kayla, tools: [tool], referrals: [referral], fields: ["referral": referral.id.uuidString],
            errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(html.contains("Exploitation risk assessment (version 2)"))
        XCTAssertTrue(html.contains("<option value=\"\(referral.id.uuidString)\" selected>"))
        XCTAssertTrue(html.contains("name=\"tool\""))
        XCTAssertFalse(
            AssessmentStartView(person: Self.kayla, tools: [tool], referrals: [], fields: [:], errors: FormErrors())
                .body(csrf: "t").render().contains("name=\"referral\""),
            "no referral question when there is none to follow")
    }

    func testMergingOffersTheLikelyDuplicatesAndUndoingSaysWhatGoesBack() {
        let empty = MergeView(
            person: Self.kayla, candidates: [], form: PeopleController.MergeForm(), errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(empty.contains("The matcher found no likely duplicates of this record."))
        XCTAssertTrue(empty.contains("The other record&#39;s reference"))
        let candidate = MergeView.Candidate(
            id: UUID(), name: "Kayla Smyth", dateOfBirth: "14 June 2018", postcode: "NM4 2AB", nhsNumber: nil,
            probability: 0.93)
        let offered = MergeView(
            person: Self.kayla, candidates: [candidate], form: PeopleController.MergeForm(reason: "<same>"),
            errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(offered.contains("Kayla Smyth, born 14 June 2018, NM4 2AB, 93% likely the same person"))
        XCTAssertTrue(offered.contains("&lt;same&gt;"), "what was typed is shown back as text")
        XCTAssertTrue(offered.contains("Keep this record (Kayla &lt;i&gt;Smith&lt;/i&gt;)"))

        let merge = UndoMergeView.Merge(
            id: UUID(), keptID: UUID(), kept: "Kayla Smith", merged: "Kayla <Smyth>",
            when: "3 March 2026, 2:15pm", by: "Sam Okafor", reason: "Same NHS number")
        let undo = UndoMergeView(merge: merge, reason: "", errors: FormErrors()).body(csrf: "t").render()
        XCTAssertTrue(undo.contains("Undo the merge of Kayla &lt;Smyth&gt; into Kayla Smith"))
        XCTAssertTrue(undo.contains("3 March 2026, 2:15pm by Sam Okafor"))
        XCTAssertTrue(undo.contains("href=\"\(SiteURL.person(merge.keptID).path)\""))
        XCTAssertTrue(undo.contains("action=\"\(SiteURL.personMergeUndo(merge.id).path)\""))
    }
}
