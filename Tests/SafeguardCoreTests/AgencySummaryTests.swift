import Testing

@testable import SafeguardCore

struct AgencySummaryTests {
    static let calendar = WorkingCalendar.englandAndWales
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }

    @Test func dueSevenWorkingDaysOnAcrossBankHolidaysButNeverAfterTheReview() throws {
        // Asked on Friday 18 December 2026: Christmas Day and Boxing Day (moved to Monday 28th) are skipped.
        #expect(
            try AgencySummary.due(
                requestedOn: Self.day(2026, 12, 18), workingDays: 7, reviewDue: nil, calendar: Self.calendar)
                == Self.day(2026, 12, 31))
        // A rapid review due sooner pulls the summary in to the review's own day.
        #expect(
            try AgencySummary.due(
                requestedOn: Self.day(2026, 3, 2), workingDays: 7, reviewDue: Self.day(2026, 3, 6),
                calendar: Self.calendar)
                == Self.day(2026, 3, 6))
        // Asked on the review's last day, it still gets a working day.
        #expect(
            try AgencySummary.due(
                requestedOn: Self.day(2026, 3, 6), workingDays: 7, reviewDue: Self.day(2026, 3, 6),
                calendar: Self.calendar)
                == Self.day(2026, 3, 9))
    }

    static func fresh() -> AgencySummary {
        AgencySummary(requestedOn: day(2026, 3, 2), due: day(2026, 3, 11), ask: "Cover March 2025 onwards")
    }

    @Test func aDraftIsKeptAndThenSentWithItsChronology() throws {
        var s = Self.fresh()
        try s.saveDraft(involvement: "Health visiting", chronology: "", analysis: "")
        #expect(s.stage == .drafted && s.mayWrite)
        try s.submit(
            involvement: "Health visiting since birth; four home visits.",
            chronology: "14/03/2025 New birth visit\n\n2025-06-02: Six-week check, mother's partner present",
            analysis: "Visits did not ask who else lived in the home.", on: Self.day(2026, 3, 10))
        #expect(s.stage == .submitted && !s.mayWrite)
        #expect(
            s.chronology == [
                .init(day: Self.day(2025, 3, 14), text: "New birth visit"),
                .init(day: Self.day(2025, 6, 2), text: "Six-week check, mother's partner present"),
            ])
        #expect(s.standing(today: Self.day(2026, 3, 12), calendar: Self.calendar) == .done(onTime: true))
        #expect(throws: FieldProblem.self) { try s.saveDraft(involvement: "x", chronology: "", analysis: "") }
    }

    @Test func sendingNeedsTheInvolvementAndAReflectionWhenThereWasAny() {
        var s = Self.fresh()
        #expect(
            throws: FieldProblem(
                field: "involvement",
                message: "Say what your agency's involvement was, or \"Not known to us\" (at least 10 characters)")
        ) {
            try s.submit(involvement: "Seen", chronology: "", analysis: "", on: Self.day(2026, 3, 3))
        }
        #expect(throws: FieldProblem.self) {
            try s.submit(
                involvement: "Seen by the GP twice", chronology: "01/02/2025 GP appointment", analysis: "",
                on: Self.day(2026, 3, 3))
        }
        #expect(s.stage == .requested)
        // "Not known to us", with no events, needs no reflection.
        #expect(throws: Never.self) {
            try s.submit(involvement: "Not known to us", chronology: "", analysis: "", on: Self.day(2026, 3, 3))
        }
    }

    @Test func everyChronologyLineMustStartWithARealDay() {
        #expect(
            AgencySummaryChronology.parse("Home visit on Monday")
                == .failure(
                    FieldProblem(
                        field: "chronology",
                        message: "Line 1 must start with the day it happened, like 14/03/2026, then what happened")))
        #expect(
            AgencySummaryChronology.parse("01/02/2025 GP\n31/02/2025 Visit").map(\.count)
                == .failure(
                    FieldProblem(
                        field: "chronology",
                        message: "Line 2 must start with the day it happened, like 14/03/2026, then what happened")))
        #expect(
            AgencySummaryChronology.parse("01/02/2025").map(\.count)
                == .failure(FieldProblem(field: "chronology", message: "Line 1 has a date but not what happened")))
        #expect(
            AgencySummaryChronology.parse("1/2/2025 - School nurse drop-in")
                == .success([.init(day: Self.day(2025, 2, 1), text: "School nurse drop-in")]))
        // A bad line refuses the draft too, so nothing half-parsed is kept.
        var s = Self.fresh()
        #expect(throws: FieldProblem.self) {
            try s.saveDraft(involvement: "", chronology: "yesterday visit", analysis: "")
        }
        #expect(s.stage == .requested && s.chronologyText.isEmpty)
    }

    @Test func theBusinessUnitReturnsASentSummaryAndItCanBeSentAgain() throws {
        var s = Self.fresh()
        #expect(throws: FieldProblem.self) { try s.returnForMore(note: "Please add the 2024 contacts") }
        try s.submit(involvement: "Not known to us", chronology: "", analysis: "", on: Self.day(2026, 3, 4))
        #expect(throws: FieldProblem.self) { try s.returnForMore(note: "more") }
        try s.returnForMore(note: "Please check the name at the family's earlier address")
        #expect(s.stage == .returned && s.submittedOn == nil && s.mayWrite)
        try s.submit(
            involvement: "Known at the earlier address: one A&E attendance",
            chronology: "03/04/2024 A&E attendance, head injury",
            analysis: "Not shared with the health visitor.", on: Self.day(2026, 3, 12))
        #expect(s.standing(today: Self.day(2026, 3, 12), calendar: Self.calendar) == .done(onTime: false))
    }

    @Test func chasedOnlyOnceDueAndOnceADayAndNeverOnceReceived() throws {
        var s = Self.fresh()
        #expect(!s.mayChase(on: Self.day(2026, 3, 10)) && s.mayChase(on: Self.day(2026, 3, 11)))
        #expect(throws: FieldProblem(field: "chase", message: "It is not due until 11 March 2026")) {
            try s.chase(on: Self.day(2026, 3, 10))
        }
        #expect(AgencySummaryRequests.askProblem(String(repeating: "a", count: 2_000)) == nil)
        #expect(AgencySummaryRequests.askProblem(String(repeating: "a", count: 2_001))?.field == "ask")
        try s.chase(on: Self.day(2026, 3, 12))
        #expect(throws: FieldProblem(field: "chase", message: "It was already chased today")) {
            try s.chase(on: Self.day(2026, 3, 12))
        }
        try s.chase(on: Self.day(2026, 3, 13))
        #expect(s.chasedOn == [Self.day(2026, 3, 12), Self.day(2026, 3, 13)])
        #expect(s.standing(today: Self.day(2026, 3, 13), calendar: Self.calendar) == .overdue(workingDays: 2))
        try s.submit(involvement: "Not known to us", chronology: "", analysis: "", on: Self.day(2026, 3, 13))
        #expect(throws: FieldProblem.self) { try s.chase(on: Self.day(2026, 3, 16)) }
    }

    @Test func oneContributorPerAgencyAndNoAgencyAskedTwice() throws {
        let offered = [
            AgencySummaryRequests.Contributor(userID: "u1", agencyID: "police", agencyName: "Northmere Police"),
            .init(userID: "u2", agencyID: "police", agencyName: "Northmere Police"),
            .init(userID: "u3", agencyID: "icb", agencyName: "Northmere ICB"),
        ]
        #expect(throws: FieldProblem(field: "contributors", message: "Choose who writes each agency's summary")) {
            try AgencySummaryRequests.choose([], from: offered, alreadyAsked: [])
        }
        #expect(throws: FieldProblem.self) {
            try AgencySummaryRequests.choose(["u1", "forged"], from: offered, alreadyAsked: [])
        }
        #expect(
            throws: FieldProblem(
                field: "contributors",
                message: "Choose one contributor for Northmere Police: each agency writes one summary")
        ) {
            try AgencySummaryRequests.choose(["u1", "u2"], from: offered, alreadyAsked: [])
        }
        #expect(
            throws: FieldProblem(field: "contributors", message: "Northmere ICB has already been asked for its summary")
        ) {
            try AgencySummaryRequests.choose(["u3"], from: offered, alreadyAsked: ["icb"])
        }
        #expect(
            try AgencySummaryRequests.choose(["u3", "u1"], from: offered, alreadyAsked: []).map(\.userID) == [
                "u1", "u3",
            ])
    }

    @Test func theReviewChronologyMergesThePlatformWithTheSummariesInDayOrder() {
        let platform = [
            ReviewChronology.Entry(
                day: Self.day(2025, 3, 14), agency: "Children's Social Care", source: .platform,
                text: "Referral to the MASH"),
            .init(day: Self.day(2025, 6, 1), agency: "Police", source: .platform, text: "Domestic incident"),
        ]
        let merged = ReviewChronology.merge(
            platform: platform,
            summaries: [
                (
                    agency: "Health",
                    lines: [
                        .init(day: Self.day(2025, 6, 1), text: "A&E attendance"),
                        .init(day: Self.day(2025, 1, 5), text: "Booking"),
                    ]
                )
            ])
        #expect(merged.map(\.text) == ["Booking", "Referral to the MASH", "Domestic incident", "A&E attendance"])
        #expect(merged.map(\.source) == [.agencySummary, .platform, .platform, .agencySummary])
    }

    @Test func passedToSomeoneElseInTheAgencyUntilItIsSent() throws {
        var s = Self.fresh()
        #expect(throws: FieldProblem(field: "contributor", message: "Choose who writes it now")) {
            try s.checkPassing(to: nil, from: "u1", inSameAgency: true, role: .policeOfficer)
        }
        #expect(throws: FieldProblem.self) {
            try s.checkPassing(to: "u1", from: "u1", inSameAgency: true, role: .policeOfficer)
        }
        #expect(throws: FieldProblem.self) {
            try s.checkPassing(to: "u2", from: "u1", inSameAgency: false, role: .policeOfficer)
        }
        #expect(throws: FieldProblem.self) {
            try s.checkPassing(to: "u2", from: "u1", inSameAgency: true, role: .trainer)
        }
        #expect(throws: Never.self) {
            try s.checkPassing(to: "u2", from: "u1", inSameAgency: true, role: .policePublicProtection)
        }
        try s.submit(involvement: "Not known to us", chronology: "", analysis: "", on: Self.day(2026, 3, 4))
        #expect(
            throws: FieldProblem(
                field: "contributor",
                message: "This summary has been sent: return it first if someone else should change it")
        ) {
            try s.checkPassing(to: "u2", from: "u1", inSameAgency: true, role: .policeOfficer)
        }
    }
}
