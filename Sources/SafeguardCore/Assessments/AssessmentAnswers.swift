/// What a practitioner has entered so far, by question key. Stored as JSON with the assessment.
/// Values are kept as entered text (option keys, numbers, ISO dates); a checklist has many.
public struct AssessmentAnswers: Codable, Sendable, Equatable {
    public var values: [String: [String]]
    public var evidence: [String: String]

    public init(values: [String: [String]] = [:], evidence: [String: String] = [:]) {
        self.values = values
        self.evidence = evidence
    }

    public func value(_ question: String) -> String? { values[question]?.first }
}

/// A practitioner's change to the calculated level: the level chosen and why.
public struct LevelOverride: Sendable, Equatable, Codable {
    public let level: String
    public let reason: String
    public init(level: String, reason: String) {
        self.level = level
        self.reason = reason
    }
}

/// Whether answers are being saved as a draft (anything may be blank) or submitted (complete).
public enum AnswerCheck: Sendable {
    case draft, submission
}

/// One thing wrong with the answers, tied to the form field it concerns so the page can put the
/// message next to it. `field` is "q.<question key>", "evidence.<question key>",
/// "override-level" or "override-reason".
public struct AnswerProblem: Sendable, Equatable {
    public let field: String
    public let message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// The result of rating a set of answers.
public struct AssessmentRating: Sendable, Equatable {
    /// What the tool's rule gives.
    public let calculated: ToolLevel
    /// After any override; equal to `calculated` when there is none.
    public let final: ToolLevel
    public let override: LevelOverride?
    /// The count or score the rule used, when it uses one (DASH yes count, worst clutter room).
    public let score: Double?
    /// Each graded question's or checklist's level, in question order, for the summary and trend.
    public let questionLevels: [QuestionLevel]
    /// Prompts whose conditions hold, in definition order.
    public let prompts: [ToolPrompt]
    /// Days until the next assessment is due, from the final level or the tool's default.
    public let reassessAfterDays: Int

    public init(
        calculated: ToolLevel, final: ToolLevel, override: LevelOverride?, score: Double?,
        questionLevels: [QuestionLevel], prompts: [ToolPrompt], reassessAfterDays: Int
    ) {
        self.calculated = calculated
        self.final = final
        self.override = override
        self.score = score
        self.questionLevels = questionLevels
        self.prompts = prompts
        self.reassessAfterDays = reassessAfterDays
    }
}

public struct QuestionLevel: Sendable, Equatable {
    public let question: String
    public let level: ToolLevel
    /// For scale questions, the value given (e.g. the neglect area's grade), to chart change.
    public let value: Double?
    public init(question: String, level: ToolLevel, value: Double?) {
        self.question = question
        self.level = level
        self.value = value
    }
}
