import Foundation

/// A course in the partnership's training programme: what it is, who it is for and what people
/// will learn. Each time it runs is a ``TrainingEvent``.
public struct TrainingCourse: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var title: String
    public var description: String
    public var level: TrainingLevel
    /// Who should come, in the trainer's words ("Practitioners who attend child protection conferences").
    public var audience: String
    public var learningOutcomes: [String]
    /// Handouts and slides, released to attendees once they have evaluated the course.
    public var materials: [Material]
    /// The evaluation attendees complete; the partnership's standard set unless the trainer changes it.
    public var evaluationQuestions: [EvaluationQuestion]

    public init(
        id: UUID = UUID(), title: String, description: String = "", level: TrainingLevel,
        audience: String = "", learningOutcomes: [String] = [], materials: [Material] = [],
        evaluationQuestions: [EvaluationQuestion] = EvaluationQuestion.standardSet
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.level = level
        self.audience = audience
        self.learningOutcomes = learningOutcomes
        self.materials = materials
        self.evaluationQuestions = evaluationQuestions
    }

    /// One downloadable item. `location` is whatever the server uses to find the file (a stored
    /// file key or a URL): the rules never open it.
    public struct Material: Sendable, Equatable, Codable {
        public var title: String
        public var location: String

        public init(title: String, location: String) {
            self.title = title
            self.location = location
        }
    }
}
