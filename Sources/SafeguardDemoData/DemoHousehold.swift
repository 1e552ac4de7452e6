import Foundation
import SafeguardCore

/// One household as built, kept so involvements can be planned per family rather than per person:
/// agencies get involved with a household, not a random scattering of individuals.
struct DemoHousehold: Sendable {
    let kind: DemoHouseholdKind
    let address: Int
    let district: Int
    /// People living at the address (never the unborn).
    var residents: [Int] = []
    var unborn: [Int] = []
    /// Parents and partners who matter to the children but live elsewhere or nowhere known.
    var linked: [Int] = []
    /// Residents under 18 and the unborn.
    var children: [Int] = []
    /// Adults who look after the children (parents, step-parents, partners, kinship carers).
    var carers: [Int] = []
}
