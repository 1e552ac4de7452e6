import Foundation
import Testing

@testable import SafeguardCore

struct ProfessionalDisagreementTests {
    static let calendar = WorkingCalendar.englandAndWales
    static func day(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate { SimpleDate(year: y, month: m, day: d)! }

    @Test func eachStageHasItsWorkingDaysAcrossBankHolidays() throws {
        // Raised Wednesday 23 December 2026: two working days skip Christmas and the moved Boxing Day.
        var d = try ProfessionalDisagreement(
            raisedOn: Self.day(2026, 12, 23), ladder: .standard, calendar: Self.calendar)
        #expect(d.current.dueOn == Self.day(2026, 12, 29))
        #expect(d.currentStage.name == "Practitioner to practitioner")
        try d.recordOutcome(
            "We spoke and could not agree on the threshold", resolved: false, on: Self.day(2026, 12, 29),
            by: "Aisha Okoro",
            calendar: Self.calendar)
        #expect(d.current.stage == 1 && d.currentStage.name == "Manager to manager")
        // Five working days from Tuesday 29 December: 30, 31, (1 January a bank holiday), 4, 5, 6.
        #expect(d.current.dueOn == Self.day(2027, 1, 6))
        #expect(
            d.status == .open && d.steps.count == 2
                && d.steps[0].outcome == "We spoke and could not agree on the threshold")
    }

    @Test func theChairsDecisionIsFinal() throws {
        var d = try ProfessionalDisagreement(raisedOn: Self.day(2026, 3, 2), ladder: .standard, calendar: Self.calendar)
        for n in 0..<3 {
            try d.recordOutcome(
                "Stage \(n + 1) met and did not agree on it", resolved: false, on: Self.day(2026, 3, 3 + n), by: "x",
                calendar: Self.calendar)
        }
        #expect(d.currentStage.level == .chair)
        try d.recordOutcome(
            "The chair decided the plan continues with police attending", resolved: false, on: Self.day(2026, 3, 9),
            by: "Chair",
            calendar: Self.calendar)
        #expect(d.status == .resolved && d.highestStage == 3)
        #expect(throws: FieldProblem.self) {
            try d.recordOutcome(
                "Once more with feeling please", resolved: true, on: Self.day(2026, 3, 10), by: "x",
                calendar: Self.calendar)
        }
    }

    @Test func anOutcomeNeedsWordsAndADayInTheStage() throws {
        var d = try ProfessionalDisagreement(raisedOn: Self.day(2026, 3, 4), ladder: .standard, calendar: Self.calendar)
        #expect(
            throws: FieldProblem(
                field: "outcome", message: "Record what was discussed and decided at this stage, in at least 5 words")
        ) {
            try d.recordOutcome("agreed", resolved: true, on: Self.day(2026, 3, 4), by: "x", calendar: Self.calendar)
        }
        #expect(throws: FieldProblem.self) {
            try d.recordOutcome(
                "We agreed on a joint visit", resolved: true, on: Self.day(2026, 3, 3), by: "x", calendar: Self.calendar
            )
        }
        try d.recordOutcome(
            "We agreed on a joint visit", resolved: true, on: Self.day(2026, 3, 4), by: "x", calendar: Self.calendar)
        #expect(
            d.status == .resolved
                && d.standing(today: Self.day(2026, 3, 20), calendar: Self.calendar) == .done(onTime: true))
    }

    @Test func whoMayRecordEachStage() throws {
        var d = try ProfessionalDisagreement(raisedOn: Self.day(2026, 3, 2), ladder: .standard, calendar: Self.calendar)
        #expect(d.mayRecordOutcome(role: .socialWorker, isParty: true))
        #expect(!d.mayRecordOutcome(role: .socialWorker, isParty: false), "not a party")
        #expect(!d.mayRecordOutcome(role: .boardMember, isParty: true))
        try d.recordOutcome(
            "We could not agree on the threshold", resolved: false, on: Self.day(2026, 3, 3), by: "x",
            calendar: Self.calendar)
        #expect(!d.mayRecordOutcome(role: .socialWorker, isParty: true), "the manager stage is the managers'")
        #expect(
            d.mayRecordOutcome(role: .teamManager, isParty: true)
                && d.mayRecordOutcome(role: .policePublicProtection, isParty: true))
        try d.recordOutcome(
            "Managers could not agree either", resolved: false, on: Self.day(2026, 3, 4), by: "x",
            calendar: Self.calendar)
        #expect(d.mayRecordOutcome(role: .businessUnitOfficer, isParty: false))
        try d.recordOutcome(
            "Leads could not agree so it goes to the chair", resolved: false, on: Self.day(2026, 3, 5), by: "x",
            calendar: Self.calendar)
        #expect(
            !d.mayRecordOutcome(role: .teamManager, isParty: true)
                && d.mayRecordOutcome(role: .businessUnitOfficer, isParty: false))
    }

    @Test func onlyTheRaiserIsRemindedAtThePractitionersStage() throws {
        var d = try ProfessionalDisagreement(raisedOn: Self.day(2026, 3, 2), ladder: .standard, calendar: Self.calendar)
        #expect(d.awaits(role: .socialWorker, isParty: true, isRaiser: true))
        #expect(
            !d.awaits(role: .socialWorker, isParty: true, isRaiser: false),
            "a colleague may record it, but it is not on their list")
        try d.recordOutcome(
            "We could not agree on the threshold", resolved: false, on: Self.day(2026, 3, 3), by: "x",
            calendar: Self.calendar)
        #expect(d.awaits(role: .teamManager, isParty: true, isRaiser: false))
    }

    @Test func raisingNeedsTheOtherAgencyTheCaseAndWhatWouldResolveIt() {
        let p = ProfessionalDisagreement.raiseProblems(
            otherAgencyChosen: true, sameAgency: true, caseReference: "x", theme: nil, summary: "short",
            resolution: "")
        #expect(p.map(\.field) == ["other-agency", "case-reference", "theme", "summary", "resolution"])
        #expect(
            ProfessionalDisagreement.raiseProblems(
                otherAgencyChosen: true, sameAgency: false, caseReference: "MASH-2026-000012",
                theme: .thresholdDecision,
                summary: "The MASH decided no further action but the school has seen new bruising twice this week",
                resolution: "A strategy discussion this week"
            ).isEmpty)
    }

    @Test func theFiguresCountByStagePairAndTheme() {
        let e: [DisagreementFigures.Entry] = [
            .init(
                raisingAgency: "School", otherAgency: "Children's Services", theme: .thresholdDecision, highestStage: 0,
                resolved: true),
            .init(
                raisingAgency: "Children's Services", otherAgency: "School", theme: .thresholdDecision, highestStage: 1,
                resolved: false),
            .init(
                raisingAgency: "Police", otherAgency: "Children's Services", theme: .attendance, highestStage: 3,
                resolved: true),
        ]
        let f = DisagreementFigures(e, ladder: .standard)
        #expect(f.total == 3)
        #expect(f.byStage.map(\.total) == [1, 1, 0, 1])
        #expect(
            f.byAgencyPair.first == .init(label: "Children's Services and School", total: 2, resolved: 1),
            "either way round is one pair")
        #expect(
            f.byTheme.map(\.label) == ["A threshold or referral decision", "Attendance at meetings or conferences"])
        #expect(f.csvLines.count == 1 + 4 + 2 + 2)
    }

    @Test func aPartnershipSetsItsOwnStages() throws {
        let json =
            #"{"escalationStages": [{"name": "Practitioners", "workingDays": 3}, {"name": "Managers", "workingDays": 5}, {"name": "Chair", "workingDays": 10}]}"#
        let rules = try PartnershipRules.parse(Data(json.utf8))
        #expect(rules.escalation.stages.map(\.level) == [.practitioner, .manager, .chair])
        #expect(rules.escalation.stages.map(\.workingDays) == [3, 5, 10])
        #expect(throws: PartnershipRules.Problem.self) {
            try PartnershipRules.parse(Data(#"{"escalationStages": [{"name": "Only", "workingDays": 2}]}"#.utf8))
        }
        #expect(throws: PartnershipRules.Problem.self) {
            try PartnershipRules.parse(
                Data(
                    #"{"escalationStages": [{"name": "A", "workingDays": 0}, {"name": "B", "workingDays": 2}, {"name": "C", "workingDays": 2}]}"#
                        .utf8))
        }
        #expect(PartnershipRules.standard.escalation == .standard)
    }
}
