import Foundation
import SafeguardCore

/// The shapes of household the demo builds. The mix is weighted towards families with children,
/// since those are what a safeguarding partnership mostly sees, and deliberately includes the
/// arrangements serious case reviews keep returning to: a mother's new partner, a father who
/// lives elsewhere, a grandparent bringing up the children.
enum DemoHouseholdKind: CaseIterable, Sendable {
    case singleAdult, couple, twoParents, loneMother, loneFather, motherWithPartner
    case stepFamily, threeGenerations, kinshipCare, adultCarer, sharedHouse

    static func weights(for origin: DemoOrigin) -> [(DemoHouseholdKind, Int)] {
        // Multi-generation homes are several times more common in South Asian families.
        let southAsian = origin == .pakistani || origin == .indian || origin == .bangladeshi
        return [
            (.singleAdult, 200), (.couple, 150), (.twoParents, 200), (.loneMother, 110), (.loneFather, 20),
            (.motherWithPartner, 70), (.stepFamily, 60), (.threeGenerations, southAsian ? 200 : 45),
            (.kinshipCare, 25), (.adultCarer, 40), (.sharedHouse, 50),
        ]
    }
}
