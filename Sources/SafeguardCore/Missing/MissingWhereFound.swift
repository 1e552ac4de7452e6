/// Where, or how, a missing child was found, as the police record it at the safe and well check.
/// Counted across episodes it shows patterns, such as the same friend's address or going out of
/// area, that point to exploitation; the place itself goes in the contextual network.
public enum MissingWhereFound: String, CaseIterable, Codable, Sendable {
    case homeAddress = "home-address"
    case friendOrRelativeAddress = "friend-or-relative-address"
    case otherKnownAddress = "other-known-address"
    case publicPlace = "public-place"
    /// Outside the partnership's area: a warning sign for county lines.
    case outOfArea = "out-of-area"
    /// Located by the police, wherever that was.
    case foundByPolice = "found-by-police"
    case returnedThemselves = "returned-themselves"
    case notKnown = "not-known"

    public var displayName: String {
        switch self {
        case .homeAddress: "Home address or placement"
        case .friendOrRelativeAddress: "A friend's or relative's address"
        case .otherKnownAddress: "Another known address"
        case .publicPlace: "A public place"
        case .outOfArea: "Out of area"
        case .foundByPolice: "Found by the police"
        case .returnedThemselves: "Returned of their own accord"
        case .notKnown: "Not known"
        }
    }
}
