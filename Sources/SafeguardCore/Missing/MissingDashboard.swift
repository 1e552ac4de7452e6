import Foundation

/// The "vulnerable young people by district" dashboard: missing episodes set beside exploitation
/// risk, one row per district and a total.
///
/// Who is counted: a young person is in a district's figures when an episode of theirs *started*
/// in the period. Repeat missing is judged over the period with ``RepeatMissingRule/assess(episodeStarts:during:)``,
/// using earlier episodes too. Return home interviews are those for the period's episodes, judged at
/// `asOf`. "Currently missing" is the exception: it counts every young person missing at `asOf`,
/// whenever their episode began, because a child missing for months must never drop off the page.
public enum MissingDashboard {
    /// One row per district, ordered by name (a blank district shows as "District not recorded"),
    /// then the total row (``Row/district`` nil), which is the sum of the district rows.
    public static func build(
        _ youngPeople: [YoungPerson], period: ClosedRange<SimpleDate>, asOf now: Date,
        rule: RepeatMissingRule = .standard
    ) -> [Row] {
        let byDistrict = Dictionary(grouping: youngPeople) { YoungPerson.districtName($0.district) }
        let names = byDistrict.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        let rows = names.map { row(district: $0, byDistrict[$0]!, period: period, now: now, rule: rule) }
        return rows + [rows.reduce(Row(district: nil), +)]
    }

    static func row(
        district: String, _ people: [YoungPerson], period: ClosedRange<SimpleDate>, now: Date,
        rule: RepeatMissingRule
    ) -> Row {
        var row = Row(district: district)
        for person in people {
            if person.episodes.contains(where: { $0.isMissing(at: now) }) { row.currentlyMissing += 1 }
            let inPeriod = person.episodes.filter { period.contains($0.startDay) }
            guard !inPeriod.isEmpty else { continue }
            row.youngPeople += 1
            row.episodes += inPeriod.count
            let starts = person.episodes.map(\.startedAt).filter { SimpleDate($0) <= period.upperBound }
            let isRepeat = rule.assess(episodeStarts: starts, during: period).isRepeatMissing
            if isRepeat {
                row.repeatMissingYoungPeople += 1
                row.repeatMissingByRisk.add(person.exploitationRisk)
            } else {
                row.notRepeatMissingByRisk.add(person.exploitationRisk)
            }
            for episode in inPeriod { row.countInterview(episode, now: now) }
        }
        return row
    }
}
