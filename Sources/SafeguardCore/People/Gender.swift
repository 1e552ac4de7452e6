/// Gender as recorded by the agency that knows the person; `unknown` for an unborn child.
public enum Gender: String, CaseIterable, Codable, Sendable {
    case female, male
    case nonBinary = "non-binary"
    case unknown
    case notStated = "not-stated"

    public var displayName: String {
        switch self {
        case .female: "Female"
        case .male: "Male"
        case .nonBinary: "Non-binary"
        case .unknown: "Unknown"
        case .notStated: "Not stated"
        }
    }
}
