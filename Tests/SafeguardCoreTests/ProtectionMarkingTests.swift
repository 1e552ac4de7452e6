import Foundation
import Testing

@testable import SafeguardCore

struct ProtectionMarkingTests {
    let home = UUID()
    let dadsFlat = UUID()
    let nansHouse = UUID()

    @Test func theChildsHomeAndEveryCarersHomeAreMarkedOnceWithWhy() {
        let marked = ProtectionMarking.addresses(
            childFirstName: "Kayla", childHomes: [home],
            relatives: [
                .init(name: "Shannon Smith", kind: .mother, homes: [home]),
                .init(name: "Dean Walker", kind: .mothersPartner, homes: [dadsFlat]),
                .init(name: "Tia Smith", kind: .sibling, homes: [nansHouse]),
            ])
        #expect(
            marked == [
                .init(addressID: home, reason: "Kayla's home"),
                .init(addressID: dadsFlat, reason: "home of Dean Walker (mother's partner)"),
            ], "the shared home once, as the child's; a sibling is not a carer")
    }

    @Test func aRefreshAddsOnlyWhatIsNotMarkedYet() {
        let relevant = ProtectionMarking.addresses(
            childFirstName: "Kayla", childHomes: [home],
            relatives: [.init(name: "Dean Walker", kind: .father, homes: [dadsFlat])])
        #expect(ProtectionMarking.toPlace(relevant, alreadyMarked: [home]).map(\.addressID) == [dadsFlat])
        #expect(ProtectionMarking.toPlace(relevant, alreadyMarked: [home, dadsFlat]).isEmpty)
    }

    @Test func onlyThoseCaringForTheChildHaveTheirHomesLoaded() {
        let carers = RelationshipKind.allCases.filter(ProtectionMarking.marksHomes(of:))
        #expect(carers.contains(.mother) && carers.contains(.father) && carers.contains(.mothersPartner))
        #expect(!carers.contains(.sibling), "a sibling's home is not read, let alone marked")
        // What the server skips loading is exactly what the marking would drop: no carer is ever left out.
        for kind in RelationshipKind.allCases {
            let marked = ProtectionMarking.addresses(
                childFirstName: "Kayla", childHomes: [], relatives: [.init(name: "X", kind: kind, homes: [home])])
            #expect(marked.isEmpty != ProtectionMarking.marksHomes(of: kind), "\(kind)")
        }
    }
}
