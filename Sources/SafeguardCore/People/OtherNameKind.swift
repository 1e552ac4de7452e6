/// Why a person has a name besides their main one. Matching and search use all of them,
/// because referrals arrive under whatever name the referrer knew.
public enum OtherNameKind: String, CaseIterable, Codable, Sendable {
    case alias
    case previousName = "previous-name"
    case knownAs = "known-as"
    case alternativeSpelling = "alternative-spelling"

    public var displayName: String {
        switch self {
        case .alias: "Alias"
        case .previousName: "Previous name"
        case .knownAs: "Known as"
        case .alternativeSpelling: "Alternative spelling"
        }
    }
}
