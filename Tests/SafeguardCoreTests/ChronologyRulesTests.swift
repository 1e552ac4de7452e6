import Foundation
import Testing
@testable import SafeguardCore

struct ChronologyRulesTests {
    static let nov20 = SimpleDate(year: 2026, month: 11, day: 20)!
    static let dec5 = SimpleDate(year: 2026, month: 12, day: 5)!

    @Test func entriesAreInTheOrderThingsHappenedNotTheOrderTyped() {
        let plan = ChronologyRules.Entry(occurredAt: ChronologyDay.instant(of: Self.nov20), recordedAt: Self.dec5.at(hour: 10),
                                         category: "Child protection", agency: "Children's Services")
        let visit = ChronologyRules.Entry(occurredAt: Self.nov20.at(hour: 15), recordedAt: Self.nov20.at(hour: 16), category: "Health", agency: "Trust")
        let referral = ChronologyRules.Entry(occurredAt: Self.dec5.at(hour: 9), recordedAt: Self.dec5.at(hour: 9), category: "Referral", agency: "School")
        #expect([plan, referral, visit].sorted(by: ChronologyRules.newestFirst) == [referral, visit, plan])
        #expect(ChronologyRules.recordedLate(plan))
        #expect(!ChronologyRules.recordedLate(visit))
        #expect(SimpleDate(ChronologyDay.instant(of: Self.nov20)) == Self.nov20, "a day-only event stays on its day in UK time")
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
