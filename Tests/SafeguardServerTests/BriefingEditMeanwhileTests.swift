import Fluent
import XCTVapor

@testable import SafeguardCore
@testable import SafeguardServer

/// Two business unit officers change one draft briefing from forms opened at the same time: the second save does not
/// silently undo the first (``OpenedAs``, as for a person's details).
final class BriefingEditMeanwhileTests: ServerTestCase {
    private func fields(title: String, background: String, openedAs: String?) -> [(String, String)] {
        [("title", title), ("review", ""), ("theme", ""), ("course", "")]
            + BriefingSection.allCases.map { ($0.rawValue, $0 == .background ? background : "") }
            + (openedAs.map { [("opened-as", $0)] } ?? [])
    }

    func testASaveOverAColleaguesChangeIsHeldBackWithTheTypedWorkKept() async throws {
        let first = try await signedIn(fx[.businessUnitOfficer])
        let second = try await signedIn(fx[.businessUnitOfficer])
        let created = try await first.post(
            .learningBriefingNew, fields(title: "The men around a baby", background: "Babies.", openedAs: nil))
        XCTAssertEqual(created.status, .seeOther, created.text)
        let record = try await BriefingRecord.query(on: app.db).first()
        let id = try XCTUnwrap(record?.id)
        let path = SiteURL.learningBriefingEdit(id).path
        let formOfFirst = try await first.get(path).text
        let formOfSecond = try await second.get(path).text
        let openedByFirst = try XCTUnwrap(Browser.hiddenValue("opened-as", in: formOfFirst))
        let openedBySecond = try XCTUnwrap(Browser.hiddenValue("opened-as", in: formOfSecond))

        let saved = try await first.post(
            path,
            fields(
                title: "The men around a baby", background: "Babies and the men around them.",
                openedAs: openedByFirst))
        XCTAssertEqual(saved.status, .seeOther, saved.text)

        let held = try await second.post(
            path, fields(title: "Men around babies", background: "Babies.", openedAs: openedBySecond))
        XCTAssertEqual(held.status, .conflict)
        XCTAssertTrue(
            held.text.contains("Someone else saved changes to this briefing after you opened this form"), held.text)
        XCTAssertTrue(held.text.contains("value=\"Men around babies\""), "what was typed is kept")
        XCTAssertTrue(held.text.contains(">Babies and the men around them.<"), "what is saved now is shown")
        XCTAssertTrue(
            held.text.contains(">\(BriefingSection.background.number). \(BriefingSection.background.heading)<"),
            held.text)
        let unchanged = try await BriefingRecord.find(id, on: app.db)
        XCTAssertEqual(unchanged?.briefing.title, "The men around a baby", "nothing saved over the colleague's change")
        XCTAssertEqual(unchanged?.briefing.text(.background), "Babies and the men around them.")

        let next = try XCTUnwrap(Browser.hiddenValue("opened-as", in: held.text))
        let again = try await second.post(
            path,
            fields(
                title: "Men around babies", background: "Babies and the men around them.",
                openedAs: next))
        XCTAssertEqual(again.status, .seeOther, again.text)
        let now = try await BriefingRecord.find(id, on: app.db)
        XCTAssertEqual(now?.briefing.title, "Men around babies")
    }
}
