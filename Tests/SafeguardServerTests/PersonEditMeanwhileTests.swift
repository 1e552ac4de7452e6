import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Two people change one person's details from forms opened at the same time: the second save does not silently
/// undo the first. It is held back with everything typed kept, both versions shown, and the next press saves it.
final class PersonEditMeanwhileTests: ServerTestCase {
    private func fields(_ first: String, _ last: String, openedAs: String?) -> [(String, String)] {
        [
            ("first-name", first), ("middle-names", ""), ("last-name", last), ("unborn", "no"), ("dob-day", "14"),
            ("dob-month", "6"), ("dob-year", "2018"), ("gender", "female"), ("ethnicity", "Not known"),
            ("nhs-number", ""),
            ("language", "English"), ("disability", ""),
        ] + (openedAs.map { [("opened-as", $0)] } ?? [])
    }

    func testASaveOverAColleaguesChangeIsHeldBackWithTheTypedWorkKept() async throws {
        let first = try await signedIn(fx[.socialWorker])
        let second = try await signedIn(fx[.socialWorker])
        let path = SiteURL.personEdit(fx.kayla).path
        let formOfFirst = try await first.get(path).text
        let formOfSecond = try await second.get(path).text
        let openedByFirst = try XCTUnwrap(Browser.hiddenValue("opened-as", in: formOfFirst))
        let openedBySecond = try XCTUnwrap(Browser.hiddenValue("opened-as", in: formOfSecond))
        XCTAssertEqual(openedByFirst, openedBySecond)

        let saved = try await first.post(path, fields("Kaylee", "Smith", openedAs: openedByFirst))
        XCTAssertEqual(saved.status, .seeOther, saved.text)

        let held = try await second.post(path, fields("Kayla", "Smith-Jones", openedAs: openedBySecond))
        XCTAssertEqual(held.status, .conflict)
        XCTAssertTrue(
            held.text.contains("Someone else saved changes to these details after you opened this form"), held.text)
        XCTAssertTrue(held.text.contains("value=\"Smith-Jones\""), "what was typed is kept in the form")
        XCTAssertTrue(held.text.contains(">Kaylee<"), "what is saved now is shown")
        XCTAssertTrue(
            held.text.contains(">First name<") && held.text.contains(">Last name<"), "both fields that differ are named"
        )
        let stillFirst = try await Person.find(fx.kayla, on: app.db)
        XCTAssertEqual(stillFirst?.firstName, "Kaylee", "nothing was saved over the colleague's change")
        XCTAssertEqual(stillFirst?.lastName, "Smith")

        // Having seen it, the next press saves the second version, over the first knowingly.
        let next = try XCTUnwrap(Browser.hiddenValue("opened-as", in: held.text))
        XCTAssertNotEqual(next, openedBySecond)
        let again = try await second.post(path, fields("Kayla", "Smith-Jones", openedAs: next))
        XCTAssertEqual(again.status, .seeOther, again.text)
        let now = try await Person.find(fx.kayla, on: app.db)
        XCTAssertEqual([now?.firstName, now?.lastName], ["Kayla", "Smith-Jones"])
        let changes = try await ChronologyEntry.query(on: app.db).filter(\.$person.$id == fx.kayla)
            .filter(\.$summary == "Personal details changed").count()
        XCTAssertEqual(changes, 2, "two saves, two entries; the held-back press wrote nothing")
    }

    func testAFormWithoutItsStampIsHeldBackToo() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let res = try await b.post(.personEdit(fx.kayla), fields("Kayleigh", "Smith", openedAs: nil))
        XCTAssertEqual(
            res.status, .conflict, "a form that cannot say what it was opened on is not saved over the record unseen")
        XCTAssertTrue(res.text.contains("value=\"Kayleigh\""))
        let person = try await Person.find(fx.kayla, on: app.db)
        XCTAssertEqual(person?.firstName, "Kayla")
    }

    func testAnInvalidFormKeepsItsStamp() async throws {
        let b = try await signedIn(fx[.socialWorker])
        let form = try await b.get(.personEdit(fx.kayla)).text
        let opened = try XCTUnwrap(Browser.hiddenValue("opened-as", in: form))
        let res = try await b.post(.personEdit(fx.kayla), fields("", "", openedAs: opened))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(
            Browser.hiddenValue("opened-as", in: res.text), opened,
            "correcting the form does not count as seeing a change")
    }
}
