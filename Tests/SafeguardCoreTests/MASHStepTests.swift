import Foundation
import Testing

@testable import SafeguardCore

struct MASHStepTests {
    typealias Decided = Result<ThresholdDecision, FieldProblems>
    let police = UUID()
    let school = UUID()
    let rationale = "Bruising seen twice in a month; the school and health visitor both worried."

    @Test func triageNeedsARatingAndAgenciesFromTheList() throws {
        let none = try MASHStep.triage(status: .submitted, rag: nil, chosen: [police, UUID()], available: [police])
        #expect(none.failure?.all.map(\.field) == ["rag", "agencies"])
        let triage = try MASHStep.triage(
            status: .submitted, rag: "amber", chosen: [police, school, police], available: [police, school]
        ).get()
        #expect(triage == MASHStep.Triage(rag: .amber, agencies: [police, school]), "each partner is asked once")
        #expect(throws: MASHStep.Refused.noLongerRateable) {
            try MASHStep.triage(status: .awaitingSignOff, rag: "red", chosen: [], available: [])
        }
    }

    @Test func aDecisionWaitsForEverySubjectToBeLinked() throws {
        func decide(_ status: ReferralStatus, unlinked: Int) throws(MASHStep.Refused) -> Decided {
            try MASHStep.decide(
                status: status, unlinkedSubjects: unlinked, level: 4, outcome: .childInNeedAssessment,
                rationale: rationale, continuum: .standard, subjects: [.child])
        }
        #expect(try decide(.gathering, unlinked: 1).failure?["level"]?.hasPrefix("Link each person") == true)
        #expect(try decide(.gathering, unlinked: 0).get().outcome == .childInNeedAssessment)
        #expect(try decide(.submitted, unlinked: 0).get().level == 4, "a clear case needs no partner checks")
        #expect(throws: MASHStep.Refused.alreadyDecided) { try decide(.awaitingSignOff, unlinked: 0) }
        #expect(throws: MASHStep.Refused.alreadyDecided) { try decide(.closed, unlinked: 0) }
    }

    @Test func aDecisionNamesEveryProblemWithItsForm() throws {
        let r = try MASHStep.decide(
            status: .gathering, unlinkedSubjects: 0, level: nil, outcome: nil, rationale: "short",
            continuum: .standard, subjects: [.child])
        #expect(r.failure?.all.map(\.field) == ["level", "outcome", "rationale"])
    }

    @Test func onlyAWaitingDecisionCanBeSignedOffAndNeitherAnswerIsAssumed() throws {
        #expect(
            try MASHStep.signOff(status: .awaitingSignOff, decisionWaiting: true, choice: "approve", note: "").get()
                == .approve)
        let unchosen = try MASHStep.signOff(status: .awaitingSignOff, decisionWaiting: true, choice: nil, note: "")
        #expect(unchosen.failure?["sign-off"] != nil)
        let bare = try MASHStep.signOff(status: .awaitingSignOff, decisionWaiting: true, choice: "return", note: "no")
        #expect(bare.failure?["note"] != nil)
        #expect(throws: MASHStep.Refused.nothingAwaitingSignOff) {
            try MASHStep.signOff(status: .gathering, decisionWaiting: true, choice: "approve", note: "")
        }
        #expect(throws: MASHStep.Refused.nothingAwaitingSignOff) {
            try MASHStep.signOff(status: .awaitingSignOff, decisionWaiting: false, choice: "approve", note: "")
        }
    }
}

extension Result {
    /// The failure, or nil on success: for expectations about what a form got wrong.
    fileprivate var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
