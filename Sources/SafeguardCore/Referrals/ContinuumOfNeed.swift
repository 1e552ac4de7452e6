/// The partnership's levels of need, lowest first. Names vary between areas, so they are
/// configuration; the default is the common four-level model.
public struct ContinuumOfNeed: Sendable, Codable, Equatable {
    public struct Level: Sendable, Codable, Equatable {
        public let number: Int
        public let name: String
        public let description: String
    }

    public let levels: [Level]

    public init(levels: [Level]) {
        precondition(!levels.isEmpty, "a continuum of need needs at least one level")
        self.levels = levels
    }

    public static let standard = ContinuumOfNeed(levels: [
        Level(number: 1, name: "Universal", description: "Needs met by universal services"),
        Level(number: 2, name: "Additional", description: "Emerging needs: a single agency or early help"),
        Level(number: 3, name: "Intensive", description: "Targeted early help with several agencies"),
        Level(number: 4, name: "Specialist", description: "Statutory: child in need (s17) or child protection (s47)"),
    ])

    public func level(_ number: Int) -> Level? { levels.first { $0.number == number } }
    public var highest: Int { levels.map(\.number).max()! }

    /// Statutory responses need the highest level; universal services fit only the lowest two.
    public func fits(outcome: ReferralOutcome, level: Int) -> Bool {
        switch outcome {
        case .childInNeedAssessment, .strategyDiscussion: level == highest
        case .noFurtherAction: level <= min(2, highest)
        default: true
        }
    }
}
