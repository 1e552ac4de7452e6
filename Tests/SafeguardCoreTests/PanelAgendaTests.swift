import Foundation
import Testing

@testable import SafeguardCore

struct PanelAgendaTests {
    typealias T = ExploitationPanelTests
    static let meeting = T.day("2026-03-09")

    static func overdueActions(_ n: Int) -> [PanelAction] {
        (0..<n).map { PanelAction(description: "Action \($0)", owner: "police", dueOn: T.day("2026-03-01")) }
    }

    struct Fixture {
        var cases: [String: PanelCase] = [:]
        init() throws {
            cases["R1"] = T.referral("2026-03-01")
            cases["R2"] = T.referral("2026-02-20")
            cases["S1"] = try T.inCohort(.significant, added: "2026-02-09", reviewed: "2026-03-02")
            cases["S2"] = try T.inCohort(.significant, added: "2026-01-12", reviewed: "2026-02-02")
            cases["M1"] = try T.inCohort(
                .moderate, added: "2026-01-12", reviewed: "2026-02-02", actions: overdueActions(1))
            cases["M2"] = try T.inCohort(.moderate, added: "2026-01-12", reviewed: "2026-01-26")
            cases["E1"] = try T.inCohort(.emerging, added: "2026-02-16", actions: overdueActions(2))
            cases["E2"] = try T.inCohort(.emerging, added: "2026-02-16")
            cases["M3"] = try T.inCohort(.moderate, added: "2026-03-02")
            cases["C"] = try T.inCohort(.moderate, added: "2026-01-12").applying(
                .close(reason: .riskReduced), on: T.day("2026-02-02"))
        }

        func label(_ item: PanelAgendaItem) -> String {
            cases.first { $0.value.id == item.caseID }!.key
        }

        /// Shuffled by a fixed order so the test does not pass merely because the input was sorted.
        var input: [PanelCase] {
            ["E2", "C", "M1", "R1", "S1", "M3", "E1", "S2", "R2", "M2"].map { cases[$0]! }
        }
    }

    @Test func referralsThenReviewsByRiskAndLatenessThenTheRest() throws {
        let f = try Fixture()
        let agenda = PanelAgenda.build(cohort: f.input, meetingDate: Self.meeting)
        #expect(agenda.map(f.label) == ["R2", "R1", "S2", "S1", "M2", "M1", "E1", "M3", "E2"])
        #expect(
            agenda.map(\.section) == [
                .newReferrals, .newReferrals, .reviews, .reviews, .reviews, .reviews, .reviews,
                .forInformation, .forInformation,
            ])
        #expect(PanelAgenda.build(cohort: f.input.reversed(), meetingDate: Self.meeting) == agenda)
    }

    @Test func eachItemSaysWhyItIsThere() throws {
        let f = try Fixture()
        let agenda = PanelAgenda.build(cohort: f.input, meetingDate: Self.meeting)
        let reasons = Dictionary(uniqueKeysWithValues: agenda.map { (f.label($0), $0.reasons) })
        #expect(reasons["R2"] == ["New referral"])
        #expect(reasons["S2"] == ["Significant risk: reviewed at every meeting"])
        #expect(reasons["M2"] == ["Review due 23 February 2026"])
        #expect(reasons["M1"] == ["Review due 2 March 2026", "Overdue action: 1"])
        #expect(reasons["E1"] == ["Overdue actions: 2"])
        #expect(reasons["E2"] == ["For information: next review due 13 April 2026"])
        let m2 = try #require(agenda.first { f.label($0) == "M2" })
        #expect(m2.daysReviewOverdue == 14 && m2.reviewDueOn == T.day("2026-02-23"))
        let e1 = try #require(agenda.first { f.label($0) == "E1" })
        #expect(e1.overdueActions == 2 && e1.daysReviewOverdue == 0)
    }

    @Test func closedAndScreenedOutCasesAreLeftOff() throws {
        let f = try Fixture()
        let out = try T.referral().applying(.screenOut(reason: "Below threshold"), on: T.day("2026-01-12"))
        let agenda = PanelAgenda.build(cohort: [f.cases["C"]!, out], meetingDate: Self.meeting)
        #expect(agenda.isEmpty)
    }

    @Test func aReviewDueBeforeTheNextMeetingIsTakenNow() throws {
        let f = try Fixture()
        let agenda = PanelAgenda.build(cohort: f.input, meetingDate: Self.meeting, nextMeetingDate: T.day("2026-04-06"))
        let m3 = try #require(agenda.first { f.label($0) == "M3" })
        #expect(m3.section == .reviews)
        #expect(m3.reasons == ["Review due 30 March 2026"])
        #expect(agenda.last.map(f.label) == "E2")
    }

    @Test func sectionsAreInMeetingOrder() {
        #expect(PanelAgendaSection.allCases.sorted() == [.newReferrals, .reviews, .forInformation])
        #expect(PanelAgendaSection.newReferrals.displayName == "New referrals to screen")
    }
}
