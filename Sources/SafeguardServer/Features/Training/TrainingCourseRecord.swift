import Fluent
import Foundation
import SafeguardCore

/// A course as stored. Learning outcomes are one per line; evaluation questions are JSON so a
/// trainer can change them per course without a migration.
package final class TrainingCourseRecord: Model, @unchecked Sendable {
    package static let schema = "training_courses"
    @ID package var id: UUID?
    @Field(key: "title") package var title: String
    @Field(key: "description") package var description: String
    /// A ``TrainingLevel`` raw value.
    @Field(key: "level") package var level: TrainingLevel
    @Field(key: "audience") package var audience: String
    @Field(key: "learning_outcomes") package var learningOutcomes: String
    @Field(key: "evaluation_questions") package var evaluationQuestions: String
    @Field(key: "created_at") package var createdAt: Date
    /// Withdrawn courses keep their history but get no new events.
    @OptionalField(key: "withdrawn_at") package var withdrawnAt: Date?

    package init() {}

    package var questions: [EvaluationQuestion] {
        (try? JSONDecoder().decode([EvaluationQuestion].self, from: Data(evaluationQuestions.utf8)))
            ?? EvaluationQuestion.standardSet
    }

    package func setQuestions(_ questions: [EvaluationQuestion]) throws {
        evaluationQuestions = String(decoding: try JSONEncoder().encode(questions), as: UTF8.self)
    }

    package var outcomes: [String] {
        learningOutcomes.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The course as the rules see it; materials are listed separately, by their records.
    package var course: TrainingCourse {
        TrainingCourse(
            id: id ?? UUID(), title: title, description: description, level: level,
            audience: audience, learningOutcomes: outcomes, evaluationQuestions: questions)
    }
}

/// A file a trainer attached to a course: slides, handouts. Kept in the database so a backup of
/// the database is a backup of everything, and released to attendees who have evaluated.
final class TrainingMaterialRecord: Model, @unchecked Sendable {
    static let schema = "training_materials"
    @ID var id: UUID?
    @Parent(key: "course_id") var course: TrainingCourseRecord
    @Field(key: "title") var title: String
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "content") var content: Data
    @Field(key: "uploaded_at") var uploadedAt: Date
    @Parent(key: "uploaded_by") var uploadedBy: User
    @OptionalField(key: "removed_at") var removedAt: Date?

    init() {}
}
