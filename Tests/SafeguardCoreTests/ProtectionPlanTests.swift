import Testing

@testable import SafeguardCore

struct ProtectionPlanTests {
    static func day(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-08-31", 6, "2027-02-28"),
        ("2026-11-15", 3, "2027-02-15"), ("2026-03-10", -3, "2025-12-10"), ("2026-12-01", 12, "2027-12-01"),
    ])
    func addingMonthsKeepsTheDayOrTheMonthsEnd(start: String, months: Int, expected: String) {
        #expect(Self.day(start).adding(months: months) == Self.day(expected))
    }

    @Test func theReviewClocksFollowWorkingTogether() throws {
        // Strategy discussion Monday 2 March 2026: conference within 15 working days, Monday 23 March.
        let conference = try ChildProtectionClocks.initialConferenceDue(
            strategyDiscussion: Self.day("2026-03-02"), calendar: .englandAndWales)
        #expect(conference == Self.day("2026-03-23"))
        #expect(
            ChildProtectionClocks.nextReviewDue(initialConference: Self.day("2026-03-23"), lastReview: nil)
                == Self.day("2026-06-23"))
        #expect(
            ChildProtectionClocks.nextReviewDue(
                initialConference: Self.day("2026-03-23"), lastReview: Self.day("2026-06-20"))
                == Self.day("2026-12-20"))
    }

    @Test func moreThanOneCategoryIsReturnedAsMultiple() {
        #expect(ProtectionCategory.returnCategory([.neglect]) == "neglect")
        #expect(ProtectionCategory.returnCategory([.neglect, .emotionalAbuse]) == "multiple")
        #expect(ProtectionCategory.returnCategory([]) == "")
        #expect(!ProtectionKind.lookedAfter.isPlan)
        #expect(ProtectionKind.unbornPlan.isPlan)
    }
}
