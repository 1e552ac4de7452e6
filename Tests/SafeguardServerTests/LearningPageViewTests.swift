import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the learning-from-reviews pages (professional disagreements, SAR referrals, the action plan,
/// serious incidents and rapid reviews) are rendered from plain values, with no database and no request.
final class LearningPageViewTests: XCTestCase {
    static let calendar = try! WorkingCalendar(holidays: [:])
    static let today = SimpleDate(iso: "2026-03-02")!

    static func count(_ text: String, in html: String) -> Int { html.components(separatedBy: text).count - 1 }
    static func action(_ url: SiteURL) -> String { "action=\"\(url.path)\"" }
    static func href(_ url: SiteURL) -> String { "href=\"\(url.path)\"" }

    static let adult = PersonSnapshot(
        name: "Dorothy <b>Hale</b>", dateOfBirth: SimpleDate(iso: "1941-05-04"), gender: "Female",
        ethnicity: "White British", disability: nil, address: "2 Weir Lane, Calder Vale", legalStatus: [],
        agencies: ["Northmere Adult Social Care"], openReferrals: [], plans: [])

    // MARK: Professional disagreements

    func testTheDisagreementFormOffersTheOtherAgenciesAndNamesTheFirstStage() {
        let health = DisagreementFormView.Choice(id: UUID(), label: "Calder <Vale> Health")
        let html = DisagreementFormView(
            agencies: [health], ladder: .standard,
            fields: ["other-agency": health.id.uuidString, "summary": "<i>x</i>"],
            errors: FormErrors()
        ).body(csrf: "token-1").render()
        XCTAssertTrue(html.contains(Self.action(.disagreementNew)))
        XCTAssertTrue(html.contains("token-1"))
        XCTAssertTrue(html.contains("<option value=\"\(health.id.uuidString)\" selected>Calder &lt;Vale&gt; Health"))
        XCTAssertTrue(html.contains("&lt;i&gt;x&lt;/i&gt;"), "what was typed comes back as text")
        XCTAssertFalse(html.contains("<i>x</i>"))
        XCTAssertTrue(html.contains("the first stage, practitioner to practitioner, has 2 working days"))
        for name in ["other-agency", "case-reference", "theme", "summary", "resolution"] {
            XCTAssertTrue(html.contains("name=\"\(name)\""), name)
        }
    }

    static func disagreementPage(
        stage: Int, mayRecord: Bool, banner: String? = nil
    ) -> (DisagreementPage, String) {
        let ladder = EscalationLadder.standard
        let day = SimpleDate(iso: "2026-02-23")!
        let steps = (0...stage).map { s in
            DisagreementStep(
                stage: s, startedOn: day, dueOn: SimpleDate(iso: "2026-02-25")!,
                endedOn: s < stage ? day : nil, outcome: s < stage ? "Talked, <no> agreement" : nil,
                resolved: false, recordedBy: s < stage ? "Sam Okafor" : nil)
        }
        let record = DisagreementPage.Record(
            id: UUID(), reference: "PD-2026-0001", raisedAgency: "Northmere Police", otherAgency: "Calder Health",
            caseReference: "MASH-2026-0007", theme: DisagreementTheme.allCases[0],
            summary: "Police think <script>the child</script> is at risk", resolution: "A strategy discussion",
            raisedBy: "Sam Okafor")
        let listing = DisagreementListing(
            id: record.id, reference: record.reference, agencies: "Northmere Police with Calder Health",
            caseReference: record.caseReference, theme: record.theme,
            stage: "Stage \(stage + 1) of 4, \(ladder.stages[stage].name.lowercased())",
            due: "due by 25 February 2026 (overdue by 3 working days)", rag: .red, resolved: false)
        let page = DisagreementPage(
            record: record, disagreement: ProfessionalDisagreement(steps: steps, ladder: ladder), listing: listing,
            mayRecord: mayRecord, fields: [:], errors: FormErrors(), banner: banner)
        return (page, page.body(csrf: "token-2").render())
    }

    func testADisagreementOffersTheOutcomeFormOnlyToWhoseStageItIs() {
        let (page, html) = Self.disagreementPage(stage: 1, mayRecord: true, banner: "Recorded.")
        XCTAssertTrue(html.contains("Police think &lt;script&gt;the child&lt;/script&gt; is at risk"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("Talked, &lt;no&gt; agreement (not resolved, Sam Okafor, 23 February 2026)"))
        XCTAssertTrue(html.contains("Sam Okafor, Northmere Police"))
        XCTAssertTrue(html.contains(Self.href(.disagreements)))
        XCTAssertTrue(html.contains("Recorded."))
        XCTAssertTrue(html.contains(Self.action(.disagreementOutcome(page.record.id))))
        XCTAssertTrue(html.contains("Record the outcome of stage 2: manager to manager"))
        XCTAssertTrue(html.contains("No, take it to senior manager or safeguarding lead"))
        XCTAssertTrue(html.contains("token-2"))

        let (_, other) = Self.disagreementPage(stage: 1, mayRecord: false)
        XCTAssertFalse(other.contains("<form"), "the form is only for whoever's stage it is")
        XCTAssertTrue(other.contains("Stage 2 of 4, manager to manager"))

        let (_, last) = Self.disagreementPage(stage: 3, mayRecord: true)
        XCTAssertTrue(last.contains("Yes: the chair&#39;s decision is final"))
        XCTAssertFalse(last.contains("No, take it to"), "the partnership chair's stage is the last")
    }

    // MARK: Safeguarding Adults Review referrals

    func testTheSARListLinksEachReferralAndSaysWhatThePanelDecided() {
        let waiting = SARListView.Row(
            id: UUID(), reference: "SAR-2026-0001", name: "Dorothy <b>Hale</b>",
            raisedAt: Date(timeIntervalSince1970: 0),
            agency: "Northmere Adult Social Care", decision: nil)
        var decided = waiting
        decided.id = UUID()
        decided.reference = "SAR-2026-0002"
        decided.decision = .discretionary
        let html = SARListView(rows: [waiting, decided]).body.render()
        XCTAssertTrue(html.contains(Self.href(.sar(waiting.id))))
        XCTAssertTrue(html.contains(Self.href(.sar(decided.id))))
        XCTAssertTrue(html.contains("Dorothy &lt;b&gt;Hale&lt;/b&gt;"))
        XCTAssertEqual(Self.count("Awaiting the panel", in: html), 1)
        XCTAssertTrue(html.contains(SARDecision.discretionary.displayName))
        XCTAssertTrue(SARListView(rows: []).body.render().contains("No referrals."))
    }

    static func sarPage(
        _ referral: SARReferral, mayDecide: Bool = false, mayCommission: Bool = false, practiceReview: UUID? = nil
    ) -> (SARPage, String) {
        let page = SARPage(
            id: UUID(), reference: "SAR-2026-0001", snapshot: adult,
            raisedBy: "Priya Shah, Northmere Adult Social Care",
            raisedAt: Date(timeIntervalSince1970: 1_772_445_600), referral: referral, decidedBy: "Sam Okafor",
            mayDecide: mayDecide, mayCommission: mayCommission, practiceReview: practiceReview,
            fields: ["title": "Adult <D>"], errors: FormErrors(), banner: nil, summaries: nil)
        return (page, page.body(csrf: "token-3").render())
    }

    func testASARReferralOffersTheS44TestOnlyToThePanel() {
        let referral = SARReferral(whatHappened: "Found after <three> days")
        let (page, panel) = Self.sarPage(referral, mayDecide: true)
        XCTAssertTrue(panel.contains("Found after &lt;three&gt; days"))
        XCTAssertTrue(panel.contains("Dorothy &lt;b&gt;Hale&lt;/b&gt;"))
        XCTAssertTrue(panel.contains(Self.href(.sars)))
        XCTAssertTrue(panel.contains(Self.action(.sarDecision(page.id))))
        for c in S44Criterion.allCases {
            XCTAssertTrue(panel.contains("name=\"\(c.rawValue)\""), c.rawValue)
            XCTAssertTrue(panel.contains("name=\"\(c.rawValue)-note\""), c.rawValue)
        }
        XCTAssertTrue(panel.contains("name=\"decision\"") && panel.contains("token-3"))

        let (_, reader) = Self.sarPage(referral, mayDecide: false)
        XCTAssertFalse(reader.contains("<form"), "only the panel tests it")
        XCTAssertTrue(reader.contains("Awaiting the panel"))
    }

    func testADecidedSARLinksItsReviewOrOffersToCommissionIt() {
        let answers = Dictionary(
            uniqueKeysWithValues: S44Criterion.allCases.map { ($0, S44Answer(met: true, note: "From the records")) })
        let referral = SARReferral(
            whatHappened: "Found after three days", answers: answers, decision: .mandatory, reasons: "All four are met",
            decidedOn: Self.today)
        let (page, commissioner) = Self.sarPage(referral, mayCommission: true)
        XCTAssertTrue(commissioner.contains(Self.action(.sarCommission(page.id))))
        XCTAssertTrue(commissioner.contains("value=\"Adult &lt;D&gt;\""), "the typed title comes back escaped")
        XCTAssertTrue(commissioner.contains("2 March 2026 by Sam Okafor"))
        XCTAssertFalse(commissioner.contains(Self.action(.sarDecision(page.id))), "decided once")

        let (_, reader) = Self.sarPage(referral, mayCommission: false)
        XCTAssertFalse(reader.contains("Commission the review"))

        let review = UUID()
        let (_, commissioned) = Self.sarPage(referral, mayCommission: true, practiceReview: review)
        XCTAssertTrue(commissioned.contains(Self.href(.practiceReview(review))))
        XCTAssertFalse(commissioned.contains("Commission the review"), "commissioned once")

        let none = SARReferral(
            whatHappened: "Found after three days", answers: answers, decision: .noReview, reasons: "Not met",
            decidedOn: Self.today)
        XCTAssertFalse(Self.sarPage(none, mayCommission: true).1.contains("Commission the review"))
    }

    // MARK: The action plan

    static func entry(
        _ id: UUID = UUID(), status: ActionStatus = .notStarted, evidence: [ActionEvidence] = []
    )
        -> ActionPlanEntry
    {
        ActionPlanEntry(
            id: id.uuidString, source: "Baby M (LCSPR-2026-0001)", sourceReference: "LCSPR-2026-0001",
            recommendation: "Share <strategy> minutes", recommendationStatus: .open, agency: "Northmere Police",
            owner: "Sam Okafor",
            action: PlanAction(
                description: "Audit <20> records", impactMeasure: "Minutes shared in 9 of 10", dueOn: today,
                status: status, evidence: evidence))
    }

    func testTheActionPlanLinksEachActionAndFiltersOnlyWhatTheViewerMaySee() {
        let e = Self.entry()
        func plan(wholePlan: Bool, mayManage: Bool) -> String {
            ActionPlanView(
                entries: [e], agencies: ["Northmere Police"], sources: [(key: e.sourceReference, value: e.source)],
                filter: ActionPlanFilter(agency: "Northmere Police", overdueOnly: true), today: Self.today,
                calendar: Self.calendar, mayManage: mayManage, wholePlan: wholePlan
            ).body.render()
        }
        let whole = plan(wholePlan: true, mayManage: true)
        XCTAssertTrue(whole.contains(Self.href(.planAction(UUID(uuidString: e.id)!))))
        XCTAssertTrue(whole.contains("Audit &lt;20&gt; records"))
        XCTAssertTrue(whole.contains(Self.href(.recommendationNew)))
        XCTAssertTrue(whole.contains(Self.action(.actionPlan)))
        XCTAssertTrue(whole.contains("name=\"agency\""))
        let csv = SiteURL.actionPlanCSV.with(query: [("agency", "Northmere Police"), ("overdue", "yes")])
        XCTAssertTrue(whole.contains("href=\"\(csv.replacingOccurrences(of: "&", with: "&amp;"))\""))

        let agency = plan(wholePlan: false, mayManage: false)
        XCTAssertFalse(agency.contains("name=\"agency\""), "an agency sees only its own actions")
        XCTAssertFalse(agency.contains("Add a recommendation"))
    }

    func testARecommendationOffersActionsAndClosingOnlyToTheBusinessUnitWhileOpen() {
        let owner = RecommendationView.Owner(id: UUID(), label: "Sam Okafor – Northmere <Police>")
        func page(_ r: Recommendation, mayManage: Bool) -> (RecommendationView, String) {
            let view = RecommendationView(
                id: UUID(), source: "Baby M (LCSPR-2026-0001)", recommendation: r, actions: [Self.entry()],
                owners: mayManage ? [owner] : [], mayManage: mayManage, today: Self.today, calendar: Self.calendar,
                fields: ["owner": owner.id.uuidString], errors: FormErrors(), banner: nil)
            return (view, view.body(csrf: "token-4").render())
        }
        let open = Recommendation(finding: "Minutes <not> shared", text: "Share them")
        let (view, html) = page(open, mayManage: true)
        XCTAssertTrue(html.contains("Minutes &lt;not&gt; shared"))
        XCTAssertTrue(html.contains(Self.href(.actionPlan)))
        XCTAssertTrue(html.contains(Self.action(.recommendationActions(view.id))))
        XCTAssertTrue(html.contains(Self.action(.recommendationClose(view.id))))
        XCTAssertTrue(
            html.contains("<option value=\"\(owner.id.uuidString)\" selected>Sam Okafor – Northmere &lt;Police&gt;"))

        XCTAssertFalse(page(open, mayManage: false).1.contains("<form"), "only the business unit adds or closes")
        let closed = Recommendation(
            finding: "Minutes not shared", text: "Share them", status: .notImplemented, notImplementedReason: "Gone")
        XCTAssertFalse(page(closed, mayManage: true).1.contains("<form"), "a closed recommendation takes no actions")
    }

    func testAnActionNamesItsEvidenceFilesAndOffersEachFormToWhoMayUseIt() {
        let id = UUID()
        let fileID = UUID()
        let evidence = ActionEvidence(
            text: "Audit <done>", addedOn: Self.today, addedBy: "Sam Okafor", files: [fileID.uuidString])
        func page(
            status: ActionStatus, mayUpdate: Bool = false, maySignOff: Bool = false, mayChase: Bool = false,
            wholePlan: Bool = true
        ) -> String {
            PlanActionView(
                id: id, entry: Self.entry(id, status: status, evidence: [evidence]), recommendationID: UUID(),
                files: [fileID: .init(name: "audit <March>.pdf", size: 2_048)], chasedAt: nil, mayUpdate: mayUpdate,
                maySignOff: maySignOff, mayChase: mayChase, wholePlan: wholePlan, today: Self.today,
                calendar: Self.calendar, fields: [:], errors: FormErrors(), banner: nil
            ).body(csrf: "token-5").render()
        }
        let owner = page(status: .onTrack, mayUpdate: true)
        XCTAssertTrue(owner.contains("Audit &lt;done&gt; (Sam Okafor, 2 March 2026)"))
        XCTAssertTrue(owner.contains(Self.href(.evidenceFile(fileID))))
        XCTAssertTrue(owner.contains("audit &lt;March&gt;.pdf (2 KB)"))
        for url in [SiteURL.planActionProgress(id), .planActionEvidence(id), .planActionComplete(id)] {
            XCTAssertTrue(owner.contains(Self.action(url)), url.path)
        }
        XCTAssertFalse(owner.contains(Self.action(.planActionSignOff(id))))
        XCTAssertFalse(owner.contains(Self.action(.planActionChase(id))))

        let reader = page(status: .onTrack, wholePlan: false)
        XCTAssertFalse(reader.contains("<form"))
        XCTAssertTrue(reader.contains(Self.href(.actionPlan)), "an agency goes back to its own plan")

        let subGroup = page(status: .completed, maySignOff: true, mayChase: true)
        XCTAssertTrue(subGroup.contains(Self.action(.planActionSignOff(id))))
        XCTAssertFalse(subGroup.contains(Self.action(.planActionChase(id))), "no one is chased for a finished action")
        XCTAssertFalse(page(status: .onTrack, maySignOff: true).contains("sign-off-heading"), "signed off once done")
        XCTAssertTrue(page(status: .atRisk, mayChase: true).contains(Self.action(.planActionChase(id))))
    }

    // MARK: Serious incidents and rapid reviews

    static let child = PersonSnapshot(
        name: "Baby <M>", dateOfBirth: SimpleDate(iso: "2025-11-02"), gender: "Male", ethnicity: "Not known",
        disability: nil, address: nil, legalStatus: [.lookedAfter], agencies: [], openReferrals: [], plans: [])

    static func incidentPage(_ n: SeriousIncidentNotification, mayManage: Bool) -> (SeriousIncidentPage, String) {
        let page = SeriousIncidentPage(
            id: UUID(), reference: "SIN-2026-0001", notification: n, raisedBy: "Priya Shah, Northmere Police",
            raisedAt: Date(timeIntervalSince1970: 1_772_445_600), nextStep: "Notify the national panel by 9 March 2026",
            rag: .amber, notifier: nil, mayManage: mayManage, fields: SeriousIncidentPage.fields(n),
            errors: FormErrors(), banner: nil)
        return (page, page.body(csrf: "token-6").render())
    }

    func testASeriousIncidentOffersTheBusinessUnitsFormsOnlyWhileRaised() {
        var raised = SeriousIncidentNotification(
            child: Self.child, reason: .death, incidentOn: Self.today, whatHappened: "Found <unresponsive>")
        raised.place = "At \"home\""
        let (page, unit) = Self.incidentPage(raised, mayManage: true)
        XCTAssertTrue(unit.contains("Found &lt;unresponsive&gt;"))
        XCTAssertTrue(unit.contains("Baby &lt;M&gt;"))
        XCTAssertTrue(unit.contains("value=\"At &quot;home&quot;\""), "the form starts from what the notification says")
        XCTAssertTrue(unit.contains("report it to the Secretary of State and Ofsted too"))
        XCTAssertTrue(unit.contains(Self.href(.seriousIncidents)))
        XCTAssertTrue(unit.contains(Self.href(.seriousIncidentJSON(page.id))))
        for url in [
            SiteURL.seriousIncidentComplete(page.id), .seriousIncidentNotified(page.id), .seriousIncidentClose(page.id),
        ] {
            XCTAssertTrue(unit.contains(Self.action(url)), url.path)
        }
        XCTAssertFalse(unit.contains(Self.href(.rapidReview(page.id))), "no rapid review before the panel is told")

        XCTAssertFalse(Self.incidentPage(raised, mayManage: false).1.contains("<form"))
        let notified = SeriousIncidentNotification.stored(
            raised, status: .notified, notifiedOn: Self.today, lateReason: "", notNotifiableReason: "")
        let (sent, html) = Self.incidentPage(notified, mayManage: true)
        XCTAssertFalse(html.contains("<form"), "a notification sent can no longer be changed")
        XCTAssertTrue(html.contains(Self.href(.rapidReview(sent.id))))
    }

    func testARapidReviewOffersEachFormOnlyToWhoMayUseIt() {
        let incident = RapidReviewPage.Incident(id: UUID(), reference: "SIN-2026-0001", child: "Baby <M>")
        func page(_ r: RapidReview, mayManage: Bool, partner: StatutoryPartner?) -> String {
            RapidReviewPage(
                incident: incident, review: r, due: SimpleDate(iso: "2026-03-20")!, mayManage: mayManage,
                partner: partner, today: Self.today, calendar: Self.calendar, fields: [:], errors: FormErrors()
            ).body(csrf: "token-7").render()
        }
        let first = RapidReviewSection.allCases[0]
        let drafting = RapidReview(sections: [first: "Seen by <three> agencies"])
        let unit = page(drafting, mayManage: true, partner: nil)
        XCTAssertTrue(unit.contains("Baby &lt;M&gt;"))
        XCTAssertTrue(unit.contains("Seen by &lt;three&gt; agencies"))
        XCTAssertTrue(unit.contains(Self.href(.seriousIncident(incident.id))))
        XCTAssertTrue(unit.contains(Self.action(.rapidReviewStep(incident.id, "sections"))))
        XCTAssertTrue(unit.contains("formaction=\"\(SiteURL.rapidReviewStep(incident.id, "decision").path)\""))

        let reader = page(drafting, mayManage: false, partner: .police)
        XCTAssertFalse(reader.contains("<form"), "no decision yet for a partner to agree")
        XCTAssertTrue(reader.contains("Seen by &lt;three&gt; agencies"))

        let decided = RapidReview(
            sections: [first: "Seen"], decision: RapidReviewDecision.allCases[0], rationale: "Why")
        let police = page(decided, mayManage: false, partner: .police)
        XCTAssertTrue(police.contains(Self.action(.rapidReviewStep(incident.id, "agreement"))))
        XCTAssertTrue(police.contains("Does the police agree the decision?"))
        XCTAssertFalse(page(decided, mayManage: false, partner: nil).contains("<form"))
    }
}
