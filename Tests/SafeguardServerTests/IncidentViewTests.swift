import XCTest

@testable import SafeguardCore
@testable import SafeguardServer

/// Issue 18, item 3: a page is rendered from a plain value, with no database and no request.
final class IncidentViewTests: XCTestCase {
    static let incident = IncidentPages.Incident(
        id: UUID(), reference: "NM-1001", from: "Northmere Police", occurred: "2 March 2026, 9:40pm", type: "Domestic",
        addressTyped: "flat 12 mill court, NM1 4AB", summary: "Shouting reported by a neighbour",
        received: "2 March 2026, 9:52pm",
        matchedAddress: "Flat 12, Mill Court, Northmere NM1 4AB", match: .review, score: 0.81,
        reasons: ["Same flat number", "Same postcode"],
        review: IncidentReview(received: .review), reviewedBy: "", reviewedAt: "",
        children: [
            .init(personID: UUID(), name: "Kayla <Smyth>", status: "Child protection plan", socialWorker: "Aisha Okoro")
        ],
        homes: [], decisions: [])

    func testAWaitingIncidentOffersForwardAndRejectAndEscapesWhatWasTyped() {
        let html = IncidentAlertView(page: Self.incident, errors: FormErrors()).body(csrf: "token-1").render()
        XCTAssertTrue(html.contains("Possible match"))
        XCTAssertTrue(html.contains("score 0.81"))
        XCTAssertTrue(html.contains("Confirm and forward to the social worker"))
        XCTAssertTrue(html.contains("Reject the match"))
        XCTAssertTrue(html.contains("token-1"))
        XCTAssertTrue(html.contains("Kayla &lt;Smyth&gt;"), "a name is text, never markup")
        XCTAssertFalse(html.contains("Kayla <Smyth>"))
    }

    func testACheckedIncidentSaysWhoCheckedItAndOffersNothing() throws {
        var page = Self.incident
        var review = page.review
        try review.reject(reason: "Flat 2, not flat 12")
        page.review = review
        page.reviewedBy = "Sam Okafor"
        page.reviewedAt = "3 March 2026, 9:00am"
        let html = IncidentAlertView(page: page, errors: FormErrors()).body(csrf: "t").render()
        XCTAssertTrue(html.contains("Rejected by Sam Okafor on 3 March 2026, 9:00am: Flat 2, not flat 12."))
        XCTAssertFalse(html.contains("Confirm and forward"))
    }

    func testTheSocialWorkerDecidesThenMayAskForDetailsOnce() throws {
        var alert = IncidentPages.Alert(
            id: UUID(), childName: "Kayla Smyth", childFirstName: "Kayla", reference: "NM-1001",
            occurred: "2 March 2026, 9:40pm",
            type: "Domestic", address: "flat 12 mill court", summary: "Shouting", forwarded: "3 March 2026, 9:00am",
            decision: IncidentAlertDecision(relevance: nil), decidedBy: "", decidedAt: "", detailsReferral: nil)
        XCTAssertTrue(
            SocialWorkerAlertView(page: alert, errors: FormErrors()).body(csrf: "t").render().contains(
                "Record decision"))
        var decision = alert.decision
        try decision.decide("relevant", note: "")
        alert.decision = decision
        XCTAssertTrue(
            SocialWorkerAlertView(page: alert, errors: FormErrors()).body(csrf: "t").render().contains(
                "Ask for the details"))
        alert.detailsReferral = "MASH-2026-000007"
        let asked = SocialWorkerAlertView(page: alert, errors: FormErrors()).body(csrf: "t").render()
        XCTAssertTrue(asked.contains("MASH-2026-000007"))
        XCTAssertFalse(asked.contains("Ask for the details"))
    }

    func testTheQueueListsWhatWaitsWithItsFigures() {
        let page = IncidentPages.Queue(
            facts: [("Received", "4"), ("Forwarded", "1")],
            waiting: [
                .init(
                    id: UUID(), reference: "NM-1002", type: "Assault", address: "2 Mill Lane", match: .match,
                    received: "3 hours ago")
            ],
            checked: [])
        let html = IncidentQueueView(page: page).body.render()
        XCTAssertTrue(html.contains("1 waiting, oldest first"))
        XCTAssertTrue(html.contains("NM-1002 (Assault)"))
        XCTAssertFalse(html.contains("Recently checked"))
    }
}
