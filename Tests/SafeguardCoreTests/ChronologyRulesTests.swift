import Foundation
import Testing

@testable import SafeguardCore

struct ChronologyRulesTests {
    static let nov20 = SimpleDate(year: 2026, month: 11, day: 20)!
    static let dec5 = SimpleDate(year: 2026, month: 12, day: 5)!

    @Test func entriesAreInTheOrderThingsHappenedNotTheOrderTyped() {
        let plan = ChronologyRules.Entry(
            occurredAt: ChronologyDay.instant(of: Self.nov20), recordedAt: Self.dec5.at(hour: 10),
            category: "Child protection", agency: "Children's Services")
        let visit = ChronologyRules.Entry(
            occurredAt: Self.nov20.at(hour: 15), recordedAt: Self.nov20.at(hour: 16), category: "Health",
            agency: "Trust")
        let referral = ChronologyRules.Entry(
            occurredAt: Self.dec5.at(hour: 9), recordedAt: Self.dec5.at(hour: 9), category: "Referral", agency: "School"
        )
        #expect([plan, referral, visit].sorted(by: ChronologyRules.newestFirst) == [referral, visit, plan])
        #expect(ChronologyRules.recordedLate(plan))
        #expect(!ChronologyRules.recordedLate(visit))
        #expect(
            SimpleDate(ChronologyDay.instant(of: Self.nov20)) == Self.nov20,
            "a day-only event stays on its day in UK time")
    }

    @Test func theFilterKeepsTheKindsAndAgenciesChosen() {
        let e = ChronologyRules.Entry(occurredAt: Date(), recordedAt: Date(), category: "Missing", agency: "Police")
        #expect(ChronologyRules.Filter().includes(e))
        #expect(ChronologyRules.Filter(categories: ["Missing", "Referral"]).includes(e))
        #expect(!ChronologyRules.Filter(categories: ["Referral"]).includes(e))
        #expect(!ChronologyRules.Filter(categories: ["Missing"], agencies: ["School"]).includes(e))
        #expect(ChronologyRules.Filter(categories: [""], agencies: [""]).isEmpty)
    }
}

struct MASHQueueTests {
    static let now = Date(timeIntervalSince1970: 1_772_445_600)
    static func item(
        _ ref: String, rag: RAGRating?, urgency: ReferralUrgency = .standard, status: ReferralStatus = .gathering,
        dueIn hours: Double?, to worker: String? = nil, overdue: Int = 0, subjects: [String] = ["Kayla Smith"]
    ) -> MASHQueue.Item {
        MASHQueue.Item(
            id: ref, reference: ref, subjects: subjects, status: status, rag: rag, urgency: urgency,
            submittedAt: now.addingTimeInterval(-3600 * Double(ref.count)),
            decisionDueAt: hours.map { now.addingTimeInterval($0 * 3600) },
            allocatedTo: worker, district: nil, overdueRequests: overdue)
    }
    static let items = [
        item("A", rag: .green, dueIn: 30), item("BB", rag: .red, dueIn: 2, to: "u1"),
        item("CCC", rag: nil, urgency: .today, status: .submitted, dueIn: nil),
        item("DDDD", rag: .amber, dueIn: -1, overdue: 2, subjects: ["Thomas Michalski"]),
        item("EEEEE", rag: .amber, status: .awaitingSignOff, dueIn: 5, to: "u2"),
    ]

    @Test func sortsByClockRAGUrgencyOrArrival() {
        #expect(
            MASHQueue.sorted(Self.items, by: .decisionClock).map(\.reference) == ["DDDD", "BB", "EEEEE", "A", "CCC"])
        #expect(MASHQueue.sorted(Self.items, by: .rag).map(\.reference) == ["BB", "EEEEE", "DDDD", "A", "CCC"])
        #expect(MASHQueue.sorted(Self.items, by: .urgency).first?.reference == "CCC")
        #expect(MASHQueue.sorted(Self.items, by: .received).map(\.reference) == ["EEEEE", "DDDD", "CCC", "BB", "A"])
    }

    @Test func filtersAndCountsAgree() {
        let counts = Dictionary(
            uniqueKeysWithValues: MASHQueue.counts(Self.items, now: Self.now).map { ($0.label, $0) })
        #expect(counts["New"]?.number == 1)
        #expect(counts["Not allocated"]?.number == 3)
        #expect(counts["Decisions overdue"]?.number == 1)
        #expect(counts["With partner requests overdue"]?.number == 1)
        for c in counts.values {
            #expect(
                Self.items.filter { c.filter.includes($0, now: Self.now) }.count == c.number,
                "\(c.label): the link lists what it counts")
        }
        #expect(
            Self.items.filter { MASHQueue.Filter(text: "michal").includes($0, now: Self.now) }.map(\.reference) == [
                "DDDD"
            ])
        #expect(
            Self.items.filter { MASHQueue.Filter(worker: "u1").includes($0, now: Self.now) }.map(\.reference) == ["BB"])
    }

    @Test func redOverdueSignOffAndTheReferrersUrgencyAreUrgent() {
        #expect(Self.items.filter { $0.isUrgent(at: Self.now) }.map(\.reference) == ["BB", "CCC", "DDDD", "EEEEE"])
    }

    @Test func allocationFollowsTheRoles() {
        #expect(
            ReferralAllocation.check(
                by: .mashManager, isSelf: false, toRole: .mashPractitioner, current: "x", status: .gathering) == nil)
        #expect(
            ReferralAllocation.check(
                by: .mashPractitioner, isSelf: true, toRole: .mashPractitioner, current: nil, status: .submitted) == nil
        )
        #expect(
            ReferralAllocation.check(
                by: .mashPractitioner, isSelf: false, toRole: .mashPractitioner, current: nil, status: .submitted)
                == .notYours)
        #expect(
            ReferralAllocation.check(
                by: .mashPractitioner, isSelf: true, toRole: .mashPractitioner, current: "x", status: .submitted)
                == .alreadyAllocated)
        #expect(
            ReferralAllocation.check(
                by: .mashManager, isSelf: false, toRole: .socialWorker, current: nil, status: .submitted) == .notAWorker
        )
        #expect(
            ReferralAllocation.check(
                by: .mashManager, isSelf: false, toRole: .mashPractitioner, current: nil, status: .closed) == .closed)
    }

    @Test func myWorkIsTheTeamsUnlessAManagerWidensIt() {
        #expect(MyWorkScope.resolve("county", role: .mashPractitioner) == .team)
        #expect(MyWorkScope.resolve("county", role: .mashManager) == .county)
        #expect(MyWorkScope.team.includes(allocatedTo: nil, team: ["me"]))
        #expect(!MyWorkScope.team.includes(allocatedTo: "other", team: ["me"]))
        #expect(MyWorkScope.county.includes(allocatedTo: "other", team: ["me"]))
    }
}

struct PartnerChoiceTests {
    @Test func involvedAgenciesComeFirstThenKindsInTheMASHsOrder() {
        let agencies = [
            PartnerChoice.Agency(id: "s", name: "Calder Primary", kind: .school),
            PartnerChoice.Agency(id: "p", name: "Northmere Police", kind: .police),
            PartnerChoice.Agency(id: "h", name: "Northmere Hospitals", kind: .acuteTrust),
            PartnerChoice.Agency(id: "v", name: "Safe Harbour", kind: .voluntarySector),
            PartnerChoice.Agency(id: "a", name: "Asked already", kind: .police),
        ]
        let groups = PartnerChoice.groups(agencies, involved: ["s"], asked: ["a"])
        #expect(
            groups.map(\.title) == [
                "Already working with the people referred", "Police", "NHS acute trust", "Voluntary sector",
            ])
        #expect(groups[0].agencies.map(\.id) == ["s"])
        #expect(!groups.flatMap(\.agencies).contains { $0.id == "a" })
    }
}

struct SpokenTimeTests {
    @Test(arguments: [
        (9, 30, "9:30am"), (12, 30, "12:30pm"), (12, 0, "midday"), (0, 0, "midnight"), (17, 5, "5:05pm"),
        (0, 15, "12:15am"),
    ])
    func timesReadAsGOVUKWritesThem(hour: Int, minute: Int, spoken: String) {
        #expect(ClockTime(hour: hour, minute: minute)?.spoken == spoken)
    }
}
