/// A course's evaluation results: for each question, what attendees said.
///
/// Built from the course's current questions, so an answer to a question since removed is left
/// out, and an answer of the wrong kind for its question (the question's kind was changed) too.
public struct EvaluationSummary: Sendable, Equatable, Codable {
    /// Evaluations summarised.
    public var responses: Int
    /// One per question, in question order.
    public var questions: [QuestionResult]

    public init(questions: [EvaluationQuestion], responses: [EvaluationResponse]) {
        self.responses = responses.count
        self.questions = questions.map { question in
            QuestionResult(question, answers: responses.compactMap { $0.answers[question.key] })
        }
    }

    /// What was said to one question. Fields that do not apply to its kind stay empty or nil.
    public struct QuestionResult: Sendable, Equatable, Codable {
        public var question: EvaluationQuestion
        /// Evaluations that answered it.
        public var answered: Int
        /// Rating: how many chose 1, 2, 3, 4 and 5 (five counts).
        public var distribution: [Int]
        /// Rating: the mean to one decimal place.
        public var mean: Double?
        /// Yes/no: counts and percentages of those who answered, to one decimal place.
        public var yes: Int
        public var no: Int
        public var yesPercent: Double?
        public var noPercent: Double?
        /// Free text: the comments in the order given.
        public var comments: [String]

        init(_ question: EvaluationQuestion, answers: [EvaluationAnswer]) {
            self.question = question
            var distribution = question.kind == .rating ? [0, 0, 0, 0, 0] : []
            var yes = 0
            var no = 0
            var comments: [String] = []
            for answer in answers {
                switch (question.kind, answer) {
                case (.rating, .rating(let value)) where (1...5).contains(value): distribution[value - 1] += 1
                case (.yesNo, .yesNo(let value)): if value { yes += 1 } else { no += 1 }
                case (.freeText, .text(let value)): comments.append(value)
                default: continue
                }
            }
            let ratings = distribution.reduce(0, +)
            answered = ratings + yes + no + comments.count
            self.distribution = distribution
            let weighted = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
            mean = ratings > 0 ? TrainingReports.oneDecimal(Double(weighted) / Double(ratings)) : nil
            self.yes = yes
            self.no = no
            yesPercent = TrainingReports.percent(yes, of: yes + no)
            noPercent = TrainingReports.percent(no, of: yes + no)
            self.comments = comments
        }
    }
}
