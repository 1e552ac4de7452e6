/// Something wrong with the details of an event, with the GOV.UK-style message the trainer's form
/// shows beside the field. See ``TrainingEvent/problems``.
public enum TrainingEventProblem: Error, Sendable, Equatable {
    case venueMissing
    case linkMissing
    case timesMissing
    case endNotAfterStart
    case capacityMissing
    case capacityBelowOne
    case eLearningMinutesMissing

    public var message: String {
        switch self {
        case .venueMissing: "Enter the venue"
        case .linkMissing: "Enter the link"
        case .timesMissing: "Enter the start and end times"
        case .endNotAfterStart: "The end time must be after the start time"
        case .capacityMissing: "Enter the number of places"
        case .capacityBelowOne: "The number of places must be 1 or more"
        case .eLearningMinutesMissing: "Enter how many minutes the e-learning takes, 1 or more"
        }
    }
}
