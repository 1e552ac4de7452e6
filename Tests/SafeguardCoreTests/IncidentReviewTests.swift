import Testing

@testable import SafeguardCore

struct IncidentReviewTests {
    @Test func onlyAMatchOrPossibleMatchIsQueued() {
        #expect(IncidentReview(received: .match).status == .waiting)
        #expect(IncidentReview(received: .review).status == .waiting)
        #expect(IncidentReview(received: .none).status == .unmatched)
        // The stored value for a waiting incident is the table's old "new".
        #expect(IncidentReviewStatus(rawValue: "new") == .waiting)
    }

    @Test func forwardingNeedsSomeoneStillMarkedAndHappensOnce() throws {
        var r = IncidentReview(received: .match)
        #expect(throws: FieldProblem.self) { try r.forward(markedChildren: 0, cuckooedHomes: 0, note: "") }
        #expect(r.status == .waiting, "a refused forward changes nothing")
        try r.forward(markedChildren: 0, cuckooedHomes: 1, note: "  ")
        #expect(r.status == .forwarded && r.note == nil, "a blank note is no note")
        #expect(throws: IncidentReview.alreadyChecked) {
            try r.forward(markedChildren: 2, cuckooedHomes: 0, note: "again")
        }
        #expect(throws: IncidentReview.alreadyChecked) { try r.reject(reason: "Flat 2, not flat 12") }
    }

    @Test func rejectingNeedsAReason() throws {
        var r = IncidentReview(received: .review)
        #expect(throws: FieldProblem.self) { try r.reject(reason: " no ") }
        #expect(r.status == .waiting)
        try r.reject(reason: " Flat 2, not flat 12 ")
        #expect(r.status == .rejected && r.note == "Flat 2, not flat 12")
        #expect(throws: IncidentReview.alreadyChecked) { try r.forward(markedChildren: 1, cuckooedHomes: 0, note: "") }
        var never = IncidentReview(received: .none)
        #expect(throws: IncidentReview.alreadyChecked) { try never.reject(reason: "not queued at all") }
    }

    @Test func theSocialWorkerDecidesOnceAndOnlyARelevantIncidentAsksForDetails() throws {
        var d = IncidentAlertDecision(relevance: nil)
        #expect(!d.mayAskForDetails)
        #expect(
            throws: FieldProblem(field: "decision", message: "Select whether the incident matters for the child's plan")
        ) { try d.decide("maybe", note: "") }
        try d.decide("not-relevant", note: " known already ")
        #expect(d.relevance == .notRelevant && d.note == "known already" && !d.mayAskForDetails)
        #expect(throws: FieldProblem(field: "decision", message: "You have already decided this alert")) {
            try d.decide("relevant", note: "")
        }
        var relevant = IncidentAlertDecision(relevance: nil)
        try relevant.decide("relevant", note: "")
        #expect(relevant.mayAskForDetails)
        relevant.detailsRequested = true
        #expect(!relevant.mayAskForDetails, "the details are asked for once")
    }
}

struct IncidentDetailsRefusalTests {
    @Test func theDetailsAreRefusedUntilRelevantAndAfterTheyWereAsked() throws {
        var d = IncidentAlertDecision(relevance: nil)
        #expect(d.detailsRefusal?.message == "Mark the incident as relevant before asking for its details")
        try d.decide("relevant", note: "")
        #expect(d.detailsRefusal == nil)
        d.detailsRequested = true
        #expect(d.detailsRefusal?.message == "The details have already been asked for")
    }
}
