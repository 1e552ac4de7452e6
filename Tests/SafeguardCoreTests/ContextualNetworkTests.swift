import Foundation
import Testing

@testable import SafeguardCore

struct ContextualNetworkTests {
    /// Alex, Jay, Sam and Dan (cohort) meet at Northgate Park and Central Station; Jay is linked to
    /// Kieran, an adult suspected of exploiting him, who frequents 14 Mill Lane, where Sam was found
    /// when missing: a cycle Alex → park → Jay → Kieran → Mill Lane → Sam → station → Alex.
    /// Mia and Lee (cohort) are siblings at 3 Oak Road; Zoe (cohort) is linked only to her school.
    struct Fixture {
        let people: [String: ContextualPerson]
        let places: [String: ContextualPlace]
        let network: ContextualNetwork

        init(
            extraPlaceLinks: [(String, String, PlaceLinkNature)] = [],
            extraAssociates: [(String, String, AssociateLinkNature)] = []
        ) {
            var people: [String: ContextualPerson] = [:]
            for name in ["Alex", "Jay", "Sam", "Dan", "Mia", "Lee", "Zoe"] {
                people[name] = ContextualPerson(displayName: name, isCohortMember: true)
            }
            people["Kieran"] = ContextualPerson(displayName: "Kieran", isCohortMember: false)
            let places: [String: ContextualPlace] = [
                "park": ContextualPlace(name: "Northgate Park", kind: .park),
                "station": ContextualPlace(name: "Central Station", kind: .station),
                "mill": ContextualPlace(name: "14 Mill Lane", kind: .address),
                "oak": ContextualPlace(name: "3 Oak Road", kind: .address),
                "school": ContextualPlace(name: "Northgate Academy", kind: .school),
            ]
            let placeLinks: [(String, String, PlaceLinkNature)] =
                [
                    ("Alex", "park", .frequents), ("Jay", "park", .seenAt), ("Dan", "park", .seenAt),
                    ("Dan", "park", .frequents),
                    ("Alex", "station", .seenAt), ("Sam", "station", .seenAt),
                    ("Sam", "mill", .foundWhenMissing), ("Kieran", "mill", .frequents),
                    ("Mia", "oak", .livesAt), ("Lee", "oak", .livesAt), ("Zoe", "school", .seenAt),
                ] + extraPlaceLinks
            let associates: [(String, String, AssociateLinkNature)] =
                [
                    ("Jay", "Kieran", .suspectedExploiter), ("Mia", "Lee", .sibling),
                ] + extraAssociates
            self.people = people
            self.places = places
            network = ContextualNetwork(
                people: Array(people.values), places: Array(places.values),
                placeLinks: placeLinks.map {
                    PersonPlaceLink(personID: people[$0.0]!.id, placeID: places[$0.1]!.id, nature: $0.2)
                },
                associateLinks: associates.map {
                    AssociateLink(personID: people[$0.0]!.id, associateID: people[$0.1]!.id, nature: $0.2)
                })
        }

        func around(_ name: String, steps: Int = 2) -> NetworkNeighbourhood {
            network.neighbourhood(of: people[name]!.id, steps: steps)!
        }
    }

    static func names(_ nodes: [ReachedNode]) -> [String] { nodes.map(\.node.name) }

    @Test(arguments: [
        (1, ["Central Station", "Northgate Park"]),
        (2, ["Central Station", "Northgate Park", "Dan", "Jay", "Sam"]),
        (3, ["Central Station", "Northgate Park", "Dan", "Jay", "Sam", "14 Mill Lane", "Kieran"]),
        (10, ["Central Station", "Northgate Park", "Dan", "Jay", "Sam", "14 Mill Lane", "Kieran"]),
    ])
    func theNetworkAroundAlexGrowsStepByStep(steps: Int, expected: [String]) {
        let around = Fixture().around("Alex", steps: steps)
        #expect(Self.names(around.reached) == expected)
        #expect(
            Set(around.reached.map(\.node)).count == around.reached.count, "nobody appears twice, even round the cycle")
        #expect(!around.reached.contains { $0.node.name == "Alex" })
        #expect(!around.reached.contains { $0.node.name == "Mia" })
    }

    @Test func eachPersonOrPlaceSaysWhyItIsLinked() throws {
        let around = Fixture().around("Alex", steps: 3)
        let why = Dictionary(uniqueKeysWithValues: around.reached.map { ($0.node.name, $0.why) })
        #expect(why["Northgate Park"] == "Frequented by Alex")
        #expect(why["Central Station"] == "Where Alex has been seen")
        #expect(why["Jay"] == "Shares Northgate Park with Alex")
        #expect(why["Sam"] == "Shares Central Station with Alex")
        #expect(why["Kieran"] == "Suspected exploiter of Jay")
        #expect(why["14 Mill Lane"] == "Where Sam was found when missing")
        let kieran = try #require(around.reached.first { $0.node.name == "Kieran" })
        #expect(kieran.steps == 3)
        #expect(kieran.pathText == "Alex → Northgate Park → Jay → Kieran")
        #expect(around.people.map(\.node.name) == ["Dan", "Jay", "Sam", "Kieran"])
        #expect(around.places.map(\.node.name) == ["Central Station", "Northgate Park", "14 Mill Lane"])
    }

    @Test func aSuspectedExploiterIsDescribedTheRightWayRound() {
        let why = Dictionary(
            uniqueKeysWithValues: Fixture().around("Kieran", steps: 1).reached.map { ($0.node.name, $0.why) })
        #expect(why["Jay"] == "Suspected of being exploited by Kieran")
        #expect(why["14 Mill Lane"] == "Frequented by Kieran")
        let siblings = Fixture().around("Lee", steps: 1).reached
        #expect(siblings.map(\.why) == ["Where Lee lives", "Sibling of Lee"])
    }

    @Test func theNeighbourhoodCarriesTheLinksToDraw() {
        let around = Fixture().around("Alex", steps: 2)
        // Alex, Jay, Sam, Dan and the park and station: Dan's two links to the park are both kept.
        #expect(around.placeLinks.count == 6)
        #expect(around.associateLinks.isEmpty)
        #expect(Fixture().network.neighbourhood(of: UUID()) == nil)
    }

    @Test func connectedGroupsAcrossTheCohort() throws {
        let groups = Fixture().network.connectedGroups()
        #expect(groups.count == 2)
        let big = groups[0]
        let siblings = groups[1]
        #expect(big.cohortMembers.map(\.displayName) == ["Alex", "Dan", "Jay", "Sam"])
        #expect(big.otherPeople.map(\.displayName) == ["Kieran"])
        #expect(big.places.map(\.name) == ["14 Mill Lane", "Central Station", "Northgate Park"])
        #expect(big.summary == "4 young people connected through 3 places and 1 other person")
        #expect(big.placeLinks.count == 8 && big.associateLinks.count == 1)
        #expect(siblings.cohortMembers.map(\.displayName) == ["Lee", "Mia"])
        #expect(siblings.summary == "2 young people connected through 1 place")
        // Zoe, linked to nobody, is a group of one: shown only when asked for.
        #expect(!groups.contains { $0.cohortMembers.contains { $0.displayName == "Zoe" } })
        #expect(Fixture().network.connectedGroups(minimumCohortMembers: 1).count == 3)
    }

    @Test func youngPeopleWhoOnlyKnowEachOtherAreLinkedDirectly() {
        let network = ContextualNetwork(
            people: [
                ContextualPerson(displayName: "A", isCohortMember: true),
                ContextualPerson(displayName: "B", isCohortMember: true),
            ],
            places: [], placeLinks: [], associateLinks: [])
        #expect(network.connectedGroups().isEmpty)
        let a = network.people[0]
        let b = network.people[1]
        let linked = ContextualNetwork(
            people: network.people, places: [], placeLinks: [],
            associateLinks: [AssociateLink(personID: a.id, associateID: b.id, nature: .peer)])
        #expect(linked.connectedGroups().map(\.summary) == ["2 young people linked directly"])
    }

    @Test func hotspotsArePlacesSharedByCohortMembers() {
        let hotspots = Fixture().network.hotspots()
        #expect(hotspots.map(\.place.name) == ["Northgate Park", "3 Oak Road", "Central Station"])
        #expect(hotspots[0].cohortMembers.map(\.displayName) == ["Alex", "Dan", "Jay"])
        // Mill Lane has one young person and one adult: not a hotspot.
        #expect(!hotspots.contains { $0.place.name == "14 Mill Lane" })
        let withKieran = Fixture(extraPlaceLinks: [("Kieran", "park", .seenAt)]).network.hotspots()
        #expect(withKieran[0].otherPeople.map(\.displayName) == ["Kieran"])
        #expect(Fixture().network.hotspots(minimumCohortMembers: 3).map(\.place.name) == ["Northgate Park"])
    }

    @Test func repeatedReverseSelfAndDanglingLinksAreTidiedAway() {
        let f = Fixture(
            extraPlaceLinks: [("Alex", "park", .frequents)],
            extraAssociates: [("Lee", "Mia", .sibling), ("Jay", "Jay", .peer), ("Kieran", "Jay", .suspectedExploiter)])
        // The reverse sibling link is the same link; a reverse suspected-exploiter link is not.
        #expect(f.network.associateLinks.count == 3)
        #expect(f.network.placeLinks.count == 11)
        let dangling = ContextualNetwork(
            people: Array(f.people.values), places: [],
            placeLinks: [PersonPlaceLink(personID: f.people["Alex"]!.id, placeID: UUID(), nature: .seenAt)],
            associateLinks: [AssociateLink(personID: f.people["Alex"]!.id, associateID: UUID(), nature: .peer)])
        #expect(dangling.placeLinks.isEmpty && dangling.associateLinks.isEmpty)
        #expect(dangling.neighbourhood(of: f.people["Alex"]!.id)?.reached.isEmpty == true)
        let around = f.around("Jay", steps: 5)
        #expect(Set(around.reached.map(\.node.name)).count == around.reached.count)
    }

    @Test func everyListIsInNameOrder() {
        let network = Fixture().network
        #expect(network.people.map(\.displayName) == ["Alex", "Dan", "Jay", "Kieran", "Lee", "Mia", "Sam", "Zoe"])
        #expect(
            network.places.map(\.name) == [
                "14 Mill Lane", "3 Oak Road", "Central Station", "Northgate Academy", "Northgate Park",
            ])
    }
}
