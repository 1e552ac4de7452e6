import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: pages rendered from plain values, with no database and no request.
final class PageViewTests: XCTestCase {
    func testMessagesMarkTheUnreadAndKeepTheirLinesAndEscapeTheText() {
        let html = NotificationsView(messages: [
            // A message's link is stored text, never followed here: a made-up one will do.
            .init(
                subject: "Outcome of MASH-2026-000001", link: "/referrals/x/outcome", unread: true,
                sent: "3 March 2026, 2:15pm",
                body: "Decided: <b>strategy discussion</b>\nSigned off\n\nNo action needed from you"),
            .init(
                subject: "Your booking", link: SiteURL.training.path, unread: false, sent: "1 March 2026, 9:00am",
                body: "Booked"),
        ]).body.render()
        XCTAssertEqual(html.components(separatedBy: "sg-message--unread").count - 1, 1, "only the unread one is marked")
        XCTAssertTrue(html.contains("&lt;b&gt;strategy discussion&lt;/b&gt;<br>Signed off"))
        XCTAssertTrue(html.contains("No action needed from you"))
        XCTAssertTrue(NotificationsView(messages: []).body.render().contains("You have no messages."))
    }

    func testTheCuckooingRegisterListsOpenMarkersOrSaysThereAreNone() {
        let row = CuckooingRegisterView.Row(
            id: UUID(), address: "Flat 3, Tanner House", whose: "Ray Dunn",
            howUsed: "Drugs: dealing, storing or preparing",
            lead: "Sam Okafor, Northmere Police", since: "1 March 2026, 9:00am")
        let html = CuckooingRegisterView(rows: [row]).body.render()
        XCTAssertTrue(html.contains("1 open markers"))
        XCTAssertTrue(html.contains(SiteURL.cuckooedHome(row.id).path))
        XCTAssertTrue(CuckooingRegisterView(rows: []).body.render().contains("No open cuckooing marker you may see."))
    }
}

final class ReferralPageViewTests: XCTestCase {
    func testTheReferrerSeesTheOutcomeOnlyOnceDecided() {
        let waiting = ReferralOutcomeView(reference: "MASH-2026-000001", sent: "3 March 2026, 2:15pm", outcome: nil)
            .body.render()
        XCTAssertTrue(waiting.contains("With the MASH") && waiting.contains("Not decided yet"))
        let decided = ReferralOutcomeView(
            reference: "MASH-2026-000001", sent: "3 March 2026, 2:15pm", outcome: .strategyDiscussion
        ).body.render()
        XCTAssertTrue(decided.contains("Decided") && decided.contains(ReferralOutcome.strategyDiscussion.displayName))
    }

    func testTheAgencysReferralsListDraftsOnlyWhenThereAreSome() {
        let id = UUID()
        let html = ReferralsMineView(
            agencyName: "Calder Vale Primary", drafts: [],
            sent: [.init(id: id, reference: "MASH-2026-000002", sent: "today", by: "Jo Bloggs", outcome: nil)]
        ).body.render()
        XCTAssertTrue(html.contains("Referrals from Calder Vale Primary"))
        XCTAssertFalse(html.contains("Your unsent drafts"))
        XCTAssertTrue(html.contains(SiteURL.referralOutcome(id).path))
        XCTAssertTrue(
            ReferralsMineView(agencyName: "X", drafts: [.init(id: id, started: "today")], sent: []).body.render()
                .contains("Continue this draft"))
    }
}
