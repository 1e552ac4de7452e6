/// How a person is linked to a place. Declared most telling first: where two links join the same
/// person and place, the first is the one described.
public enum PlaceLinkNature: String, CaseIterable, Codable, Sendable, Comparable {
    case foundWhenMissing = "found-at-when-missing"
    case livesAt = "lives-at"
    case frequents
    case seenAt = "seen-at"

    public var displayName: String {
        switch self {
        case .foundWhenMissing: "Found at when missing"
        case .livesAt: "Lives at"
        case .frequents: "Frequents"
        case .seenAt: "Seen at"
        }
    }

    /// The place described from the person: "Where Alex lives".
    func placeDescription(person: String) -> String {
        switch self {
        case .foundWhenMissing: "Where \(person) was found when missing"
        case .livesAt: "Where \(person) lives"
        case .frequents: "Frequented by \(person)"
        case .seenAt: "Where \(person) has been seen"
        }
    }

    public static func < (a: PlaceLinkNature, b: PlaceLinkNature) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
