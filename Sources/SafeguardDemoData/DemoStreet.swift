import Foundation
import SafeguardCore

/// A street in a demo town. Every address on it shares the outward code, as real streets almost
/// always do, so postcode-district matching behaves in the demo as it would on live data.
struct DemoStreet: Sendable {
    let name: String
    let town: String
    let district: Int
    let outward: String
    /// Postcode units on the street; long streets have several, each covering a run of numbers.
    let inwards: [String]
    /// A block of flats at this house number, if the street has one.
    let blockNumber: Int?
    let blockName: String?

    static let names = [
        "Mill Lane", "Rowan Close", "Church Lane", "Station Road", "High Street", "Victoria Road",
        "Queen's Road", "Park Avenue", "Chestnut Drive", "Meadow Way", "Orchard Close", "Manor Road",
        "The Green", "Springfield Road", "Beech Grove", "Windsor Crescent", "Albert Street", "King Street",
        "Nelson Road", "Brook Lane", "Hawthorn Avenue", "Willow Walk", "Ash Grove", "Elm Road",
        "Cedar Close", "Kingfisher Way", "Heron Drive", "Longmead", "Foxglove Close", "Bluebell Way",
        "Sandpit Lane", "Back Lane", "Marsh Road", "Ferry Lane", "Harbour Street", "Quay Street",
        "Coronation Avenue", "Jubilee Close", "St John's Road", "St Andrew's Close", "Priory Walk",
        "Nightingale Road", "Sycamore Drive", "Laburnum Grove", "Poplar Road", "Holly Bank", "Larch Close",
        "Fairfield Road", "Greenacres", "Clover Rise", "Heathfield Road", "Moor Lane", "The Ridgeway",
        "Highfield Road", "Westfield Avenue", "Eastgate", "Northgate", "Southfield Road", "Tanners Row",
        "Weavers Close", "Cooper's Yard", "Wharf Road", "Canal Street", "Bridge Street", "Market Place",
        "Castle Street", "Forge Lane", "Pound Lane", "Hillside", "Valley Road", "Orchard Way",
    ]

    static let blockNames = [
        "Beech Court", "Albion House", "Kingfisher Court", "Victoria House", "Mill House", "Priory Court",
        "Jubilee Court", "Sovereign House", "Riverside Court", "Chapel Court", "Cavendish House",
        "Marlowe Court", "Wessex House", "Harbour View", "Wharf House", "Linden Court", "Regent House",
    ]

    static let houseNames = [
        "Rose Cottage", "The Old Forge", "Hillcrest", "Orchard House", "Willow Barn", "Meadow View",
        "The Laurels", "Ivy Cottage", "Woodlands", "The Old School House", "Fern Lodge", "Brook House",
        "Holly Cottage", "Greystones", "The Coach House", "Stable Cottage", "Keeper's Cottage",
        "Sunnyside", "Field End", "Little Acre",
    ]

    /// Letters allowed in the last two places of an inward code (never C, I, K, M, O or V).
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")
}
