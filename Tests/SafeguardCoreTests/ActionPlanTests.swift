import Testing

@testable import SafeguardCore

struct ActionPlanTests {
    static let calendar = WorkingCalendar.englandAndWales
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }
    static let today = day(2026, 12, 7)

    static func action(due: SimpleDate = day(2027, 3, 31)) -> PlanAction {
        PlanAction(
            description: "Train all health visitors on the men around a baby",
            impactMeasure: "Audit of 20 records shows fathers recorded in 90%",
            dueOn: due)
    }

    @Test func anActionIsSMARTFromTheStart() {
        #expect(
            PlanAction.problems(
                description: "Train", impactMeasure: "", ownerChosen: false, dueOn: Self.day(2026, 12, 1),
                today: Self.today
            ).map(\.field)
                == ["description", "impact", "owner", "due-day"])
        #expect(
            PlanAction.problems(
                description: "Train all health visitors on fathers",
                impactMeasure: "Audit of twenty records shows fathers",
                ownerChosen: true, dueOn: Self.day(2027, 1, 1), today: Self.today
            ).isEmpty)
    }

    @Test func ragFollowsTheClockAndTheOwnersWord() throws {
        var a = Self.action()
        #expect(a.rag(today: Self.today, calendar: Self.calendar) == .green)
        #expect(
            Self.action(due: Self.day(2026, 12, 18)).rag(today: Self.today, calendar: Self.calendar) == .amber,
            "not started, 9 working days left")
        #expect(Self.action(due: Self.day(2026, 12, 4)).rag(today: Self.today, calendar: Self.calendar) == .red)
        #expect(Self.action(due: Self.day(2026, 12, 4)).isOverdue(today: Self.today))
        try a.updateProgress(.onTrack, note: "")
        #expect(throws: FieldProblem.self) { try a.updateProgress(.atRisk, note: "") }
        try a.updateProgress(.atRisk, note: "Two trainers are off sick")
        #expect(a.rag(today: Self.today, calendar: Self.calendar) == .amber)
    }

    @Test func evidenceThenCompletionThenSignOffOrReturn() throws {
        var a = Self.action()
        #expect(
            throws: FieldProblem(field: "impact-achieved", message: "Add evidence before marking the action completed")
        ) {
            try a.complete(on: Self.today, impactAchieved: "Fathers now recorded")
        }
        try a.addEvidence("Attendance list of the six sessions", on: Self.today, by: "Nia Campbell", files: ["f1"])
        try a.complete(on: Self.today, impactAchieved: "Audit found fathers recorded in 92% of records")
        #expect(
            a.status == .completed && a.rag(today: Self.day(2027, 6, 1), calendar: Self.calendar) == .green,
            "done is never overdue")
        try a.returnToOwner("Please attach the audit itself")
        #expect(a.status == .onTrack && a.returnedNote == "Please attach the audit itself")
        try a.addEvidence("The audit report of 20 records", on: Self.today, by: "Nia Campbell")
        try a.complete(on: Self.today, impactAchieved: "Audit found fathers recorded in 92% of records")
        try a.signOff(on: Self.today, by: "Rebecca Holt")
        #expect(a.status == .signedOff && a.rag(today: Self.today, calendar: Self.calendar) == nil)
        #expect(throws: FieldProblem.self) { try a.addEvidence("More after sign-off", on: Self.today, by: "x") }
    }

    @Test func whoMayDoWhat() {
        #expect(PlanAction.mayUpdate(isOwner: true, role: .healthPractitioner))
        #expect(!PlanAction.mayUpdate(isOwner: false, role: .teamManager))
        #expect(PlanAction.mayUpdate(isOwner: false, role: .businessUnitOfficer))
        #expect(PlanAction.maySignOff(memberships: [.caseReviewSubGroup], isOwner: false))
        #expect(
            !PlanAction.maySignOff(memberships: [.caseReviewSubGroup], isOwner: true),
            "nobody signs off their own action")
        #expect(!PlanAction.maySignOff(memberships: [.sarPanel], isOwner: false))
        #expect(ActionPlanScope.of(role: .healthPractitioner, memberships: []) == .agency)
        #expect(ActionPlanScope.of(role: .teamManager, memberships: [.caseReviewSubGroup]) == .all)
        #expect(ActionPlanScope.of(role: .boardMember, memberships: []) == .all)
    }

    @Test func aRecommendationClosesImplementedOnlyWhenEveryActionIsSignedOffOrNotImplementedWithAReason() throws {
        var r = Recommendation(
            finding: "Fathers were not seen by any agency", text: "Agencies record and engage the men around a baby")
        #expect(throws: FieldProblem.self) { try r.close(implemented: true, reason: "", actions: [Self.action()]) }
        #expect(throws: FieldProblem.self) { try r.close(implemented: false, reason: "Money", actions: []) }
        try r.close(implemented: false, reason: "The national system replaced it before it could be done", actions: [])
        #expect(r.status == .notImplemented && r.notImplementedReason.hasPrefix("The national system"))
    }

    @Test func theFilterAndTheCSV() throws {
        var done = Self.action()
        try done.addEvidence("Attendance list of the sessions", on: Self.today, by: "x")
        try done.complete(on: Self.today, impactAchieved: "Fathers recorded in 92% of records")
        let entries = [
            ActionPlanEntry(
                id: "1", source: "LCSPR Baby M", sourceReference: "NM-LCSPR-2025-1", recommendation: "Record fathers",
                recommendationStatus: .open,
                agency: "Health", owner: "Nia", action: done),
            ActionPlanEntry(
                id: "2", source: "LCSPR Baby M", sourceReference: "NM-LCSPR-2025-1", recommendation: "Record fathers",
                recommendationStatus: .open,
                agency: "Police", owner: "Karen", action: Self.action(due: Self.day(2026, 11, 30))),
        ]
        #expect(
            entries.filter { ActionPlanFilter(overdueOnly: true).includes($0, today: Self.today) }.map(\.id) == ["2"])
        #expect(
            entries.filter { ActionPlanFilter(agency: "Health").includes($0, today: Self.today) }.map(\.id) == ["1"])
        #expect(
            entries.filter { ActionPlanFilter(status: .completed).includes($0, today: Self.today) }.map(\.id) == ["1"])
        let csv = ActionPlanReport.csvLines(entries, today: Self.today, calendar: Self.calendar)
        #expect(csv.count == 3 && csv[2][8] == "Red" && csv[2][9] == "yes")
        #expect(
            ActionPlanReport.summary(entries, today: Self.today)
                == "2 actions: 1 overdue, 1 awaiting sign-off, 0 signed off")
    }
}

struct OverdueReminderTests {
    static let calendar = WorkingCalendar.englandAndWales
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }

    @Test func onceOverdueThenEveryFiveWorkingDaysAcrossBankHolidays() {
        let due = Self.day(2026, 12, 18)  // a Friday
        #expect(
            !OverdueReminder.isDue(due: due, lastReminded: nil, today: due, calendar: Self.calendar),
            "not late on its day")
        #expect(
            OverdueReminder.isDue(due: due, lastReminded: nil, today: Self.day(2026, 12, 21), calendar: Self.calendar))
        #expect(
            OverdueReminder.isDue(
                due: due, lastReminded: Self.day(2026, 12, 17), today: Self.day(2026, 12, 21), calendar: Self.calendar),
            "a reminder before it was late does not count")
        // Reminded Monday 21st: Christmas Day and Boxing Day (moved to Monday 28th) push the next to Tuesday 29th.
        let last = Self.day(2026, 12, 21)
        #expect(
            !OverdueReminder.isDue(due: due, lastReminded: last, today: Self.day(2026, 12, 21), calendar: Self.calendar)
        )
        #expect(
            !OverdueReminder.isDue(due: due, lastReminded: last, today: Self.day(2026, 12, 28), calendar: Self.calendar)
        )
        #expect(
            OverdueReminder.isDue(due: due, lastReminded: last, today: Self.day(2026, 12, 30), calendar: Self.calendar))
    }
}
