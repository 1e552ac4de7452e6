import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the exploitation panel's pages (referral, overview, meeting, case) are rendered from
/// plain values, with no database and no request.
final class PanelPageViewTests: XCTestCase {
    static let kayla = PersonHeading(id: UUID(), name: "Kayla <i>Smith</i>", firstName: "Kayla")
    static let today = SimpleDate(year: 2026, month: 3, day: 2)!
    static let meeting = PanelMeetingSummary(id: UUID(), day: today, chair: "DI <Sam> Patel")

    static func count(_ text: String, in html: String) -> Int { html.components(separatedBy: text).count - 1 }

    /// Kayla's case: referred on 1 March, then moved to `status`.
    static func kaylaCase(_ status: PanelCaseStatus, actions: [PanelAction] = []) -> PanelCaseView {
        var domain = PanelCase(youngPersonID: kayla.id, referredOn: SimpleDate(year: 2026, month: 3, day: 1)!)
        domain.status = status
        if status != .referred {
            domain.riskLevel = .significant
            domain.leadProfessional = "Aisha <Okoro>, children's social care"
            domain.addedToCohortOn = today
        }
        return PanelCaseView(
            person: kayla,
            referral: .init(
                by: "Test Social worker", agency: "Northmere <Children's> Services",
                reason: "Found in <script>Northgate Park</script> at night"),
            domain: domain, decisions: [], actions: actions, meetings: [meeting], places: [], neighbourhood: nil,
            associateQuery: "", found: [], today: today, fields: [:], errors: FormErrors())
    }

    func testTheReferralFormEscapesWhatWasTypedAndPostsToTheYoungPersonsReferral() {
        var errors = FormErrors()
        errors.add("reason", "Say why the panel should consider Kayla: what has happened, and what worries you")
        let html = PanelReferralView(person: Self.kayla, reason: "Worried <b>a lot</b>", errors: errors)
            .body(csrf: "token-1").render()
        XCTAssertTrue(html.contains("Worried &lt;b&gt;a lot&lt;/b&gt;"), "what was typed is text, never markup")
        XCTAssertFalse(html.contains("<b>a lot</b>"))
        XCTAssertTrue(html.contains("Back to Kayla &lt;i&gt;Smith&lt;/i&gt;"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.person(Self.kayla.id).path)\""))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.personPanelReferral(Self.kayla.id).path)\""))
        XCTAssertTrue(html.contains("Why should the panel consider Kayla?") && html.contains("token-1"))
        XCTAssertTrue(html.contains("There is a problem") && html.contains("what worries you"))
    }

    func testTheOverviewListsReferralsAndTheCohortHighestRiskFirst() {
        typealias Member = PanelOverviewView.Member
        let referral = PanelOverviewView.ToScreen(
            caseID: UUID(), name: "Jay <b>Morgan</b>", agency: "Calder Vale <School>", referredOn: "1 March 2026")
        // A cohort member with `late` actions past their due date and `due` ones still in time.
        func member(_ name: String, _ level: ExploitationRiskLevel?, late: Int = 0, due: Int = 0) -> Member {
            let inTime = PanelAction(description: "Visit", owner: "Police", dueOn: Self.today)
            let past = PanelAction(
                description: "Visit", owner: "Police", dueOn: SimpleDate(year: 2026, month: 2, day: 1)!)
            let actions = Array(repeating: past, count: late) + Array(repeating: inTime, count: due)
            return .init(
                caseID: UUID(), name: name, level: level, leadProfessional: "Aisha <Okoro>",
                lastConsideredOn: Self.today, actions: PanelActionSummary(actions, on: Self.today))
        }
        let moderate = member("Amy Moderate", .moderate)
        let zed = member("Zed Significant", .significant, late: 1, due: 2)
        let ann = member("Ann Significant", .significant)
        let html = PanelOverviewView(
            referrals: [referral], cohort: [moderate, zed, ann], meetings: [Self.meeting], fields: [:],
            errors: FormErrors()
        ).body(csrf: "token-2").render()
        XCTAssertTrue(html.contains("Jay &lt;b&gt;Morgan&lt;/b&gt;") && html.contains("Calder Vale &lt;School&gt;"))
        XCTAssertFalse(html.contains("<b>Morgan</b>"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.panelCase(referral.caseID).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.panelNetwork.path)\""))
        let order = [ann, zed, moderate].map { html.range(of: SiteURL.panelCase($0.caseID).path)!.lowerBound }
        XCTAssertEqual(order, order.sorted(), "highest risk first, then by name")
        XCTAssertTrue(html.contains("3 (1)"), "actions open, and how many of them are overdue")
        XCTAssertTrue(html.contains("Aisha &lt;Okoro&gt;"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.panelMeeting(Self.meeting.id).path)\""))
        XCTAssertTrue(html.contains("DI &lt;Sam&gt; Patel"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.panelMeetings.path)\"") && html.contains("token-2"))

        let empty = PanelOverviewView(referrals: [], cohort: [], meetings: [], fields: [:], errors: FormErrors())
            .body(csrf: "t").render()
        XCTAssertTrue(empty.contains("None waiting.") && empty.contains("Nobody is in the cohort."))
        XCTAssertFalse(empty.contains("Panel meetings, latest first"))
    }

    func testAMeetingShowsItsAgendaBySectionAndWhatItDecidedAndAgreed() {
        let referred = PanelAgendaItem(
            caseID: UUID(), youngPersonID: UUID(), section: .newReferrals, riskLevel: nil, reasons: ["New referral"],
            reviewDueOn: nil, daysReviewOverdue: 0, overdueActions: 0)
        let review = PanelAgendaItem(
            caseID: UUID(), youngPersonID: Self.kayla.id, section: .reviews, riskLevel: .significant,
            reasons: ["Significant risk: reviewed at every meeting", "Overdue actions: 1"], reviewDueOn: nil,
            daysReviewOverdue: 0, overdueActions: 1)
        let html = PanelMeetingView(
            meeting: Self.meeting, agenda: [review, referred],
            names: [referred.caseID: "Jay <b>Morgan</b>", review.caseID: Self.kayla.name],
            decisions: [
                .init(
                    youngPerson: Self.kayla.name, decision: "screen-in", riskLevel: "significant",
                    note: "Older <em>males</em> in the park")
            ],
            actions: [
                .init(
                    youngPerson: Self.kayla.name, details: "Offer a <youth> worker", owner: "Jo Reid",
                    due: "16 March 2026")
            ]
        ).body.render()
        XCTAssertTrue(html.contains("Meeting on 2 March 2026") && html.contains("Chair: DI &lt;Sam&gt; Patel"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.exploitationPanel.path)\""))
        let sections = ["New referrals to screen", "Cohort reviews"].map { html.range(of: $0)!.lowerBound }
        XCTAssertEqual(sections, sections.sorted(), "new referrals come first, whatever order the agenda is in")
        XCTAssertFalse(html.contains("For information"), "an empty section is left out")
        XCTAssertTrue(html.contains("href=\"\(SiteURL.panelCase(referred.caseID).path)\""))
        XCTAssertTrue(html.contains("Jay &lt;b&gt;Morgan&lt;/b&gt;"))
        XCTAssertTrue(html.contains("Significant risk: reviewed at every meeting; Overdue actions: 1"))
        XCTAssertTrue(html.contains("Added to the cohort (significant)"))
        XCTAssertTrue(html.contains("Older &lt;em&gt;males&lt;/em&gt; in the park"))
        XCTAssertTrue(html.contains("Offer a &lt;youth&gt; worker") && html.contains("16 March 2026"))
        XCTAssertFalse(html.contains("<em>") || html.contains("<youth>"))

        let quiet = PanelMeetingView(meeting: Self.meeting, agenda: [], names: [:], decisions: [], actions: [])
            .body.render()
        XCTAssertTrue(quiet.contains("No referral or cohort member to discuss."))
        XCTAssertFalse(quiet.contains("Decisions recorded at this meeting") || quiet.contains("Actions agreed"))
    }

    func testOnlyAnOpenCaseOffersTheFormsToDecideAddActionsAndLink() {
        let referred = Self.kaylaCase(.referred).body(csrf: "token-3").render()
        XCTAssertTrue(referred.contains("Screen the referral") && referred.contains("value=\"screen-in\""))
        XCTAssertFalse(referred.contains("name=\"closure-reason\""), "only a cohort member's case can be closed")
        XCTAssertTrue(referred.contains("Not yet screened") && referred.contains("Not yet named"))
        XCTAssertTrue(
            referred.contains(
                "<option value=\"\(Self.meeting.id.uuidString)\">2 March 2026, chaired by DI &lt;Sam&gt; Patel</option>"
            ))
        XCTAssertTrue(referred.contains("token-3"))

        let cohort = Self.kaylaCase(.cohort)
        let open = cohort.body(csrf: "t").render()
        XCTAssertTrue(open.contains("Review or close") && open.contains("name=\"closure-reason\""))
        XCTAssertTrue(open.contains("value=\"significant\" checked"), "the current level is chosen already")
        XCTAssertTrue(open.contains("Aisha &lt;Okoro&gt;, children&#39;s social care"))
        for url in [
            SiteURL.panelCaseDecisions(cohort.domain.id), .panelCaseActions(cohort.domain.id),
            .panelCasePlaces(cohort.domain.id),
        ] {
            XCTAssertTrue(open.contains("action=\"\(url.path)\""), url.path)
        }

        for status in [PanelCaseStatus.closed, .screenedOut] {
            let finished = Self.kaylaCase(status)
            let html = finished.body(csrf: "t").render()
            XCTAssertTrue(html.contains(status.displayName))
            XCTAssertFalse(html.contains("Record decision"), "\(status): no more decisions")
            XCTAssertFalse(html.contains("Add action"), "\(status): no more actions")
            XCTAssertFalse(html.contains("Link a place") || html.contains("Link a person"), "\(status): no more links")
            XCTAssertFalse(html.contains("action=\"\(SiteURL.panelCaseDecisions(finished.domain.id).path)\""))
        }
    }

    func testOnlyOpenActionsCanBeMarkedDoneAndOverdueOnesSaySo() {
        let late = PanelAction(
            description: "Disruption visit to <14> Mill Lane", owner: "Northmere Police",
            dueOn: SimpleDate(year: 2026, month: 2, day: 20)!)
        let soon = PanelAction(
            description: "Offer a youth worker", owner: "Jo Reid", dueOn: SimpleDate(year: 2026, month: 3, day: 16)!)
        let done = PanelAction(
            description: "Refer to the NRM", owner: "Social care", dueOn: SimpleDate(year: 2026, month: 3, day: 1)!,
            status: .done, completedOn: Self.today)
        let view = Self.kaylaCase(.cohort, actions: [late, soon, done])
        let html = view.body(csrf: "t").render()
        XCTAssertEqual(Self.count("Overdue</strong>", in: html), 1)
        XCTAssertTrue(html.contains("action=\"\(SiteURL.panelAction(late.id).path)\""))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.panelAction(soon.id).path)\""))
        XCTAssertFalse(html.contains(SiteURL.panelAction(done.id).path), "a done action cannot be done again")
        XCTAssertTrue(
            html.contains(": Disruption visit to &lt;14&gt; Mill Lane</span>"), "which action, for a screen reader")
        XCTAssertTrue(html.contains("16 March 2026"))

        let none = Self.kaylaCase(.cohort).body(csrf: "t").render()
        XCTAssertTrue(none.contains("No actions agreed yet."))
    }

    func testTheCaseEscapesWhatWasTypedAndOffersThePeopleFound() {
        var view = Self.kaylaCase(.cohort)
        view.decisions = [
            .init(
                decidedOn: "2 March 2026", decision: "review", riskLevel: "moderate", note: "Engaging <b>well</b>",
                by: "Sam <Okafor>")
        ]
        view.places = [.init(id: UUID(), label: "Northgate <Park>")]
        let dean = PanelCaseView.Choice(id: UUID(), label: "Dean <Walker>, born 2 September 1990")
        view.found = [dean]
        view.associateQuery = "Walker"
        let html = view.body(csrf: "t").render()
        XCTAssertTrue(html.contains("Found in &lt;script&gt;Northgate Park&lt;/script&gt; at night"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("1 March 2026 by Test Social worker, Northmere &lt;Children&#39;s&gt; Services"))
        XCTAssertTrue(html.contains("Reviewed (moderate)") && html.contains("Engaging &lt;b&gt;well&lt;/b&gt;"))
        XCTAssertTrue(html.contains("Sam &lt;Okafor&gt;"))
        XCTAssertTrue(html.contains("Kayla&#39;s record, assessments and missing episodes"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.person(Self.kayla.id).path)\""))
        XCTAssertTrue(html.contains("Northgate &lt;Park&gt;"))
        XCTAssertTrue(html.contains("Dean &lt;Walker&gt;, born 2 September 1990"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.panelCaseAssociates(view.domain.id).path)\""))
        XCTAssertTrue(html.contains("No place or person linked to Kayla yet."))

        view.found = []
        view.associateQuery = "Zed <x>"
        let nobody = view.body(csrf: "t").render()
        XCTAssertTrue(nobody.contains("Nobody found called \u{201C}Zed &lt;x&gt;\u{201D}"))
        XCTAssertFalse(nobody.contains("action=\"\(SiteURL.panelCaseAssociates(view.domain.id).path)\""))
    }
}
