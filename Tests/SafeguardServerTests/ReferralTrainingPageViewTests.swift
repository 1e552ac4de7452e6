import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the referral and training pages rendered from plain values, with no database and no request.
final class ReferralTrainingPageViewTests: XCTestCase {
    // MARK: Referral sent

    func testTheSentReferralGivesItsReferenceAndWhenTheMASHWillDecide() {
        let html = ReferralSentView(
            reference: "MASH-2026-000001", outOfHours: false, opens: nil, outOfHoursContact: nil,
            decisionDue: "4 March 2026, 2:15pm"
        ).body.render()
        XCTAssertTrue(html.contains(#"<strong id="reference">MASH-2026-000001</strong>"#))
        XCTAssertTrue(html.contains("The MASH will decide how to respond by 4 March 2026, 2:15pm."))
        XCTAssertTrue(html.contains(#"href="\#(SiteURL.referrals.path)""#))
        XCTAssertFalse(html.contains("out-of-hours"), "in hours there is no one else to call")
    }

    func testOutOfHoursTheReferrerIsToldWhomToCallNow() {
        let withNumber = ReferralSentView(
            reference: "MASH-2026-000001", outOfHours: true, opens: "9 March 2026, 8:30am",
            outOfHoursContact: "0300 <123> 4567", decisionDue: nil
        ).body.render()
        XCTAssertTrue(withNumber.contains(#"id="out-of-hours""#))
        XCTAssertTrue(withNumber.contains("The MASH is closed until 9 March 2026, 8:30am."))
        XCTAssertTrue(withNumber.contains("call 0300 &lt;123&gt; 4567 now and quote MASH-2026-000001."))
        XCTAssertFalse(withNumber.contains("The MASH will decide how to respond by"))

        let withoutNumber = ReferralSentView(
            reference: "MASH-2026-000001", outOfHours: true, opens: nil, outOfHoursContact: nil, decisionDue: nil
        ).body.render()
        XCTAssertTrue(withoutNumber.contains("The MASH is closed until it next opens."))
        XCTAssertTrue(withoutNumber.contains("your safeguarding lead has it"))
        XCTAssertTrue(withoutNumber.contains("If a child is in immediate danger, call 999."))
    }

    // MARK: Strategy discussion form

    static let police = StrategyDiscussionFormView.AgencyOption(id: UUID(), name: "Northmere Police")
    static let health = StrategyDiscussionFormView.AgencyOption(id: UUID(), name: "Calder <Health>")

    func testTheStrategyDiscussionFormPostsToItsReferralAndKeepsWhatWasTyped() {
        let referralID = UUID()
        var errors = FormErrors()
        errors.add("agencies", "Select the agencies that took part")
        let html = StrategyDiscussionFormView(
            referralID: referralID, reference: "MASH-2026-000003", agencies: [Self.police, Self.health],
            fields: ["attendees": "<b>Jo</b>, social worker", "held-day": "27", "held-time": "14:30"],
            chosen: [Self.health.id], errors: errors
        ).body(csrf: "token-1").render()
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.referralStrategyDiscussion(referralID).path)""#))
        XCTAssertTrue(html.contains(#"href="\#(SiteURL.referral(referralID).path)""#))
        XCTAssertTrue(html.contains("Back to MASH-2026-000003"))
        XCTAssertTrue(html.contains("token-1"))
        XCTAssertTrue(html.contains("&lt;b&gt;Jo&lt;/b&gt;, social worker"), "typed text is text, never markup")
        XCTAssertFalse(html.contains("<b>Jo</b>"))
        XCTAssertTrue(html.contains(#"name="held-day" type="text" inputmode="numeric" value="27""#))
        XCTAssertTrue(html.contains(#"name="held-time" type="text" value="14:30""#))
        for field in ["held-month", "held-year", "information-shared", "section47", "decisions", "actions"] {
            XCTAssertTrue(html.contains(#"name="\#(field)""#), field)
        }
        XCTAssertTrue(html.contains(##"<a href="#agencies">Select the agencies that took part</a>"##))
        XCTAssertTrue(html.contains("sg-form-group sg-form-group--error"))
        XCTAssertTrue(html.contains("Calder &lt;Health&gt;"))
    }

    func testOnlyTheChosenAgenciesAreTickedAndTheFirstBoxTakesTheFieldsId() {
        let html = StrategyDiscussionFormView(
            referralID: UUID(), reference: "MASH-2026-000003", agencies: [Self.police, Self.health], fields: [:],
            chosen: [Self.health.id], errors: FormErrors()
        ).body(csrf: "t").render()
        XCTAssertTrue(
            html.contains(#"id="agencies" name="agencies[]" type="checkbox" value="\#(Self.police.id)">"#),
            "the error summary links to the first box; the police box is not ticked")
        XCTAssertTrue(
            html.contains(
                #"id="agency-\#(Self.health.id)" name="agencies[]" type="checkbox" value="\#(Self.health.id)" checked"#
            ))
        XCTAssertFalse(html.contains("There is a problem"))
    }

    // MARK: Strategy discussion report

    static func month(_ name: String, held: Int) -> StrategyDiscussionReportView.Row {
        .init(
            month: name, held: held, withinTarget: held == 0 ? "–" : "\(held) (100%)",
            medianWorkingDays: held == 0 ? "–" : "1", allStatutoryPartners: held, section47: 0)
    }

    func testTheReportSaysWhenNoDiscussionWasHeld() {
        let html = StrategyDiscussionReportView(
            since: "1 March 2025", targetWorkingDays: 1, districts: [], selectedDistrict: "",
            rows: [Self.month("All months", held: 0)], late: []
        ).body.render()
        XCTAssertTrue(html.contains("Discussions held since 1 March 2025"))
        XCTAssertTrue(html.contains("target is 1 working day."))
        XCTAssertTrue(html.contains("No strategy discussion was held in this period."))
        XCTAssertFalse(html.contains("Every discussion in this period was held within the target."))
        XCTAssertFalse(html.contains("Held later than the target"))
    }

    func testTheReportListsLateDiscussionsWithLinksOrSaysAllWereOnTime() {
        let district = StrategyDiscussionReportView.DistrictOption(id: UUID(), name: "Calder <Vale>")
        let late = StrategyDiscussionReportView.Late(
            referralID: UUID(), reference: "MASH-2026-000004", referred: "2 March 2026", held: "9 March 2026",
            workingDays: 5)
        let rows = [Self.month("March 2026", held: 2), Self.month("All months", held: 2)]
        let html = StrategyDiscussionReportView(
            since: "1 March 2025", targetWorkingDays: 3, districts: [district],
            selectedDistrict: district.id.uuidString, rows: rows, late: [late]
        ).body.render()
        XCTAssertTrue(html.contains("target is 3 working days."))
        XCTAssertTrue(html.contains(#"<td class="sg-table__cell" data-label="Month">March 2026</td>"#))
        XCTAssertTrue(html.contains(#"data-label="Within target">2 (100%)</td>"#))
        XCTAssertTrue(html.contains("Held later than the target"))
        XCTAssertTrue(html.contains(#"href="\#(SiteURL.referral(late.referralID).path)""#))
        XCTAssertTrue(html.contains("MASH-2026-000004"))
        XCTAssertTrue(html.contains(#"<option value="\#(district.id)" selected>Calder &lt;Vale&gt;</option>"#))
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.strategyDiscussionReport.path)""#))

        let onTime = StrategyDiscussionReportView(
            since: "1 March 2025", targetWorkingDays: 3, districts: [district], selectedDistrict: "", rows: rows,
            late: []
        ).body.render()
        XCTAssertTrue(onTime.contains("Every discussion in this period was held within the target."))
        XCTAssertTrue(onTime.contains(#"<option value="" selected>All districts</option>"#))
    }

    // MARK: Information request

    static func request(given: String? = nil, overdue: Bool = false, answer: String = "") -> InformationRequestView {
        InformationRequestView(
            id: UUID(), reference: "MASH-2026-000005", rag: .amber, due: "5 March 2026, 5:00pm", overdue: overdue,
            subjects: [
                RequestSubject(
                    name: "Kayla <Smyth>", born: "1 May 2015", nhsNumber: "943 476 5919", referredAs: "Kayla Smith",
                    linked: true, address: "12 Mill Court, NM1 4AB",
                    household: [.init(name: "Dean Smyth", born: "2 June 1990")])
            ],
            address: "12 Mill Court, Northmere", given: given, answer: answer, errors: FormErrors())
    }

    func testAnOpenRequestAsksForTheAnswerAndShowsWhomToSearchFor() {
        let view = Self.request(answer: "Known to <b>us</b>")
        let html = view.body(csrf: "token-2").render()
        XCTAssertTrue(html.contains("Due by 5 March 2026, 5:00pm"))
        XCTAssertFalse(html.contains("Overdue"))
        XCTAssertTrue(html.contains("Kayla &lt;Smyth&gt;"))
        XCTAssertTrue(html.contains("943 476 5919") && html.contains("Dean Smyth, born 2 June 1990"))
        XCTAssertTrue(html.contains("Referred as") && html.contains("Checked against our records by the MASH"))
        XCTAssertTrue(html.contains("12 Mill Court, Northmere"))
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.informationRequest(view.id).path)""#))
        XCTAssertTrue(html.contains(#"name="answer""#) && html.contains("token-2"))
        XCTAssertTrue(html.contains("Known to &lt;b&gt;us&lt;/b&gt;</textarea>"))
        XCTAssertFalse(html.contains("Your agency&#39;s answer"))
    }

    func testAnAnsweredRequestShowsTheAnswerAndNoForm() {
        let html = Self.request(given: "Not known to <i>us</i>", overdue: true).body(csrf: "t").render()
        XCTAssertTrue(html.contains("Overdue: was due 5 March 2026, 5:00pm"))
        XCTAssertTrue(html.contains("Your agency&#39;s answer"))
        XCTAssertTrue(html.contains("Not known to &lt;i&gt;us&lt;/i&gt;"))
        XCTAssertFalse(html.contains(#"name="answer""#))
        XCTAssertFalse(html.contains("Send answer to the MASH"))
    }

    // MARK: Training registration

    func testTheRegistrationFormKeepsWhatWasTypedAndLinksEachError() {
        var errors = FormErrors()
        errors.add("key", "This registration key is not recognised")
        let html = RegistrationView(
            fields: ["key": "NMCS-7K3Q", "name": "Jo <Bloggs>", "email": "jo@example.org.uk"], errors: errors
        ).body(csrf: "token-3").render()
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.register.path)""#) && html.contains("token-3"))
        XCTAssertTrue(html.contains(#"name="key" type="text" value="NMCS-7K3Q""#))
        XCTAssertTrue(html.contains(#"value="Jo &lt;Bloggs&gt;""#))
        XCTAssertTrue(html.contains(#"name="email" type="email" value="jo@example.org.uk""#))
        XCTAssertTrue(html.contains(#"name="password" type="password" value="""#))
        XCTAssertTrue(html.contains(#"name="confirm-password" type="password" value="""#))
        XCTAssertTrue(html.contains(##"<a href="#key">This registration key is not recognised</a>"##))
        XCTAssertFalse(
            RegistrationView(fields: [:], errors: FormErrors()).body(csrf: "t").render().contains("There is a problem"))
    }

    // MARK: Registration keys

    func testLiveKeysCanBeRevokedAndRevokedKeysAreListedOnlyWhenThereAreSome() {
        let live = RegistrationKeysView.Key(
            id: UUID(), agency: "Calder <Vale> Primary", code: "CVPS-7K3Q-9PXD", issued: "1 March 2026",
            revoked: nil, accounts: 4)
        let agency = RegistrationKeysView.AgencyOption(id: UUID(), name: "Northmere Police")
        let html = RegistrationKeysView(
            keys: [live], agencies: [agency], errors: FormErrors(), selected: agency.id.uuidString,
            banner: nil
        ).body(csrf: "token-4").render()
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.adminRegistrationKeyRevoke(live.id).path)""#))
        XCTAssertTrue(html.contains(" key CVPS-7K3Q-9PXD for Calder &lt;Vale&gt; Primary"))
        XCTAssertTrue(html.contains(#"data-label="Issued">1 March 2026</td>"#))
        XCTAssertTrue(html.contains(#"data-label="Accounts">4</td>"#))
        XCTAssertTrue(html.contains(#"<option value="\#(agency.id)" selected>Northmere Police</option>"#))
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.adminRegistrationKeys.path)""#))
        XCTAssertFalse(html.contains("Revoked keys"))
        XCTAssertFalse(html.contains("sg-notification-banner"))

        var old = live
        old.id = UUID()
        old.code = "CVPS-OLD1-OLD2"
        old.revoked = "2 March 2026"
        let withRevoked = RegistrationKeysView(
            keys: [live, old], agencies: [agency], errors: FormErrors(), selected: "",
            banner: TrainingFlash.keyRevoked.message
        ).body(csrf: "t").render()
        XCTAssertTrue(withRevoked.contains("Revoked keys"))
        XCTAssertTrue(withRevoked.contains(#"data-label="Revoked">2 March 2026</td>"#))
        XCTAssertFalse(
            withRevoked.contains(SiteURL.adminRegistrationKeyRevoke(old.id).path),
            "a revoked key has nothing to revoke")
        XCTAssertTrue(withRevoked.contains("sg-notification-banner"))
        XCTAssertTrue(withRevoked.contains(Node.escape(TrainingFlash.keyRevoked.message)))
    }

    // MARK: Agency training

    func testTheAgencysTrainingNamesPeopleAndThePeriod() {
        let period = SimpleDate(year: 2026, month: 1, day: 1)!...SimpleDate(year: 2026, month: 3, day: 31)!
        let html = AgencyTrainingView(
            agencyName: "Calder <Vale> Primary", period: period,
            upcoming: [.init(name: "Jo Bloggs", course: "Safeguarding basics", date: "9 April 2026", status: .booked)],
            done: [.init(name: "Sam <Okafor>", course: "Neglect", date: "3 March 2026", status: .noShow)],
            errors: FormErrors()
        ).body.render()
        XCTAssertTrue(html.contains(#"<span class="sg-caption-l">Calder &lt;Vale&gt; Primary</span>"#))
        XCTAssertTrue(html.contains("Attended, did not attend or cancelled late, 1 January 2026 to 31 March 2026"))
        XCTAssertTrue(html.contains("Jo Bloggs") && html.contains("9 April 2026"))
        XCTAssertTrue(html.contains("Sam &lt;Okafor&gt;"))
        XCTAssertTrue(html.contains(TrainingBookingStatus.noShow.displayName))
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.trainingAgency.path)""#))
        XCTAssertTrue(html.contains(#"name="from-day" type="text" inputmode="numeric" value="1""#))
        XCTAssertFalse(html.contains("There is a problem"))
    }
}
