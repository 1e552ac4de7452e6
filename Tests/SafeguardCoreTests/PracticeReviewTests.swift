import Testing

@testable import SafeguardCore

struct PracticeReviewTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }

    @Test func publicationIsDueSixMonthsAfterTheDecisionOrAsThePartnershipSets() {
        #expect(
            PracticeReview(kind: .lcspr, decidedOn: Self.day(2026, 3, 15), publicationMonths: 6).publicationDue
                == Self.day(2026, 9, 15))
        #expect(
            PracticeReview(kind: .lcspr, decidedOn: Self.day(2026, 8, 31), publicationMonths: 6).publicationDue
                == Self.day(2027, 2, 28))
        #expect(
            PracticeReview(kind: .sar, decidedOn: Self.day(2026, 12, 7), publicationMonths: 9).publicationDue
                == Self.day(2027, 9, 7))
    }

    @Test func fromSetUpToPublicationLateOnlyWithAReason() throws {
        var r = PracticeReview(kind: .lcspr, decidedOn: Self.day(2026, 3, 15), publicationMonths: 6)
        #expect(r.stage == .commissioned)
        #expect(throws: FieldProblem.self) { try r.addDraft(sharedOn: Self.day(2026, 5, 1), seenBy: ["Family"]) }
        try r.setUp(
            terms: "How agencies identified and responded to the men living in Baby M's home",
            reviewer: "Dr J Independent",
            family: "Mother met the reviewer twice; father declined")
        try r.addMilestone("Practitioner learning event", due: Self.day(2026, 5, 20))
        try r.completeMilestone(0, on: Self.day(2026, 5, 20))
        #expect(throws: FieldProblem.self) {
            try r.recordBoardResponse(
                "The board accepts every recommendation and will monitor them", on: Self.day(2026, 6, 1))
        }
        #expect(throws: FieldProblem.self) { try r.addDraft(sharedOn: Self.day(2026, 6, 1), seenBy: [" "]) }
        try r.addDraft(sharedOn: Self.day(2026, 6, 1), seenBy: ["The family", "The agencies involved"])
        try r.addDraft(sharedOn: Self.day(2026, 7, 1), seenBy: ["The board"])
        #expect(r.drafts.map(\.version) == [1, 2])
        #expect(throws: FieldProblem.self) { try r.publish(on: Self.day(2026, 9, 1), lateReason: "") }
        try r.recordBoardResponse(
            "The board accepts every recommendation and will monitor the action plan quarterly",
            on: Self.day(2026, 7, 20))
        #expect(throws: FieldProblem.self) { try r.publish(on: Self.day(2026, 9, 30), lateReason: "") }
        try r.publish(on: Self.day(2026, 9, 30), lateReason: "Publication waited for the criminal trial to end")
        #expect(r.stage == .published && r.isClosed && r.lateReason.hasPrefix("Publication waited"))
        #expect(throws: FieldProblem.self) { try r.decideNotToPublish("A second thought entirely") }
    }

    @Test func notPublishingNeedsItsReason() throws {
        var r = PracticeReview(kind: .sar, decidedOn: Self.day(2026, 3, 15), publicationMonths: 6)
        #expect(throws: FieldProblem.self) { try r.decideNotToPublish("Family") }
        try r.decideNotToPublish("Publishing would identify the adult's children, who are at risk")
        #expect(r.stage == .notPublished)
    }
}

struct PracticeReviewCodingTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }

    @Test func aReviewIsCodedOnceTheBoardHasRespondedAsOfTheDayItConcluded() throws {
        var r = PracticeReview(kind: .lcspr, decidedOn: Self.day(2026, 1, 12), publicationMonths: 6)
        let vocabulary = ReviewThemeVocabulary.shipped
        let two = Set(vocabulary.themes.prefix(2).map(\.key))
        #expect(
            throws: FieldProblem(
                field: "themes", message: "Code the review's themes once the board has responded to its findings")
        ) {
            try r.coded(reference: "PR-2026-0001", themes: two, vocabulary: vocabulary)
        }
        try r.setUp(
            terms: "How agencies shared what they knew about the men in the home", reviewer: "An independent reviewer",
            family: "Mother met the reviewer")
        try r.addDraft(sharedOn: Self.day(2026, 5, 1), seenBy: ["The family", "The board"])
        try r.recordBoardResponse(
            "The board accepts all five recommendations and will monitor the action plan every quarter",
            on: Self.day(2026, 5, 20))
        #expect(
            try r.coded(reference: "PR-2026-0001", themes: two, vocabulary: vocabulary)
                == CodedReview(
                    reference: "PR-2026-0001", kind: .localChildSafeguardingPracticeReview,
                    completedOn: Self.day(2026, 5, 20), themes: two))
        try r.publish(on: Self.day(2026, 6, 30), lateReason: "")
        #expect(
            try r.coded(reference: "PR-2026-0001", themes: two, vocabulary: vocabulary).completedOn
                == Self.day(2026, 6, 30), "published: as of publication")
        #expect(throws: FieldProblem(field: "themes", message: "Choose the themes the review found")) {
            try r.coded(reference: "PR-2026-0001", themes: [], vocabulary: vocabulary)
        }
        #expect(throws: FieldProblem.self) {
            try r.coded(reference: "PR-2026-0001", themes: ["made-up"], vocabulary: vocabulary)
        }
        #expect(
            PracticeReview(kind: .sar, decidedOn: Self.day(2026, 1, 12), publicationMonths: 6).reviewKind
                == .safeguardingAdultsReview)
    }
}
