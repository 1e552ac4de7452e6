/// What sort of place a location in the network is.
public enum ContextualPlaceKind: String, CaseIterable, Codable, Sendable {
    /// A house or flat: a home, a trap house, a friend's address.
    case address
    case park
    /// A railway, bus or tram station: where county lines travel.
    case station
    /// A shop, takeaway or other business.
    case shop
    /// A school, college or alternative provision.
    case school
    case other

    public var displayName: String {
        switch self {
        case .address: "Address"
        case .park: "Park or open space"
        case .station: "Station"
        case .shop: "Shop or business"
        case .school: "School or college"
        case .other: "Other place"
        }
    }
}
