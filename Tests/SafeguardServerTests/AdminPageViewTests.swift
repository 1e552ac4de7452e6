import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: the administration lists and the assessment tools page rendered from plain values, with no
/// database and no request. The training register is in `TrainingRegisterPageViewTests`.
final class AdminPageViewTests: XCTestCase {
    private let csrf = "token-123"
    private let police = AdminPages.Choice(id: UUID(), label: "Northmere <Police>")
    private let mash = AdminPages.Choice(id: UUID(), label: "MASH – Northmere <Police>")

    private func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    private func errors(_ field: String, _ message: String) -> FormErrors {
        var e = FormErrors()
        e.add(field, message)
        return e
    }

    // MARK: Users

    func testTheUsersListLinksEachUserEscapesWhatWasTypedAndNeverShowsThePassword() {
        let ann = UsersView.Row(
            id: UUID(), name: "Ann <b>Lee</b>", email: "ann@northmere.example", role: "MASH manager",
            agency: "Northmere <Police>", active: true)
        let bob = UsersView.Row(
            id: UUID(), name: "Bob Ray", email: "bob@northmere.example", role: "old-role", agency: "Council",
            active: false)
        var form = AdminController.UserForm()
        form.email = "new\"@example.org"
        form.displayName = "Cara <i>Holt</i>"
        form.agency = police.id.uuidString
        form.password = "correct horse battery staple"
        let html = UsersView(
            users: [ann, bob], agencies: [police], teams: [mash], form: form,
            errors: errors("password", "Enter a longer password")
        ).body(csrf: csrf).render()

        XCTAssertTrue(html.contains("2 users"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminUser(ann.id).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminUser(bob.id).path)\""))
        XCTAssertTrue(html.contains("Ann &lt;b&gt;Lee&lt;/b&gt;"), "a name is text, never markup")
        XCTAssertFalse(html.contains("<b>Lee"))
        XCTAssertTrue(html.contains(">old-role<"), "a role this version does not know shows as stored")
        XCTAssertEqual(count(">Disabled<", in: html), 1)
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminUsers.path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.admin.path)\""), "back to administration")
        XCTAssertTrue(html.contains("value=\"new&quot;@example.org\""), "what was typed comes back escaped")
        XCTAssertTrue(html.contains("value=\"Cara &lt;i&gt;Holt&lt;/i&gt;\""))
        XCTAssertTrue(html.contains("<option value=\"\(police.id.uuidString)\" selected>Northmere &lt;Police&gt;"))
        XCTAssertTrue(html.contains("<option value=\"\(mash.id.uuidString)\">MASH – Northmere &lt;Police&gt;"))
        XCTAssertTrue(html.contains("Enter a longer password"))
        XCTAssertFalse(html.contains("correct horse"), "a typed password is never sent back to the browser")
        XCTAssertTrue(html.contains("name=\"_csrf\" value=\"\(csrf)\""))
    }

    func testAUsersPageOffersUnlockingOnlyWhenLockedAndNeverShowsThePassword() {
        let id = UUID()
        var form = AdminController.UserForm()
        form.displayName = "Ann <b>Lee-Smith</b>"
        form.active = "yes"
        form.reviewGroups = [ReviewGroup.allCases[0].rawValue]
        form.password = "correct horse battery staple"
        let user = UserView(
            id: id, name: "Ann <b>Lee</b>", email: "ann@northmere.example", locked: true, unlocked: false,
            agencies: [police], teams: [mash], form: form, errors: FormErrors())
        let html = user.body(csrf: csrf).render()

        XCTAssertTrue(
            html.contains("<span class=\"sg-caption-l\">ann@northmere.example</span>Ann &lt;b&gt;Lee&lt;/b&gt;"))
        XCTAssertTrue(html.contains("value=\"Ann &lt;b&gt;Lee-Smith&lt;/b&gt;\""), "the form shows what was typed")
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminUserUnlock(id).path)\""))
        XCTAssertTrue(html.contains(">Unlock account<"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminUser(id).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminUsers.path)\""))
        XCTAssertFalse(html.contains("name=\"email\""), "an account's email address is not changed here")
        XCTAssertTrue(html.contains("value=\"\(ReviewGroup.allCases[0].rawValue)\" checked"))
        XCTAssertTrue(html.contains("name=\"active\" type=\"radio\" value=\"yes\" checked"))
        XCTAssertFalse(html.contains("correct horse"), "a typed password is never sent back to the browser")
        XCTAssertFalse(html.contains("Account unlocked"))

        var open = user
        open.locked = false
        open.unlocked = true
        let after = open.body(csrf: csrf).render()
        XCTAssertFalse(after.contains("Unlock account"), "an account that is not locked has nothing to unlock")
        XCTAssertFalse(after.contains(SiteURL.adminUserUnlock(id).path))
        XCTAssertTrue(after.contains("Account unlocked: Ann &lt;b&gt;Lee&lt;/b&gt; can sign in again."))
    }

    // MARK: Agencies, districts and teams

    func testTheAgenciesListLinksEachAgencyAndSaysCountyWideWithoutADistrict() {
        let police = AgenciesView.Row(
            id: UUID(), name: "Northmere <Police>", kind: .police, district: nil, active: true)
        let school = AgenciesView.Row(
            id: UUID(), name: "Mill Lane School", kind: .school, district: "Calder & Vale", active: false)
        let district = AdminPages.Choice(id: UUID(), label: "Calder & Vale")
        let html = AgenciesView(
            agencies: [police, school], districts: [district], name: "St <Mary's>", kind: "housing",
            errors: errors("name", "An agency with this name already exists")
        ).body(csrf: csrf).render()

        XCTAssertTrue(html.contains("2 agencies"))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminAgency(police.id).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminAgency(school.id).path)\""))
        XCTAssertTrue(html.contains("Northmere &lt;Police&gt;"))
        XCTAssertTrue(html.contains(">County-wide<"))
        XCTAssertTrue(html.contains(">Calder &amp; Vale<"))
        XCTAssertTrue(html.contains(AgencyKind.police.displayName))
        XCTAssertEqual(count(">Inactive<", in: html), 1)
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminAgencies.path)\""))
        XCTAssertTrue(html.contains("value=\"St &lt;Mary&#39;s&gt;\""), "what was typed comes back escaped")
        XCTAssertFalse(html.contains("<Mary"))
        XCTAssertTrue(html.contains("<option value=\"housing\" selected>"))
        XCTAssertTrue(html.contains("An agency with this name already exists"))
    }

    func testTheDistrictsAndTeamsListsEscapeNamesAndPostToTheirOwnPages() {
        let districts = DistrictsView(districts: ["Calder <Vale>"], name: "<script>", errors: FormErrors())
            .body(csrf: csrf).render()
        XCTAssertTrue(districts.contains("1 districts"))
        XCTAssertTrue(districts.contains(">Calder &lt;Vale&gt;<"))
        XCTAssertTrue(districts.contains("value=\"&lt;script&gt;\""))
        XCTAssertFalse(districts.contains("<script>"))
        XCTAssertTrue(districts.contains("action=\"\(SiteURL.adminDistricts.path)\""))

        let teams = TeamsView(
            teams: [.init(name: "MASH <day>", agency: "Northmere <Police>")], agencies: [police], name: "",
            agency: police.id.uuidString, errors: FormErrors()
        ).body(csrf: csrf).render()
        XCTAssertTrue(teams.contains("1 teams"))
        XCTAssertTrue(teams.contains(">MASH &lt;day&gt;<"))
        XCTAssertTrue(teams.contains(">Northmere &lt;Police&gt;<"))
        XCTAssertTrue(teams.contains("<option value=\"\(police.id.uuidString)\" selected>"))
        XCTAssertTrue(teams.contains("action=\"\(SiteURL.adminTeams.path)\""))
        XCTAssertTrue(teams.contains("name=\"_csrf\" value=\"\(csrf)\""))
    }

    // MARK: API tokens

    func testANewTokensSecretIsShownOnceAndTheListShowsOnlyEachTokensStart() {
        let secret = "sg_abcdefSECRETPART"
        let active = TokensView.Row(
            id: UUID(), name: "Police <RMS>", prefix: "sg_abcdef", agency: "Northmere Police",
            permissions: "people.read", revoked: false)
        let revoked = TokensView.Row(
            id: UUID(), name: "Old feed", prefix: "sg_zyxwvu", agency: "Council", permissions: "people.read",
            revoked: true)
        let view = TokensView(
            tokens: [active, revoked], agencies: [police], name: "", agency: "", permissions: [],
            errors: FormErrors(), newToken: secret)
        let issued = view.body(csrf: csrf).render()
        XCTAssertEqual(count(secret, in: issued), 1, "the secret appears once, in its own box")
        XCTAssertTrue(issued.contains("<code id=\"new-token\">\(secret)</code>"))
        XCTAssertTrue(issued.contains("Copy it now: it will not be shown again."))

        var later = view
        later.newToken = nil
        let html = later.body(csrf: csrf).render()
        XCTAssertFalse(html.contains("SECRETPART"), "after that only the token's start is shown")
        XCTAssertFalse(html.contains("new-token"))
        XCTAssertTrue(html.contains(">sg_abcdef…<"))
        XCTAssertTrue(html.contains("Police &lt;RMS&gt;"))
        XCTAssertFalse(html.contains("<RMS>"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminTokenRevoke(active.id).path)\""))
        XCTAssertFalse(html.contains(SiteURL.adminTokenRevoke(revoked.id).path), "a revoked token is revoked once")
        XCTAssertEqual(count(">Revoked<", in: html), 1)
        XCTAssertTrue(html.contains("<span class=\"sg-visually-hidden\"> Police &lt;RMS&gt;</span>"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminTokens.path)\""))
    }

    func testARefusedTokenFormKeepsWhatWasChosenAndSaysWhatIsMissing() {
        let (first, _) = APIPrincipal.permissionLabels[0]
        let (second, _) = APIPrincipal.permissionLabels[1]
        let html = TokensView(
            tokens: [], agencies: [police], name: "Case <system>", agency: police.id.uuidString,
            permissions: [second], errors: errors("permissions", "Select at least one permission"), newToken: nil
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("value=\"Case &lt;system&gt;\""))
        XCTAssertTrue(html.contains("<option value=\"\(police.id.uuidString)\" selected>"))
        XCTAssertTrue(html.contains("value=\"\(second)\" checked"))
        XCTAssertFalse(html.contains("value=\"\(first)\" checked"))
        XCTAssertTrue(html.contains("sg-form-group sg-form-group--error"))
        XCTAssertTrue(html.contains("Select at least one permission"))
    }

    // MARK: Assessment tools

    func testTheToolsListMarksTheVersionInUseAndKeepsARefusedDefinitionAsText() {
        let current = AssessmentToolsView.Row(
            id: UUID(), title: "Exploitation <screening>", version: 2, shipped: false,
            addedAt: Date(timeIntervalSince1970: 1_772_445_600), inUse: true)
        let old = AssessmentToolsView.Row(
            id: UUID(), title: "Exploitation <screening>", version: 1, shipped: true,
            addedAt: Date(timeIntervalSince1970: 1_700_000_000), inUse: false)
        let html = AssessmentToolsView(
            tools: [current, old], definition: "title: <script>alert(1)</script>",
            errors: errors("definition", "Line 1: the key is missing")
        ).body(csrf: csrf).render()
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminAssessmentTool(current.id).path)\""))
        XCTAssertTrue(html.contains("href=\"\(SiteURL.adminAssessmentTool(old.id).path)\""))
        XCTAssertEqual(count("Exploitation &lt;screening&gt;", in: html), 2)
        XCTAssertEqual(count(">In use<", in: html), 1)
        XCTAssertEqual(count(">Superseded<", in: html), 1)
        XCTAssertTrue(html.contains(">Shipped<") && html.contains(">Uploaded<"))
        XCTAssertTrue(html.contains(SiteFormat.dateTime(current.addedAt)))
        XCTAssertTrue(html.contains("title: &lt;script&gt;alert(1)&lt;/script&gt;</textarea>"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("Line 1: the key is missing"))
        XCTAssertTrue(html.contains("action=\"\(SiteURL.adminAssessmentTools.path)\""))
    }
}
