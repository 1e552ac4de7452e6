import Testing

@testable import SafeguardCore

struct ReferralStatusTests {
    @Test(arguments: [
        (ReferralStatus.draft, ReferralStatus.Event.submit, ReferralStatus?.some(.submitted)),
        (.submitted, .triage, .gathering),
        (.gathering, .triage, .gathering),  // re-rating is allowed
        (.submitted, .recordDecision, .awaitingSignOff),  // a clear case needs no partner checks
        (.gathering, .recordDecision, .awaitingSignOff),
        (.awaitingSignOff, .signOff, .closed),
        (.awaitingSignOff, .returnDecision, .gathering),
        (.draft, .triage, nil),
        (.submitted, .signOff, nil),  // nobody closes a referral without a decision
        (.gathering, .signOff, nil),
        (.closed, .recordDecision, nil),
        (.closed, .triage, nil),
        (.draft, .recordDecision, nil),
    ])
    func transitions(from: ReferralStatus, event: ReferralStatus.Event, to: ReferralStatus?) {
        #expect(from.after(event) == to)
    }

    @Test func onlyWorkInTheMASHCountsAsOpen() {
        #expect(ReferralStatus.allCases.filter(\.isOpen) == [.submitted, .gathering, .awaitingSignOff])
    }
}

struct ConcernCategoryTests {
    @Test func adultsHaveTheTenCareActTypes() {
        #expect(ConcernCategory.forAdults.count == 10)
        #expect(ConcernCategory.forChildren.count == 12)
        #expect(Set(ConcernCategory.forAdults).isDisjoint(with: ConcernCategory.forChildren))
    }
}

struct ThresholdDecisionTests {
    let rationale = "Two partner checks show repeated domestic incidents; the school reports weight loss."

    func make(
        _ level: Int?, _ outcome: ReferralOutcome?, _ text: String? = nil, subjects: [PersonCategory] = [.child]
    ) -> [ThresholdDecision.Problem] {
        switch ThresholdDecision.make(
            level: level, outcome: outcome, rationale: text ?? rationale, continuum: .standard, subjects: subjects)
        {
        case .success: []
        case .failure(let list): list.problems
        }
    }

    @Test func aCompleteDecisionIsAccepted() {
        #expect(make(4, .childInNeedAssessment).isEmpty)
        #expect(make(3, .earlyHelp).isEmpty)
        #expect(make(1, .noFurtherAction).isEmpty)
        #expect(make(2, .adultSection42Enquiry, subjects: [.adult]).isEmpty)
    }

    @Test func theRationaleIsMandatory() {
        #expect(make(4, .childInNeedAssessment, "") == [.rationaleTooShort])
        #expect(make(4, .childInNeedAssessment, String(repeating: "x", count: 29)) == [.rationaleTooShort])
        #expect(make(4, .childInNeedAssessment, "   " + String(repeating: "x", count: 30)).isEmpty)
    }

    @Test func missingOrUnknownChoicesAreNamed() {
        #expect(make(nil, nil) == [.missingLevel, .missingOutcome])
        #expect(make(5, .earlyHelp) == [.unknownLevel])
    }

    @Test func outcomesMustFitThePeopleAndTheLevel() {
        #expect(make(4, .adultSection42Enquiry) == [.outcomeDoesNotFitSubjects(.adultSection42Enquiry)])
        #expect(make(4, .strategyDiscussion, subjects: [.adult]) == [.outcomeDoesNotFitSubjects(.strategyDiscussion)])
        #expect(
            make(4, .strategyDiscussion, subjects: [.adult, .child]).isEmpty, "a household referral can concern both")
        #expect(make(3, .strategyDiscussion) == [.outcomeDoesNotFitLevel(.strategyDiscussion, "3 (Intensive)")])
        #expect(make(3, .noFurtherAction) == [.outcomeDoesNotFitLevel(.noFurtherAction, "3 (Intensive)")])
    }

    @Test func aPartnershipCanNameItsOwnLevels() {
        let three = ContinuumOfNeed(levels: [
            .init(number: 1, name: "Universal", description: ""),
            .init(number: 2, name: "Early help", description: ""),
            .init(number: 3, name: "Social care", description: ""),
        ])
        let r = ThresholdDecision.make(
            level: 3, outcome: .strategyDiscussion, rationale: rationale, continuum: three, subjects: [.child])
        #expect((try? r.get()) != nil)
    }
}

struct StrategyDiscussionRulesTests {
    @Test func socialCarePoliceAndHealthMustAttend() {
        #expect(
            StrategyDiscussionRules.missingPartners(attending: [.childrensSocialCare, .police, .communityTrust]).isEmpty
        )
        #expect(StrategyDiscussionRules.missingPartners(attending: [.childrensSocialCare, .police]) == [.health])
        #expect(
            StrategyDiscussionRules.missingPartners(attending: [.school, .integratedCareBoard]) == [
                .socialCare, .police,
            ])
        #expect(StrategyDiscussionRules.missingPartners(attending: []).count == 3)
    }

    @Test func theConferenceIsDueFifteenWorkingDaysLater() throws {
        // Tuesday 24 March 2026: 15 working days, skipping Good Friday and Easter Monday, is 16 April.
        let due = try StrategyDiscussionRules.conferenceDue(
            heldOn: SimpleDate(year: 2026, month: 3, day: 24)!, calendar: .englandAndWales)
        #expect(due == SimpleDate(year: 2026, month: 4, day: 16)!)
    }
}

struct ChronologyVisibilityTests {
    @Test func everyoneWhoSeesThePersonSeesTheRecordEntries() {
        for role in Role.allCases {
            #expect(ChronologyVisibility.record.isVisible(to: role, recordedByViewersAgency: false))
        }
    }

    @Test func mashWorkIsForTheSafeguardingLeadsAndTheAgencyThatWroteIt() {
        let readers = Role.allCases.filter {
            ChronologyVisibility.safeguarding.isVisible(to: $0, recordedByViewersAgency: false)
        }
        #expect(
            Set(readers) == [
                .mashPractitioner, .mashManager, .socialWorker, .teamManager, .policePublicProtection, .auditor,
            ])
        #expect(
            !ChronologyVisibility.safeguarding.isVisible(
                to: .schoolDesignatedSafeguardingLead, recordedByViewersAgency: false))
        #expect(
            ChronologyVisibility.safeguarding.isVisible(
                to: .schoolDesignatedSafeguardingLead, recordedByViewersAgency: true))
        #expect(!ChronologyVisibility.safeguarding.isVisible(to: .healthPractitioner, recordedByViewersAgency: false))
        #expect(!ChronologyVisibility.safeguarding.isVisible(to: .policeOfficer, recordedByViewersAgency: false))
    }
}

struct StrategyDiscussionTimelinessTests {
    static func day(_ iso: String) -> SimpleDate { SimpleDate(iso: iso)! }

    @Test func countsTimelinessMonthByMonthInWorkingDays() {
        let list = [
            // Friday 27 March → Monday 30 March: one working day.
            StrategyDiscussionTimeliness.Discussion(
                referredOn: Self.day("2026-03-27"), heldOn: Self.day("2026-03-30"), missingPartners: 0, section47: true),
            // Thursday 2 April → Wednesday 8 April over Easter (Good Friday, Easter Monday): two working days.
            .init(
                referredOn: Self.day("2026-04-02"), heldOn: Self.day("2026-04-08"), missingPartners: 1, section47: false
            ),
            // Wednesday 1 April → Friday 10 April: five working days over Easter, outside a 3-day target.
            .init(
                referredOn: Self.day("2026-04-01"), heldOn: Self.day("2026-04-10"), missingPartners: 0, section47: true),
        ]
        let rows = StrategyDiscussionTimeliness.report(list, targetWorkingDays: 3, calendar: .englandAndWales)
        #expect(rows.map(\.period) == ["2026-03", "2026-04", "all"])
        #expect(
            rows[0]
                == .init(
                    period: "2026-03", held: 1, withinTarget: 1, medianWorkingDays: 1, allStatutoryPartners: 1,
                    section47: 1))
        #expect(rows[1].held == 2)
        #expect(rows[1].withinTarget == 1)
        #expect(rows[1].medianWorkingDays == 3.5, "two and five working days")
        #expect(rows[2].held == 3)
        #expect(rows[2].withinTarget == 2)
        #expect(rows[2].percentWithinTarget == 67)
        #expect(rows[2].allStatutoryPartners == 2)
        #expect(rows[2].section47 == 2)
    }

    @Test func nothingHeldIsATotalOfNothing() {
        let rows = StrategyDiscussionTimeliness.report([], targetWorkingDays: 3, calendar: .englandAndWales)
        #expect(
            rows == [
                .init(
                    period: "all", held: 0, withinTarget: 0, medianWorkingDays: nil, allStatutoryPartners: 0,
                    section47: 0)
            ])
        #expect(rows[0].percentWithinTarget == nil)
    }
}

struct MedianTests {
    @Test func theMiddleValueOrTheMeanOfTheMiddleTwo() {
        #expect(median([]) == nil)
        #expect(median([5]) == 5)
        #expect(median([9, 1, 4]) == 4)
        #expect(median([2, 5, 0, 3]) == 2.5)
    }
}
