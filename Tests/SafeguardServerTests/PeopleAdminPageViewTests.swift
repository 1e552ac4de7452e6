import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the people, agency, assessment tool and kept form pages rendered from plain
/// values, with no database and no request.
final class PeopleAdminPageViewTests: XCTestCase {
    private let csrf = "token-123"

    private func occurrences(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    private func errors(_ field: String, _ message: String) -> FormErrors {
        var e = FormErrors()
        e.add(field, message)
        return e
    }

    // MARK: Break the glass

    func testBreakGlassNamesTheAgencyAndPersonAndPostsTheReasonToTheRecord() {
        let id = UUID()
        let html = BreakGlassView(
            personID: id, personName: "Amy <b>Cole</b>", agencyName: "Northmere Police", reason: "",
            errors: FormErrors()
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("Northmere Police is not recorded as working with Amy &lt;b&gt;Cole&lt;/b&gt;"))
        XCTAssertFalse(html.contains("<b>Cole"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.personBreakGlass(id).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.people.path)\""), "the back link returns to search")
        XCTAssertTrue(html.contains("name=\"reason\""))
        XCTAssertTrue(html.contains("value=\"\(csrf)\""))
        XCTAssertTrue(html.contains("Open the record"))
        XCTAssertFalse(html.contains("There is a problem"), "no error summary before anything is sent")
    }

    func testBreakGlassRefusedShowsTheErrorAndKeepsTheReasonEscaped() {
        let html = BreakGlassView(
            personID: UUID(), personName: "Amy Cole", agencyName: "Calder Vale Primary", reason: "<b>short",
            errors: errors("reason", "Explain why you need to see this record (at least 10 characters)")
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("There is a problem"))
        XCTAssertTrue(html.contains("href=\"#reason\""))
        XCTAssertTrue(html.contains("&lt;b&gt;short</textarea>"))
    }

    // MARK: Men in a child's life

    func testMaleCarerCheckChoosesNothingForTheUserAndPostsToTheMansCheck() {
        let child = UUID()
        let man = UUID()
        let html = MaleCarerCheckView(
            child: "Amy Cole", childID: child, man: "Dean <i>Walker</i>", manID: man,
            form: .init(), errors: FormErrors()
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("Dean &lt;i&gt;Walker&lt;/i&gt;, in Amy Cole&#39;s life"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.personMaleCarer(child, man).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.person(child).path)\""))
        for field in ["kind", "done-day", "done-month", "done-year", "note"] {
            XCTAssertTrue(html.contains("name=\"\(field)\""), field)
        }
        XCTAssertEqual(occurrences("type=\"radio\"", in: html), MaleCarerCheck.allCases.count)
        XCTAssertFalse(html.contains(" checked"), "nothing is chosen for the user")
    }

    func testMaleCarerCheckRefusedKeepsWhatWasTyped() {
        let form = PeopleController.MaleCarerCheckForm(
            kind: MaleCarerCheck.policeChecked.rawValue, day: "31", month: "2", year: "2026", note: "<b>PNC</b>")
        let html = MaleCarerCheckView(
            child: "Amy Cole", childID: UUID(), man: "Dean Walker", manID: UUID(), form: form,
            errors: errors("done-day", "Enter the date it was done, for example 27 3 2026")
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("There is a problem"))
        XCTAssertTrue(html.contains("value=\"police-checked\" checked"))
        XCTAssertEqual(occurrences(" checked", in: html), 1)
        XCTAssertTrue(html.contains("name=\"done-day\" type=\"text\" inputmode=\"numeric\" value=\"31\""))
        XCTAssertTrue(html.contains("&lt;b&gt;PNC&lt;/b&gt;</textarea>"))
    }

    // MARK: Relationships

    func testRelationshipFormOffersTheCandidatesOrSaysThereAreNone() {
        let id = UUID()
        let candidate = UUID()
        let html = RelationshipFormView(
            personID: id, personName: "Amy Cole", query: "\"Walker\"",
            candidates: [(candidate, "Dean <b>Walker</b>, born 1 May 1990")],
            other: candidate.uuidString, kind: RelationshipKind.allCases[0].rawValue, direction: "this-is",
            errors: FormErrors()
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("value=\"\(candidate.uuidString)\" checked"))
        XCTAssertTrue(html.contains("Dean &lt;b&gt;Walker&lt;/b&gt;, born 1 May 1990"))
        XCTAssertTrue(html.contains("value=\"&quot;Walker&quot;\""), "the search is kept, escaped in its attribute")
        XCTAssertTrue(html.contains("value=\"this-is\" checked"))
        XCTAssertTrue(html.contains("Amy Cole is the relationship to the person selected"))
        XCTAssertEqual(
            occurrences("action=\"\(SiteURL.personRelationships(id).path)\"", in: html), 2,
            "the search and the relationship both go to the person's relationships page")
        XCTAssertEqual(occurrences("value=\"\(csrf)\"", in: html), 1, "only the post carries the token")
        XCTAssertTrue(html.contains("<option value=\"\(RelationshipKind.allCases[0].rawValue)\" selected>"))
        XCTAssertFalse(html.contains("No one found"))

        let none = RelationshipFormView(
            personID: id, personName: "Amy Cole", query: "", candidates: [], other: "", kind: "", direction: "",
            errors: errors("other", "Select the person they are related to")
        ).body(csrf: csrf).render()
        XCTAssertTrue(none.contains("No one found. Search above, or add the person first."))
        XCTAssertTrue(none.contains("href=\"#other\""), "the error links to the paragraph standing in for the choice")
        XCTAssertFalse(none.contains("name=\"other\""))
    }

    // MARK: An agency

    func testAgencyPageHeadsWithTheStoredNameAndShowsWhatWasTyped() {
        let id = UUID()
        let east = UUID()
        let html = AgencyView(
            id: id, agencyName: "Calder Vale Primary", users: 1,
            districts: [(id: east, name: "East"), (id: UUID(), name: "West")],
            name: "<b>Renamed</b>", kind: AgencyKind.allCases[0].rawValue, district: east.uuidString, active: "no",
            errors: errors("name", "Another agency already has this name")
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("Agency</span>Calder Vale Primary</h1>"))
        XCTAssertTrue(html.contains("value=\"&lt;b&gt;Renamed&lt;/b&gt;\""))
        XCTAssertTrue(html.contains("1 user belongs to this agency."))
        XCTAssertTrue(html.contains("<option value=\"\(east.uuidString)\" selected>East</option>"))
        XCTAssertTrue(html.contains("<option value=\"\">County-wide</option>"))
        XCTAssertTrue(html.contains("value=\"no\" checked"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminAgency(id).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminAgencies.path)\""))
        XCTAssertTrue(html.contains("href=\"#name\""))

        let many = AgencyView(
            id: id, agencyName: "Calder Vale Primary", users: 3, districts: [], name: "Calder Vale Primary",
            kind: "", district: "", active: "yes", errors: FormErrors()
        ).body(csrf: csrf).render()
        XCTAssertTrue(many.contains("3 users belong to this agency."))
        XCTAssertFalse(many.contains("There is a problem"))
    }

    // MARK: An assessment tool

    func testAssessmentToolShowsItsDefinitionEscapedAndTheBannerOnlyWhenJustAdded() {
        let tool = AssessmentToolView(
            title: "Child exploitation screening", version: 3, key: "cse", subject: "child",
            sections: ["Missing", "Online"], levels: ["Low", "Medium", "High"], reassessAfterDays: 90,
            added: "Uploaded by Jo Bloggs, 3 March 2026, 2:15pm", assessmentsMade: 12,
            definition: "title: <script>alert(1)</script>", justAdded: false)
        let html = tool.body.render()
        XCTAssertTrue(html.contains("Version 3</span>Child exploitation screening</h1>"))
        XCTAssertTrue(html.contains("Missing; Online"))
        XCTAssertTrue(html.contains("Low, Medium, High"))
        XCTAssertTrue(html.contains("90 days"))
        XCTAssertTrue(html.contains("Uploaded by Jo Bloggs, 3 March 2026, 2:15pm"))
        XCTAssertTrue(html.contains(">12<"))
        XCTAssertTrue(html.contains("<code>title: &lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminAssessmentTools.path)\""))
        XCTAssertFalse(html.contains("added: new assessments use it from now on"))

        var added = tool
        added.justAdded = true
        XCTAssertTrue(
            added.body.render().contains(
                "Version 3 of Child exploitation screening added: new assessments use it from now on"))
    }

    // MARK: A kept form

    func testKeptFormReadsBackWhatWasTypedAndSendsEveryFieldOn() {
        let id = UUID()
        // Where the form was going is kept but not shown: a made-up path will do.
        let html = KeptFormView(
            id: id, path: "/people/x/notes",
            fields: [("end-reason", "<b>moved</b> away"), ("categories[]", "")],
            keptAt: "3 March 2026, 2:15pm"
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("You were signed out before this was sent, at 3 March 2026, 2:15pm."))
        XCTAssertTrue(html.contains("End reason"))
        XCTAssertTrue(html.contains("&lt;b&gt;moved&lt;/b&gt; away"))
        XCTAssertFalse(html.contains("<b>moved"))
        XCTAssertFalse(html.contains(">Categories<"), "an empty field is not read back")
        XCTAssertTrue(html.contains("name=\"categories[]\" value=\"\""), "but it is still sent on")
        XCTAssertTrue(html.contains("name=\"end-reason\" value=\"&lt;b&gt;moved&lt;/b&gt; away\""))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.keptFormSend(id).path)\""))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.keptFormDiscard(id).path)\""))
        XCTAssertEqual(occurrences("value=\"\(csrf)\"", in: html), 2, "both forms carry this session's token")
        XCTAssertEqual(KeptFormView.label("categories[]"), "Categories")
    }
}
