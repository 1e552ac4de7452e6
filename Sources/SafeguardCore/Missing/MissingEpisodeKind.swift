/// Whether a child went missing from home or from care: the two are reported separately, and a
/// looked-after child's episode also goes to their placing authority.
public enum MissingEpisodeKind: String, CaseIterable, Codable, Sendable {
    case missingFromHome = "missing-from-home"
    case missingFromCare = "missing-from-care"

    public var displayName: String {
        switch self {
        case .missingFromHome: "Missing from home"
        case .missingFromCare: "Missing from care"
        }
    }
}
