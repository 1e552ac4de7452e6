/// How an event is delivered. The delivery decides the rules: face-to-face and virtual events have
/// a start time, a limited number of places and a register on the day; e-learning has no limit and
/// no register, only a completion record.
public enum TrainingDelivery: String, CaseIterable, Codable, Sendable {
    case faceToFace = "face-to-face"
    case virtual
    case eLearning = "e-learning"

    public var displayName: String {
        switch self {
        case .faceToFace: "Face to face"
        case .virtual: "Virtual (online, live)"
        case .eLearning: "E-learning"
        }
    }

    /// Face to face or virtual: held at a time, with a register.
    public var isScheduled: Bool { self != .eLearning }
}
