import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the referral form's pages and a partner's queue of MASH requests rendered from plain values,
/// with no database and no request.
final class ReferralStepPageViewTests: XCTestCase {
    static let kayla = ReferralDraft.Subject(
        name: "Kayla <i>Smith</i>", dob: SimpleDate(year: 2015, month: 3, day: 27), gender: .female,
        nhsNumber: "943 476 5919")
    static let brother = ReferralDraft.Subject(name: "Leo Smith", dob: nil, gender: nil, nhsNumber: nil)

    /// A draft with nothing answered yet, as a new referral starts.
    static func blank(_ id: UUID = UUID()) -> ReferralDraft {
        ReferralDraft(
            id: id, subjects: [], addressLine1: "", addressTown: "", addressPostcode: "", concerns: [],
            whatHappened: "", familyAwareness: nil, lawfulBasis: nil, urgency: nil, referrerPhone: "")
    }

    /// A draft with every page answered.
    static func answered(_ id: UUID = UUID()) -> ReferralDraft {
        ReferralDraft(
            id: id, subjects: [kayla, brother], addressLine1: "14 \"Mill\" <Lane>", addressTown: "Calder Vale",
            addressPostcode: "NM4 2AB", concerns: [.neglect, .adultFinancial],
            whatHappened: "Kayla said <script>alert(1)</script> & cried", familyAwareness: .toldAndDisagrees,
            lawfulBasis: .publicTask, urgency: .today, referrerPhone: "01632 960 001")
    }

    static func step(
        _ step: SiteURL.ReferralStep, _ draft: ReferralDraft, form: [String: String] = [:],
        errors: FormErrors = FormErrors(), fromCheck: Bool = false
    ) -> String {
        ReferralStepView(step: step, draft: draft, form: form, errors: errors, fromCheck: fromCheck)
            .body(csrf: "token-1").render()
    }

    // MARK: Question pages

    func testEachQuestionPageShowsItsOwnQuestionPostsToItselfAndGoesBackToTheOneBefore() {
        let draft = Self.blank()
        let steps = SiteURL.ReferralStep.allCases
        for (i, step) in steps.enumerated() {
            let html = Self.step(step, draft)
            XCTAssertTrue(html.contains("Referral, question \(i + 1) of \(steps.count)"), "\(step)")
            XCTAssertTrue(html.contains(#"<h1 class="sg-heading-l">\#(step.title)</h1>"#), "\(step)")
            for other in steps where other != step {
                XCTAssertFalse(html.contains(">\(other.title)</h1>"), "\(step) shows only its own question")
            }
            XCTAssertTrue(html.contains(#"action="\#(SiteURL.referralStep(draft.id, step).path)""#), "\(step)")
            XCTAssertTrue(html.contains(#"value="token-1""#), "\(step)")
            let back: SiteURL = i == 0 ? .referralNew : .referralStep(draft.id, steps[i - 1])
            XCTAssertTrue(html.contains(#"<a href="\#(back.path)" class="sg-back-link">Back</a>"#), "\(step)")
            XCTAssertFalse(html.contains(#"name="return""#), "\(step): not opened from the check page")
            XCTAssertFalse(html.contains("There is a problem"), "\(step)")
        }
        let fields: [SiteURL.ReferralStep: [String]] = [
            .people: ["subject-first-name", "subject-last-name", "subject-dob-day", "subject-gender"],
            .address: ["address-line1", "address-town", "address-postcode"],
            .concerns: ["concerns[]", "what-happened"],
            .sharing: ["family-awareness", "lawful-basis"],
            .contact: ["urgency", "referrer-phone"],
        ]
        for (step, names) in fields {
            let html = Self.step(step, draft)
            for name in names { XCTAssertTrue(html.contains(#"name="\#(name)""#), "\(step) asks \(name)") }
        }
    }

    func testAQuestionOpenedFromTheCheckPageGoesBackAndSavesBackThere() {
        let draft = Self.answered()
        let html = Self.step(.sharing, draft, fromCheck: true)
        XCTAssertTrue(html.contains(#"<a href="\#(SiteURL.referralCheck(draft.id).path)" class="sg-back-link">"#))
        XCTAssertFalse(html.contains(#"href="\#(SiteURL.referralStep(draft.id, .concerns).path)""#))
        XCTAssertTrue(html.contains(#"<input type="hidden" name="return" value="check">"#))
    }

    func testTypedAnswersAreTextNeverMarkupAndWhatWasPostedShowsOverTheDraft() {
        let draft = Self.answered()
        let address = Self.step(.address, draft)
        XCTAssertTrue(address.contains(#"value="14 &quot;Mill&quot; &lt;Lane&gt;""#), "a typed value cannot end")
        XCTAssertFalse(address.contains("<Lane>"))
        XCTAssertTrue(address.contains(#"value="NM4 2AB""#))

        let reposted = Self.step(.address, draft, form: ["address-line1": "<b>2</b> Bridge St", "address-town": ""])
        XCTAssertTrue(reposted.contains(#"value="&lt;b&gt;2&lt;/b&gt; Bridge St""#), "what was typed, not the draft")
        XCTAssertFalse(reposted.contains("Calder Vale"), "an emptied box stays empty")
        XCTAssertTrue(reposted.contains(#"value="NM4 2AB""#), "a box not posted shows the draft's answer")

        let concerns = Self.step(.concerns, draft)
        XCTAssertTrue(concerns.contains("Kayla said &lt;script&gt;alert(1)&lt;/script&gt; &amp; cried</textarea>"))
        XCTAssertFalse(concerns.contains("<script>"))

        let people = Self.step(.people, Self.blank(), form: ["subject-first-name": "Jo\"><script>"])
        XCTAssertTrue(people.contains(#"value="Jo&quot;&gt;&lt;script&gt;""#))
        XCTAssertFalse(people.contains("<script>"))
    }

    func testThePeoplePageListsThoseAddedAndOffersToAddAnother() {
        let first = Self.step(.people, Self.blank())
        XCTAssertFalse(first.contains("People added"))
        XCTAssertFalse(first.contains("Add another person (optional)"))
        XCTAssertTrue(first.contains(#"name="action" value="add""#))

        let added = Self.step(.people, Self.answered())
        XCTAssertTrue(added.contains("People added"))
        XCTAssertTrue(added.contains("Add another person (optional)"))
        XCTAssertTrue(added.contains("Kayla &lt;i&gt;Smith&lt;/i&gt;"))
        XCTAssertTrue(added.contains("Born 27 March 2015"))
        XCTAssertTrue(added.contains("Leo Smith</dt>"))
        XCTAssertTrue(added.contains("Date of birth not known"))
        XCTAssertTrue(added.contains(#"name="subject-first-name" type="text" value="""#), "the boxes are for a new one")
    }

    func testTheDraftsAnswersAreChosenOnTheirPages() {
        let draft = Self.answered()
        let concerns = Self.step(.concerns, draft)
        XCTAssertTrue(concerns.contains(#"name="concerns[]" type="checkbox" value="neglect" checked>"#))
        XCTAssertTrue(concerns.contains(#"name="concerns[]" type="checkbox" value="adult-financial" checked>"#))
        XCTAssertTrue(concerns.contains(#"name="concerns[]" type="checkbox" value="fgm">"#))
        XCTAssertTrue(concerns.contains(#"id="concerns" name="concerns[]""#), "the first box is the error's target")

        let sharing = Self.step(.sharing, draft)
        XCTAssertTrue(sharing.contains(#"name="family-awareness" type="radio" value="told-and-disagrees" checked>"#))
        XCTAssertTrue(sharing.contains(#"name="lawful-basis" type="radio" value="public-task" checked>"#))
        XCTAssertEqual(sharing.components(separatedBy: " checked>").count - 1, 2)

        let contact = Self.step(.contact, draft, form: ["urgency": "immediate"])
        XCTAssertTrue(contact.contains(#"type="radio" value="immediate" checked>"#), "the posted choice wins")
        XCTAssertFalse(contact.contains(#"value="today" checked"#))
        XCTAssertTrue(contact.contains(#"value="01632 960 001""#))

        let unanswered = Self.step(.sharing, Self.blank())
        XCTAssertFalse(unanswered.contains(" checked"), "nothing is chosen before it is answered")
    }

    func testProblemsAreSummarisedAndLinkedToTheirFields() {
        var errors = FormErrors()
        errors.add("address-line1", "Enter the first line of the address")
        errors.add("concerns", "Select at least one kind of concern")
        let address = Self.step(.address, Self.blank(), errors: errors)
        XCTAssertTrue(address.contains("There is a problem"))
        XCTAssertTrue(address.contains(##"<a href="#address-line1">Enter the first line of the address</a>"##))
        XCTAssertTrue(address.contains("sg-input sg-input--error"))

        let concerns = Self.step(.concerns, Self.blank(), errors: errors)
        XCTAssertTrue(concerns.contains(##"<a href="#concerns">Select at least one kind of concern</a>"##))
        XCTAssertTrue(concerns.contains("sg-form-group sg-form-group--error"))
    }

    func testTheStartPageWarnsOfImmediateDangerAndStartsADraft() {
        let html = ReferralStartView().body(csrf: "token-1").render()
        XCTAssertTrue(html.contains("call 999 now"))
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.referralNew.path)""#))
        XCTAssertTrue(html.contains(#"value="token-1""#))
    }

    // MARK: Check your answers

    func testCheckYourAnswersShowsEveryAnswerWithALinkBackToItsQuestion() {
        let draft = Self.answered()
        let html = CheckAnswersView(draft: draft, missing: []).body(csrf: "token-1").render()
        XCTAssertFalse(html.contains("There is a problem"))
        XCTAssertTrue(
            html.contains(
                "Kayla &lt;i&gt;Smith&lt;/i&gt;, born 27 March 2015, female, NHS number 943 476 5919; Leo Smith</dd>"))
        XCTAssertTrue(html.contains("14 &quot;Mill&quot; &lt;Lane&gt;, Calder Vale, NM4 2AB"))
        XCTAssertTrue(html.contains(">Neglect, Financial or material abuse</dd>"))
        XCTAssertTrue(html.contains("Kayla said &lt;script&gt;alert(1)&lt;/script&gt; &amp; cried"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains(FamilyAwareness.toldAndDisagrees.displayName))
        XCTAssertTrue(html.contains(LawfulBasis.publicTask.displayName))
        XCTAssertTrue(html.contains(ReferralUrgency.today.displayName))
        XCTAssertFalse(html.contains("Not answered"))
        for step in SiteURL.ReferralStep.allCases {
            let change = SiteURL.referralStep(draft.id, step).with(query: [("return", "check")])
            XCTAssertTrue(html.contains(#"href="\#(change)" class="sg-link" id="change-\#(step.rawValue)""#), "\(step)")
        }
        XCTAssertTrue(html.contains(#"action="\#(SiteURL.referralSubmit(draft.id).path)""#))
        XCTAssertTrue(html.contains(#"value="token-1""#))
    }

    func testUnansweredPagesAreProblemsLinkedToTheirChangeLinks() {
        let html = CheckAnswersView(draft: Self.blank(), missing: [.address, .contact]).body(csrf: "t").render()
        XCTAssertTrue(html.contains("There is a problem"))
        XCTAssertTrue(
            html.contains(##"<a href="#change-address">Answer &quot;Where do they live?&quot; before sending</a>"##))
        XCTAssertTrue(html.contains(##"<a href="#change-contact">"##))
        XCTAssertFalse(html.contains(##"href="#change-people""##), "only the pages said to be missing")
        XCTAssertEqual(html.components(separatedBy: "Not answered").count - 1, 8, "every row of a blank draft")
    }

    // MARK: A partner's queue

    /// 2 March 2026, 10:00 in London (GMT).
    static let due = Date(timeIntervalSince1970: 1_772_445_600)

    static func row(_ reference: String, overdue: Bool, chased: Bool) -> InformationRequestQueueView.Row {
        .init(id: UUID(), reference: reference, rag: .red, due: due, overdue: overdue, chased: chased, answeredAt: nil)
    }

    func testThePartnersQueueLinksEachWaitingRequestAndSaysWhichAreOverdueOrChased() {
        let due = Self.due
        let late = Self.row("MASH-2026-000001", overdue: true, chased: true)
        let chased = Self.row("MASH-2026-000002", overdue: false, chased: true)
        let waiting = Self.row("MASH-2026-000003", overdue: false, chased: false)
        var answered = Self.row("MASH-2026-000004", overdue: false, chased: false)
        answered.answeredAt = due
        let html = InformationRequestQueueView(
            agencyName: "Calder <Health>", open: [late, chased, waiting], done: [answered]
        ).body.render()
        XCTAssertTrue(html.contains("MASH requests to Calder &lt;Health&gt;"))
        XCTAssertTrue(html.contains("3 waiting for an answer, most urgent first"))
        for q in [late, chased, waiting] {
            XCTAssertTrue(html.contains(#"<a href="\#(SiteURL.informationRequest(q.id).path)""#), q.reference)
        }
        XCTAssertEqual(html.components(separatedBy: ">Overdue</strong>").count - 1, 1, "overdue says so, not chased")
        XCTAssertEqual(html.components(separatedBy: ">Chased</strong>").count - 1, 1)
        XCTAssertTrue(html.contains(SiteFormat.dateTime(due)))
        XCTAssertTrue(html.contains("Recently answered"))
        XCTAssertFalse(
            html.contains(#"href="\#(SiteURL.informationRequest(answered.id).path)""#), "an answered one is not opened")
        XCTAssertTrue(html.contains("MASH-2026-000004"))

        let none = InformationRequestQueueView(agencyName: "Calder Health", open: [], done: []).body.render()
        XCTAssertTrue(none.contains("0 waiting for an answer"))
        XCTAssertFalse(none.contains("Recently answered"))
    }
}
