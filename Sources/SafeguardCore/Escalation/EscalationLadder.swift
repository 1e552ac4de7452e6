/// The stages a professional disagreement climbs, each with the working days it has before it goes up a step
/// (DOMAIN.md: 3 to 5 stages; the default is practitioner to practitioner in 2, manager to manager in 5, senior
/// manager or safeguarding lead in 2, then the partnership's chair). A partnership sets its own in the rules file.
public struct EscalationLadder: Sendable, Equatable {
    public struct Stage: Sendable, Equatable {
        public let name: String
        public let workingDays: Int
        /// Who records the stage's outcome: the practitioners themselves, their managers, or the partnership.
        public let level: Level

        public init(name: String, workingDays: Int, level: Level) {
            self.name = name
            self.workingDays = workingDays
            self.level = level
        }
    }

    public enum Level: String, CaseIterable, Codable, Sendable {
        case practitioner, manager, senior, chair

        public var displayName: String {
            switch self {
            case .practitioner: "Practitioner"
            case .manager: "Manager"
            case .senior: "Senior manager or safeguarding lead"
            case .chair: "Partnership chair"
            }
        }
    }

    public let stages: [Stage]

    public init(_ stages: [Stage]) { self.stages = stages }

    public static let standard = EscalationLadder([
        Stage(name: "Practitioner to practitioner", workingDays: 2, level: .practitioner),
        Stage(name: "Manager to manager", workingDays: 5, level: .manager),
        Stage(name: "Senior manager or safeguarding lead", workingDays: 2, level: .senior),
        Stage(name: "Partnership chair", workingDays: 5, level: .chair),
    ])

    public static let stageCounts = 3...5

    /// A ladder must have 3 to 5 stages, each named, with 1 to 30 working days, the last being the partnership's.
    public static func checked(_ stages: [Stage]) -> String? {
        guard stageCounts.contains(stages.count) else {
            return "escalationStages must list 3 to 5 stages, like the default's four"
        }
        for (i, s) in stages.enumerated() {
            if s.name.trimmingCharacters(in: .whitespaces).isEmpty {
                return "escalationStages stage \(i + 1) needs a name"
            }
            if !(1...30).contains(s.workingDays) {
                return "escalationStages stage \(i + 1) (\(s.name)) needs workingDays from 1 to 30"
            }
        }
        return nil
    }
}
