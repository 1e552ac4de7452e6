import Testing

@testable import SafeguardCore

struct SARReferralTests {
    static let day = SimpleDate(year: 2026, month: 12, day: 7)!
    static func answers(_ met: [Bool]) -> [S44Criterion: S44Answer] {
        Dictionary(
            uniqueKeysWithValues: zip(S44Criterion.allCases, met).map {
                ($0, S44Answer(met: $1, note: "The records show this clearly"))
            })
    }

    @Test func allFourMetMakesItMandatory() throws {
        var r = SARReferral(whatHappened: "Died at home after months of self-neglect while three agencies visited")
        #expect(
            throws: FieldProblem(field: "decision", message: "All four s44 questions are met, so a review is mandatory")
        ) {
            try r.decide(
                answers: Self.answers([true, true, true, true]), decision: .discretionary,
                reasons: "The panel agreed unanimously today", on: Self.day)
        }
        try r.decide(
            answers: Self.answers([true, true, true, true]), decision: .mandatory,
            reasons: "Every criterion met; agencies did not share concerns", on: Self.day)
        #expect(r.status == .decided && r.decision == .mandatory)
        #expect(throws: FieldProblem.self) {
            try r.decide(
                answers: Self.answers([true, true, true, true]), decision: .mandatory, reasons: "Again, a second time",
                on: Self.day)
        }
    }

    @Test func otherwiseDiscretionaryOrNoneWithReasons() throws {
        var r = SARReferral(whatHappened: "Seriously harmed by a lodger who took over her flat for dealing")
        #expect(throws: FieldProblem.self) {
            try r.decide(
                answers: Self.answers([true, true, true, false]), decision: .mandatory,
                reasons: "The panel thinks it should be", on: Self.day)
        }
        #expect(throws: FieldProblem(field: "reasons", message: "Give the panel's reasons, in at least 20 characters"))
        {
            try r.decide(
                answers: Self.answers([true, true, true, false]), decision: .discretionary, reasons: "learning",
                on: Self.day)
        }
        try r.decide(
            answers: Self.answers([true, true, true, false]), decision: .discretionary,
            reasons: "Agencies worked well, but there is learning about cuckooing for the whole partnership",
            on: Self.day)
        #expect(r.decision == .discretionary)
    }

    @Test func everyQuestionNeedsAnAnswerAndANote() {
        var r = SARReferral(whatHappened: "x")
        var partial = Self.answers([true, true, true, true])
        partial[.agenciesConcern] = nil
        #expect(
            throws: FieldProblem(
                field: "agencies-concern",
                message: "Answer: Is there reasonable cause for concern about how agencies worked together?")
        ) {
            try r.decide(
                answers: partial, decision: .noReview, reasons: "The panel decided no review was needed", on: Self.day)
        }
        partial[.agenciesConcern] = S44Answer(met: false, note: "no")
        #expect(throws: FieldProblem.self) {
            try r.decide(
                answers: partial, decision: .noReview, reasons: "The panel decided no review was needed", on: Self.day)
        }
        #expect(SARReferral.raiseProblems(whatHappened: "short", isAdult: false).count == 2)
    }

    @Test func theBusinessUnitAndThePanelAreTold() {
        #expect(SARReferral.isToldOfReferrals(role: .businessUnitOfficer, memberships: []))
        #expect(SARReferral.isToldOfReferrals(role: .healthPractitioner, memberships: [.sarPanel]))
        #expect(!SARReferral.isToldOfReferrals(role: .teamManager, memberships: [.caseReviewSubGroup]))
        #expect(!SARReferral.isToldOfReferrals(role: .boardMember, memberships: [.sarPanel]))
    }
}
