import Foundation

/// One attendee's answers to a course evaluation. Deliberately holds no person: evaluations are
/// anonymous so practitioners say what they think; the booking records only that they took part
/// (``TrainingBooking/evaluatedAt``).
public struct EvaluationResponse: Sendable, Equatable, Codable, Identifiable {
    public var id: UUID
    public var courseID: UUID
    public var eventID: UUID
    public var submittedOn: SimpleDate
    /// By question key; unanswered optional questions are absent.
    public var answers: [String: EvaluationAnswer]

    public init(
        id: UUID = UUID(), courseID: UUID, eventID: UUID, submittedOn: SimpleDate,
        answers: [String: EvaluationAnswer]
    ) {
        self.id = id
        self.courseID = courseID
        self.eventID = eventID
        self.submittedOn = submittedOn
        self.answers = answers
    }

    /// Reads a submitted form (question key → what was entered) against the course's questions,
    /// throwing every problem at once; fields that are not questions are ignored.
    public init(
        id: UUID = UUID(), courseID: UUID, eventID: UUID, submittedOn: SimpleDate,
        form: [String: String], questions: [EvaluationQuestion]
    ) throws(EvaluationFormRefusal) {
        var answers: [String: EvaluationAnswer] = [:]
        var problems: [EvaluationFormRefusal.Problem] = []
        for question in questions {
            do {
                if let answer = try question.answer(from: form[question.key]) { answers[question.key] = answer }
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw EvaluationFormRefusal(problems: problems) }
        self.init(id: id, courseID: courseID, eventID: eventID, submittedOn: submittedOn, answers: answers)
    }
}
