import Foundation
import Testing

@testable import SafeguardCore

struct MissingDashboardTests {
    typealias YoungPerson = MissingDashboard.YoungPerson
    static let hour: TimeInterval = 3600
    static let quarter = SimpleDate(iso: "2026-04-01")!...SimpleDate(iso: "2026-06-30")!
    /// 6 pm on the quarter's last day.
    static let asOf = MissingEpisodeTests.noon("2026-06-30").addingTimeInterval(6 * hour)

    /// An episode starting at noon on `iso`, returning `back` hours later, interviewed `interviewed`
    /// hours after the return.
    static func episode(
        _ iso: String, back: Double? = 20, interviewed: Double? = nil, declined: Bool = false
    ) -> MissingEpisode {
        let start = MissingEpisodeTests.noon(iso)
        let returned = back.map { start.addingTimeInterval($0 * hour) }
        let completed = returned.flatMap { r in interviewed.map { r.addingTimeInterval($0 * hour) } }
        return MissingEpisode(
            kind: .missingFromHome, startedAt: start, returnedAt: returned, whereFound: .friendOrRelativeAddress,
            returnInterview: ReturnHomeInterview(completedAt: completed, declined: declined))
    }

    static let youngPeople: [YoungPerson] = [
        // Northgate: repeat missing in April, assessed significant; two interviews in time, one late.
        YoungPerson(
            district: "Northgate",
            episodes: [
                episode("2026-04-01", interviewed: 24), episode("2026-04-10", interviewed: 72),
                episode("2026-04-20", interviewed: 73),
            ], exploitationRisk: .significant),
        // Northgate: went missing this morning and is still missing; never assessed.
        YoungPerson(district: "Northgate", episodes: [episode("2026-06-30", back: nil)], exploitationRisk: nil),
        // Northgate: missing only in January, so not in this quarter's figures.
        YoungPerson(
            district: "Northgate", episodes: [episode("2026-01-05", interviewed: 10)], exploitationRisk: .moderate),
        // Ashby: two episodes in March and one in May make them repeat missing in the quarter;
        // declined the interview; never assessed for exploitation (the gap the dashboard shows).
        YoungPerson(
            district: "Ashby",
            episodes: [
                episode("2026-03-15", interviewed: 5), episode("2026-03-25", interviewed: 5),
                episode("2026-05-01", declined: true),
            ], exploitationRisk: nil),
        // Ashby: back yesterday, interview still within 72 hours.
        YoungPerson(district: "Ashby", episodes: [episode("2026-06-29", back: 8)], exploitationRisk: .emerging),
        // Ashby: back in May, never interviewed.
        YoungPerson(district: "Ashby", episodes: [episode("2026-05-10")], exploitationRisk: .noneIdentified),
        // Ashby: missing since February and still missing.
        YoungPerson(district: "Ashby", episodes: [episode("2026-02-01", back: nil)], exploitationRisk: .significant),
        // No district recorded: interviewed 80 hours after the return.
        YoungPerson(
            district: "  ", episodes: [episode("2026-04-05", back: 5, interviewed: 80)], exploitationRisk: .moderate),
    ]

    static let rows = MissingDashboard.build(youngPeople, period: quarter, asOf: asOf)

    @Test func oneRowPerDistrictByNameThenTheTotal() {
        #expect(Self.rows.map(\.displayName) == ["Ashby", "District not recorded", "Northgate", "Total"])
        #expect(Self.rows.map(\.isTotal) == [false, false, false, true])
    }

    @Test func northgateFigures() throws {
        let row = try #require(Self.rows.first { $0.district == "Northgate" })
        #expect(row.youngPeople == 2)
        #expect(row.episodes == 4)
        #expect(row.repeatMissingYoungPeople == 1)
        #expect(row.currentlyMissing == 1)
        #expect(
            (
                row.interviewsDue, row.interviewsOverdue, row.interviewsDoneInTime, row.interviewsDoneLate,
                row.interviewsDeclined
            )
                == (0, 0, 2, 1, 0))
        #expect(row.returnedMoreThan72HoursAgo == 3)
        #expect(row.percentWithin72Hours == 67)
        #expect(row.repeatMissingByRisk.significant == 1)
        #expect(row.notRepeatMissingByRisk.notAssessed == 1)
    }

    @Test func ashbyShowsARepeatMissingChildNobodyHasAssessed() throws {
        let row = try #require(Self.rows.first { $0.district == "Ashby" })
        #expect(row.youngPeople == 3)
        #expect(row.episodes == 3)
        #expect(row.repeatMissingYoungPeople == 1)
        #expect(row.repeatMissingByRisk.notAssessed == 1)
        #expect(row.repeatMissingByRisk.count(for: nil) == 1)
        // The child missing since February is counted as missing now, though not in the quarter.
        #expect(row.currentlyMissing == 1)
        #expect(
            (
                row.interviewsDue, row.interviewsOverdue, row.interviewsDoneInTime, row.interviewsDoneLate,
                row.interviewsDeclined
            )
                == (1, 1, 0, 0, 1))
        // Yesterday's return cannot be judged yet; the declined and the missed one can.
        #expect(row.returnedMoreThan72HoursAgo == 2)
        #expect(row.percentWithin72Hours == 0)
        #expect(row.notRepeatMissingByRisk.emerging == 1 && row.notRepeatMissingByRisk.noneIdentified == 1)
    }

    @Test func theTotalIsTheSumOfTheDistricts() throws {
        let districts = Self.rows.dropLast()
        let total = try #require(Self.rows.last)
        let fields: [KeyPath<MissingDashboard.Row, Int>] = [
            \.youngPeople, \.episodes, \.repeatMissingYoungPeople, \.currentlyMissing, \.interviewsDue,
            \.interviewsOverdue,
            \.interviewsDoneInTime, \.interviewsDoneLate, \.interviewsDeclined, \.returnedMoreThan72HoursAgo,
            \.returnedMoreThan72HoursAgoDoneInTime, \.repeatMissingByRisk.total, \.notRepeatMissingByRisk.total,
        ]
        for field in fields {
            #expect(total[keyPath: field] == districts.map { $0[keyPath: field] }.reduce(0, +))
        }
        for level in [nil] + ExploitationRiskLevel.allCases.map(Optional.some) {
            #expect(
                total.repeatMissingByRisk.count(for: level)
                    == districts.map { $0.repeatMissingByRisk.count(for: level) }.reduce(0, +))
        }
        #expect(
            total.youngPeople == 6 && total.episodes == 8 && total.repeatMissingYoungPeople == 2
                && total.currentlyMissing == 2)
        #expect(total.percentWithin72Hours == 33)
    }

    @Test func theCrossTabAddsUpOnEveryRow() {
        for row in Self.rows {
            #expect(row.repeatMissingByRisk.total == row.repeatMissingYoungPeople)
            #expect(row.repeatMissingByRisk.total + row.notRepeatMissingByRisk.total == row.youngPeople)
            let returned =
                row.interviewsDue + row.interviewsOverdue + row.interviewsDoneInTime + row.interviewsDoneLate
                + row.interviewsDeclined
            #expect(returned <= row.episodes)
        }
    }

    @Test func anEmptyPartnershipHasOnlyAZeroTotal() {
        let rows = MissingDashboard.build([], period: Self.quarter, asOf: Self.asOf)
        #expect(rows == [MissingDashboard.Row(district: nil)])
        #expect(rows[0].percentWithin72Hours == nil)
    }

    @Test func riskLevelsAreOrderedSignificantHighest() {
        #expect(ExploitationRiskLevel.allCases.sorted(by: >) == [.significant, .moderate, .emerging, .noneIdentified])
        #expect(ExploitationRiskLevel.noneIdentified.rawValue == "none")
        #expect(ExploitationRiskLevel.moderate >= .emerging)
        var counts = ExploitationRiskCounts()
        counts.add(.moderate, count: 2)
        counts.add(nil)
        #expect((counts + counts).total == 6)
        #expect((counts + counts).moderate == 4)
    }
}
