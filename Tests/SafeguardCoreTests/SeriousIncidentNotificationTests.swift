import Testing

@testable import SafeguardCore

struct SeriousIncidentNotificationTests {
    static let calendar = WorkingCalendar.englandAndWales
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }
    static let today = day(2026, 12, 22)
    static let child = PersonSnapshot(
        name: "Kayla Smith", dateOfBirth: day(2026, 4, 2), gender: "Female", ethnicity: "White British",
        disability: nil,
        address: "14 Mill Lane", legalStatus: [.childProtectionPlan], agencies: ["Northmere Children's Services"],
        openReferrals: ["MASH-2026-0001"], plans: ["Child protection plan since 2 June 2026"])

    static func raised() -> SeriousIncidentNotification {
        SeriousIncidentNotification(
            child: child, reason: .seriousHarm, incidentOn: day(2026, 12, 15),
            whatHappened: "Admitted with a skull fracture that was not explained")
    }

    static func completed() -> SeriousIncidentNotification {
        var n = raised()
        n.place = "At home"
        n.policeInvestigation = .yes
        n.policeDetails = "DS Lindqvist, operation 26/4411"
        n.awareOn = day(2026, 12, 17)
        return n
    }

    @Test func raisingNeedsAReasonADayWhatHappenedAndSuspectedAbuse() {
        let none = SeriousIncidentNotification.raiseProblems(
            reason: nil, incidentOn: nil, whatHappened: "fell", abuseOrNeglect: false,
            dateOfBirth: Self.child.dateOfBirth, today: Self.today)
        #expect(none.map(\.field) == ["reason", "incident-day", "what-happened", "abuse-or-neglect"])
        #expect(
            SeriousIncidentNotification.raiseProblems(
                reason: .death, incidentOn: Self.day(2026, 12, 23), whatHappened: "a b c d e", abuseOrNeglect: true,
                dateOfBirth: nil, today: Self.today
            ).map(\.message) == ["The day it happened cannot be in the future"])
        #expect(
            SeriousIncidentNotification.raiseProblems(
                reason: .death, incidentOn: Self.day(2026, 3, 1), whatHappened: "a b c d e", abuseOrNeglect: true,
                dateOfBirth: Self.child.dateOfBirth, today: Self.today
            ).map(\.message)
                == ["The day it happened is before the child was born"])
        let adult = SeriousIncidentNotification.raiseProblems(
            reason: .death, incidentOn: Self.day(2026, 12, 1), whatHappened: "a b c d e", abuseOrNeglect: true,
            dateOfBirth: Self.day(2008, 11, 30), today: Self.today)
        #expect(
            adult.first?.message
                == "They were 18 on that day: for an adult, refer for a Safeguarding Adults Review instead")
    }

    @Test func completionNeedsThePlaceThePoliceAndTheDayOfAwareness() {
        var n = Self.raised()
        #expect(n.completionProblems(today: Self.today).map(\.field) == ["place", "police", "aware-day"])
        n.policeInvestigation = .yes
        n.awareOn = Self.day(2026, 12, 14)
        #expect(
            n.completionProblems(today: Self.today).map(\.field) == ["place", "police-details", "aware-day"],
            "aware before it happened")
        #expect(Self.completed().completionProblems(today: Self.today).isEmpty)
    }

    @Test func notifyingOnTimeAcrossChristmasAndLateWithAReason() throws {
        // Aware Thursday 17 December 2026: due Thursday 24th, as Christmas and the moved Boxing Day are not working days.
        var onTime = Self.completed()
        #expect(onTime.clock(calendar: Self.calendar)?.notificationDue == Self.day(2026, 12, 24))
        try onTime.recordNotified(
            on: Self.day(2026, 12, 22), lateReason: "", today: Self.today, calendar: Self.calendar)
        #expect(onTime.status == .notified && onTime.lateReason.isEmpty)
        #expect(onTime.clock(calendar: Self.calendar)?.rapidReviewDue == Self.day(2027, 1, 15))
        #expect(throws: FieldProblem.self) {
            try onTime.recordNotified(
                on: Self.day(2026, 12, 22), lateReason: "", today: Self.today, calendar: Self.calendar)
        }

        var late = Self.completed()
        let january = Self.day(2027, 1, 4)
        #expect(
            throws: FieldProblem(
                field: "late-reason",
                message:
                    "This is 4 January 2027, after the due date of 24 December 2026: say why it was late (at least 10 characters)"
            )
        ) {
            try late.recordNotified(on: january, lateReason: "", today: january, calendar: Self.calendar)
        }
        try late.recordNotified(
            on: january, lateReason: "The hospital told us only on 2 January", today: january, calendar: Self.calendar)
        #expect(late.lateReason == "The hospital told us only on 2 January")
        #expect(
            late.clock(calendar: Self.calendar).map {
                SeriousIncidentClock.standing(
                    due: $0.notificationDue, doneOn: late.notifiedOn, today: january,
                    calendar: Self.calendar)
            } == .done(onTime: false))
    }

    @Test func anIncompleteNotificationCannotBeSentAndOneCanBeClosedWithAReason() throws {
        var n = Self.raised()
        #expect(throws: FieldProblem.self) {
            try n.recordNotified(on: Self.today, lateReason: "", today: Self.today, calendar: Self.calendar)
        }
        #expect(n.status == .raised)
        #expect(throws: FieldProblem.self) { try n.closeAsNotNotifiable(reason: "no") }
        try n.closeAsNotNotifiable(reason: "The injury was accidental, confirmed by the child protection medical")
        #expect(n.status == .notNotifiable && !n.mayComplete)
    }

    @Test func aLookedAfterChildsDeathIsAlsoReportedToOfsted() {
        var n = Self.raised()
        #expect(!n.alsoReportToOfsted)
        n.reason = .death
        n.child.legalStatus = [.lookedAfter]
        #expect(n.alsoReportToOfsted)
    }

    @Test func aPartSavedNotificationIsCheckedOnlyForWhatIsGiven() {
        var n = Self.raised()
        #expect(n.savingProblems(today: Self.today).isEmpty, "empty fields are for later")
        n.place = "x"
        n.policeInvestigation = .yes
        n.awareOn = Self.day(2026, 12, 14)
        #expect(n.savingProblems(today: Self.today).map(\.field) == ["place", "police-details", "aware-day"])
    }
}
