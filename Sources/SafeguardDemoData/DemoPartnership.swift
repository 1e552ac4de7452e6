import Foundation
import SafeguardCore

/// A complete fictional safeguarding partnership — the county of Northmere — for demonstrations,
/// training and load tests. Everything in it is invented: names are drawn from lists, postcodes
/// use the unallocated "NM" area and NHS numbers the 999 test range, so nothing can identify a
/// real person. Cross-references are array indices, so any store can load it in order.
public struct DemoPartnership: Sendable, Equatable, Codable {
    public let name: String
    /// The ten districts, in the order reports list them.
    public let districts: [String]
    public let agencies: [DemoAgency]
    public let teams: [DemoTeam]
    /// The first user of each role, in `Role.allCases` order, is that role's demo login.
    public let users: [DemoUser]
    public let people: [DemoPerson]
    public let addresses: [DemoAddress]
    public let residences: [DemoResidence]
    public let relationships: [DemoRelationship]
    public let involvements: [DemoInvolvement]

    /// Same seed => byte-identical output on every machine and every day (no Date(), no
    /// SystemRandomNumberGenerator, no Set/Dictionary iteration order leaking into output).
    ///
    /// Agencies, teams and users do not depend on the seed, so the published demo logins always
    /// work; people, addresses and everything about them do.
    public static func generate(
        seed: UInt64 = 2026, households: Int = 800,
        referenceDate: SimpleDate = SimpleDate(year: 2026, month: 1, day: 1)!
    ) -> DemoPartnership {
        let organisation = DemoOrganisation()
        // Separate streams for streets, people and involvements, so tuning one part of the
        // generator leaves the others as they were for the same seed.
        var root = SeededRandom(seed: seed)
        var streetRandom = root.fork()
        var peopleRandom = root.fork()
        var involvementRandom = root.fork()
        let book = DemoAddressBook(random: &streetRandom)
        var population = DemoPopulationBuilder(today: referenceDate, random: peopleRandom.fork(), book: book)
        for _ in 0..<max(0, households) {
            let origin = peopleRandom.pick(weighted: DemoOrigin.weights)
            let kind = peopleRandom.pick(weighted: DemoHouseholdKind.weights(for: origin))
            population.build(kind, origin: origin, district: population.pickDistrict())
        }
        var planner = DemoInvolvementPlanner(organisation: organisation)
        planner.plan(population, random: &involvementRandom)
        return DemoPartnership(
            name: "Northmere Safeguarding Partnership",
            districts: DemoDistrict.all.map(\.name),
            agencies: organisation.agencies,
            teams: organisation.teams,
            users: organisation.users,
            people: population.people,
            addresses: population.book.addresses,
            residences: population.residences,
            relationships: population.relationships,
            involvements: planner.involvements)
    }
}
