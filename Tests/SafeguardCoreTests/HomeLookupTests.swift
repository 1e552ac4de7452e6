import Testing

@testable import SafeguardCore

struct HomeLookupTests {
    static func home(
        _ id: String, _ line1: String, _ postcode: String = "NM2 0RP", uprn: Int64? = nil, town: String = "Northmoor"
    ) -> KnownHome {
        KnownHome(id: id, line1: line1, line2: nil, town: town, postcode: postcode, uprn: uprn)
    }
    static let street = [
        home("a", "10 Wharf Road"), home("b", "12 Wharf Road"), home("c", "Flat 1, 14 Wharf Road"),
        home("d", "Flat 2, 14 Wharf Road"),
    ]

    @Test(arguments: ["10 Wharf Road", "10 wharf rd", "10, Wharf Road"])
    func theSameHomeTypedAgainIsReused(typed: String) {
        guard case .same(let found, _) = HomeLookup(homes: Self.street).find(Self.home("new", typed)) else {
            Issue.record("\(typed) should be 10 Wharf Road")
            return
        }
        #expect(found.id == "a")
    }

    @Test func anotherNumberOrFlatIsANewHome() {
        #expect(HomeLookup(homes: Self.street).find(Self.home("new", "16 Wharf Road")) == .new)
        #expect(HomeLookup(homes: Self.street).find(Self.home("new", "Flat 3, 14 Wharf Road")) == .new)
        #expect(HomeLookup(homes: []).find(Self.home("new", "10 Wharf Road")) == .new)
    }

    @Test func aUPRNDecidesBeforeTheWords() {
        let homes = [
            Self.home("a", "10 Wharf Road", uprn: 100_012_345), Self.home("b", "The Old Mill", uprn: 100_099_999),
        ]
        guard
            case .same(let found, let because) = HomeLookup(homes: homes).find(
                Self.home("new", "Old Mill House", uprn: 100_099_999))
        else {
            Issue.record("equal UPRN is the same home")
            return
        }
        #expect(found.id == "b")
        #expect(because.contains("UPRN"))
        // Alike words with another UPRN are another property.
        #expect(HomeLookup(homes: homes).find(Self.home("new", "10 Wharf Road", uprn: 100_000_001)) == .new)
    }

    @Test func twoRecordedCopiesOfOneHomeAreOfferedNotGuessed() {
        let homes = [Self.home("a", "10 Wharf Road"), Self.home("a2", "10 Wharf Rd")]
        guard case .possible(let offered) = HomeLookup(homes: homes).find(Self.home("new", "10 Wharf Road")) else {
            Issue.record("two equal candidates must go to the user")
            return
        }
        #expect(Set(offered.map(\.home.id)) == ["a", "a2"])
        #expect(offered.allSatisfy { !$0.reasons.isEmpty })
    }

    @Test func duplicateSetsJoinOneHomeAndLeaveNeighboursApart() {
        let homes =
            Self.street + [
                Self.home("a2", "10 Wharf Rd", "nm20rp"), Self.home("a3", "10 Wharf Road"),
                Self.home("x", "1 High Street", "NM1 1AA", uprn: 5),
                Self.home("y", "Shop, 1 High St", "NM1 1AB", uprn: 5),
            ]
        let sets = HomeLookup(homes: homes).duplicateSets().map { Set($0.map(\.id)) }
        #expect(sets.count == 2)
        #expect(sets.contains(["a", "a2", "a3"]))
        #expect(sets.contains(["x", "y"]))
    }
}

struct HomeMergeTests {
    @Test func aMergeNeedsTheHomeToKeepAndAReason() {
        #expect(HomeMerge.problems(keep: nil, among: ["a", "b"], reason: "").map(\.field) == ["keep", "reason"])
        #expect(
            HomeMerge.problems(keep: "z", among: ["a", "b"], reason: "Same UPRN on the council tax list").map(\.field)
                == ["keep"])
        #expect(
            HomeMerge.problems(keep: "a", among: ["a"], reason: "Same UPRN on the council tax list").map(\.field) == [
                "keep"
            ])
        #expect(HomeMerge.problems(keep: "b", among: ["a", "b"], reason: "Same UPRN on the council tax list").isEmpty)
    }

    @Test func oneRecordKeepsOneMarkerOnTheMergedHome() {
        let fates = HomeMerge.markerFates(
            kept: ["plan-1"], moving: [("m1", "plan-1"), ("m2", "plan-2"), ("m3", "plan-2")])
        #expect(
            fates == [
                .init(markerID: "m1", ends: true), .init(markerID: "m2", ends: false),
                .init(markerID: "m3", ends: true),
            ])
    }
}
