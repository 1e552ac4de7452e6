import Testing

@testable import SafeguardCore

struct RapidReviewTests {
    static let calendar = WorkingCalendar.englandAndWales
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }
    static let allSections = Dictionary(
        uniqueKeysWithValues: RapidReviewSection.allCases.map { ($0, "Written by the business unit") })
    static let rationale = "Practice episodes show agencies did not share what they knew about the men in the home"

    static func decided() throws -> RapidReview {
        var r = RapidReview()
        try r.saveSections(allSections)
        try r.decide(.localReview, rationale: rationale)
        return r
    }

    @Test func theDecisionNeedsEverySectionAndARationale() throws {
        var r = RapidReview()
        try r.saveSections([.facts: "Known to four agencies", .practiceEpisodes: "  "])
        #expect(r.sections.keys.sorted { $0.rawValue < $1.rawValue } == [.facts], "blank sections are not kept")
        #expect(
            throws: FieldProblem(
                field: "practice-episodes", message: "Write “Key practice episodes, with analysis” before the decision")
        ) {
            try r.decide(.localReview, rationale: Self.rationale)
        }
        try r.saveSections(Self.allSections)
        #expect(throws: FieldProblem.self) { try r.decide(.localReview, rationale: "Because") }
        try r.decide(.localReview, rationale: Self.rationale)
        #expect(r.stage == .awaitingAgreement)
    }

    @Test func theThreePartnersAgreeAndAChangedDecisionAsksThemAgain() throws {
        var r = try Self.decided()
        #expect(
            RapidReview.partner(
                role: .policePublicProtection, agencyKind: .police, memberships: [.statutoryPartnerLead]) == .police)
        #expect(
            RapidReview.partner(role: .policePublicProtection, agencyKind: .police, memberships: [.caseReviewSubGroup])
                == nil)
        #expect(
            RapidReview.partner(
                role: .healthPractitioner, agencyKind: .acuteTrust, memberships: [.statutoryPartnerLead]) == nil,
            "a trust is not the ICB")
        #expect(throws: FieldProblem.self) {
            try r.answer(for: .police, agreed: false, note: "", by: "Karen", on: Self.day(2026, 12, 7))
        }
        try r.answer(for: .police, agreed: true, note: "", by: "Karen", on: Self.day(2026, 12, 7))
        try r.answer(for: .localAuthority, agreed: true, note: "", by: "Rebecca", on: Self.day(2026, 12, 7))
        #expect(r.stage == .awaitingAgreement)
        try r.answer(for: .integratedCareBoard, agreed: true, note: "", by: "Ama", on: Self.day(2026, 12, 8))
        #expect(r.stage == .agreed)
        try r.decide(.nationalReview, rationale: Self.rationale)
        #expect(
            r.agreements.isEmpty && r.stage == .awaitingAgreement, "the partners agree the decision as it now stands")
    }

    @Test func submittedOnceAgreedLateOnlyWithAReasonThenThePanelResponds() throws {
        var r = try Self.decided()
        let due = Self.day(2027, 1, 15)
        #expect(throws: FieldProblem.self) { try r.submit(on: Self.day(2027, 1, 14), lateReason: "", due: due) }
        for p in StatutoryPartner.allCases {
            try r.answer(for: p, agreed: true, note: "", by: p.displayName, on: Self.day(2027, 1, 12))
        }
        #expect(throws: FieldProblem.self) { try r.submit(on: Self.day(2027, 1, 18), lateReason: "", due: due) }
        #expect(throws: FieldProblem.self) {
            try r.recordPanelResponse(.agrees, on: Self.day(2027, 1, 20), comment: "")
        }
        try r.submit(on: Self.day(2027, 1, 18), lateReason: "The ICB's lead was away until the 18th", due: due)
        #expect(r.stage == .submitted && !r.mayEdit && r.lateReason.hasPrefix("The ICB's lead"))
        #expect(throws: FieldProblem.self) { try r.saveSections(Self.allSections) }
        #expect(throws: FieldProblem.self) {
            try r.recordPanelResponse(.disagrees, on: Self.day(2027, 2, 1), comment: "no")
        }
        try r.recordPanelResponse(.agrees, on: Self.day(2027, 2, 1), comment: "")
        #expect(r.stage == .responded)
    }

    @Test func theStatutoryPartnerOfEachAgency() {
        #expect(
            StatutoryPartner.of(.childrensSocialCare) == .localAuthority
                && StatutoryPartner.of(.adultSocialCare) == .localAuthority)
        #expect(
            StatutoryPartner.of(.police) == .police && StatutoryPartner.of(.integratedCareBoard) == .integratedCareBoard
        )
        #expect(StatutoryPartner.of(.school) == nil)
    }
}
