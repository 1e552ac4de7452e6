/// One version of an assessment tool, read from a definition file (YAML) that the partnership
/// ships or an administrator uploads. The tool is data: sections, questions, answer types, the
/// levels it rates to and the rule that rates it. A revision is a new `version`; an assessment
/// keeps the version it was made with, so its rating never changes under it.
public struct AssessmentTool: Sendable, Equatable {
    /// Stable name across versions, e.g. "exploitation". Lower-case letters, digits and hyphens.
    public let key: String
    /// 1, 2, 3... A revision of a tool must carry a higher number than the one it replaces.
    public let version: Int
    public let title: String
    /// A sentence or two shown before the questions: what the tool is for and who completes it.
    public let summary: String
    /// Whom the tool is about: children, adults or either. Used to offer only fitting tools.
    public let subject: ToolSubject
    public let sections: [ToolSection]
    /// The levels the tool rates to, lowest first (e.g. none, emerging, moderate, significant).
    public let levels: [ToolLevel]
    public let rating: RatingRule
    /// Whether a practitioner may change the calculated level, and in which direction.
    public let override: OverridePolicy
    /// Prompts shown with the result, such as "refer to MARAC".
    public let prompts: [ToolPrompt]
    /// When the next assessment falls due after one is submitted, in days; a level may set its own.
    public let reassessAfterDays: Int

    public init(
        key: String, version: Int, title: String, summary: String, subject: ToolSubject,
        sections: [ToolSection], levels: [ToolLevel], rating: RatingRule, override: OverridePolicy,
        prompts: [ToolPrompt], reassessAfterDays: Int
    ) {
        self.key = key
        self.version = version
        self.title = title
        self.summary = summary
        self.subject = subject
        self.sections = sections
        self.levels = levels
        self.rating = rating
        self.override = override
        self.prompts = prompts
        self.reassessAfterDays = reassessAfterDays
    }
}

/// Whom a tool assesses.
public enum ToolSubject: String, Sendable, Equatable, CaseIterable {
    case child, adult, any

    /// Whether a tool for this subject may be used about a person: children's tools for children
    /// and the unborn, adults' tools for adults.
    public func fits(_ category: PersonCategory) -> Bool {
        switch self {
        case .any: true
        case .child: category != .adult
        case .adult: category == .adult
        }
    }
}

/// One rated level, e.g. "significant". `colour` picks the tag colour on pages.
public struct ToolLevel: Sendable, Equatable {
    public let key: String
    public let label: String
    public let colour: TagColour
    /// What the level asks of the practitioner (e.g. the HSB traffic light's response).
    public let response: String?
    /// Overrides the tool's reassessment interval at this level (sooner when the risk is higher).
    public let reassessAfterDays: Int?

    public init(key: String, label: String, colour: TagColour, response: String?, reassessAfterDays: Int?) {
        self.key = key
        self.label = label
        self.colour = colour
        self.response = response
        self.reassessAfterDays = reassessAfterDays
    }
}

/// The GOV.UK tag colours the pages know.
public enum TagColour: String, Sendable, Equatable, CaseIterable {
    case grey, green, yellow, orange, red, blue, purple
}

public struct ToolSection: Sendable, Equatable {
    public let key: String
    public let title: String
    public let guidance: String?
    public let questions: [ToolQuestion]
    /// Shown (and counted) only when another question has a given answer, e.g. an age band.
    public let showIf: ToolCondition?

    public init(key: String, title: String, guidance: String?, questions: [ToolQuestion], showIf: ToolCondition?) {
        self.key = key
        self.title = title
        self.guidance = guidance
        self.questions = questions
        self.showIf = showIf
    }
}

/// `question` must have the answer `equals` (an option key) for the section to apply.
public struct ToolCondition: Sendable, Equatable {
    public let question: String
    public let equals: String
    public init(question: String, equals: String) {
        self.question = question
        self.equals = equals
    }
}

public struct ToolQuestion: Sendable, Equatable {
    /// Unique across the whole tool, not only its section.
    public let key: String
    public let text: String
    public let hint: String?
    public let answer: AnswerType
    /// Whether a submitted assessment must answer it. Drafts may leave anything blank.
    public let required: Bool
    public let evidence: EvidenceRule

    public init(key: String, text: String, hint: String?, answer: AnswerType, required: Bool, evidence: EvidenceRule) {
        self.key = key
        self.text = text
        self.hint = hint
        self.answer = answer
        self.required = required
        self.evidence = evidence
    }
}

/// Whether a question carries a free-text evidence box, and when it must be filled.
public enum EvidenceRule: String, Sendable, Equatable {
    /// No evidence box.
    case none
    /// A box the practitioner may fill.
    case optional
    /// Must be filled whenever the answer rates above the tool's lowest level (a graded
    /// category at emerging or above, a "yes", a checklist item ticked).
    case whenConcern = "when-concern"
    /// Must always be filled on submission.
    case always
}

public enum AnswerType: Sendable, Equatable {
    case yesNo
    /// DASH style: yes / no / not known.
    case yesNoNotKnown
    case choice([AnswerOption])
    /// Graded by descriptors; each grade maps to one of the tool's levels.
    case grade([GradeOption])
    /// Whole number from `min` to `max`, each value may have a label (e.g. clutter 1–9, neglect 1–5).
    case scale(min: Int, max: Int, labels: [Int: String])
    case number(min: Double?, max: Double?)
    case percentage
    case text
    case date
    /// Tick any of several items, each carrying a level (e.g. HSB behaviours green/amber/red).
    case checklist([ChecklistItem])
}

public struct AnswerOption: Sendable, Equatable {
    public let key: String
    public let label: String
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

public struct GradeOption: Sendable, Equatable {
    public let key: String
    public let label: String
    /// The tool level this grade counts as.
    public let level: String
    /// What the grade looks like in practice; the practitioner matches what they see to these.
    public let descriptors: [String]
    public init(key: String, label: String, level: String, descriptors: [String]) {
        self.key = key
        self.label = label
        self.level = level
        self.descriptors = descriptors
    }
}

public struct ChecklistItem: Sendable, Equatable {
    public let key: String
    public let label: String
    public let level: String
    public init(key: String, label: String, level: String) {
        self.key = key
        self.label = label
        self.level = level
    }
}

/// How the overall level is worked out from the answers.
public enum RatingRule: Sendable, Equatable {
    /// The highest level among graded answers and ticked checklist items (exploitation, HSB).
    /// With nothing graded or ticked, the lowest level.
    case highestGrade
    /// Count the answers equal to `answer` (e.g. "yes") among yes/no(-not-known) questions, and
    /// take the band with the largest `atLeast` the count reaches (DASH: 14 or more is high).
    case count(answer: String, bands: [ScoreBand])
    /// Take the highest scale answer and its band (clutter: worst room; neglect: worst area).
    case highestScore(bands: [ScoreBand])
    /// Add the scale and number answers and take the band.
    case totalScore(bands: [ScoreBand])
}

/// From `atLeast` upwards (until the next band), the result is `level`.
public struct ScoreBand: Sendable, Equatable {
    public let atLeast: Double
    public let level: String
    public init(atLeast: Double, level: String) {
        self.atLeast = atLeast
        self.level = level
    }
}

public enum OverridePolicy: String, Sendable, Equatable {
    /// The calculated level stands.
    case none
    /// Professional judgement may raise the level, with a recorded reason, never lower it.
    case raiseOnly = "raise-only"
}

/// A prompt shown with the result when any of its conditions holds.
public struct ToolPrompt: Sendable, Equatable {
    public let key: String
    public let message: String
    public let whenAny: [PromptCondition]
    public init(key: String, message: String, whenAny: [PromptCondition]) {
        self.key = key
        self.message = message
        self.whenAny = whenAny
    }
}

public enum PromptCondition: Sendable, Equatable {
    /// The final (after override) level is this one or higher.
    case levelAtLeast(String)
    /// A number or scale answer is at least this value (DASH escalation: 3 incidents in 12 months).
    case answerAtLeast(question: String, value: Double)
    /// A question has this answer (an option key, "yes", ...).
    case answerEquals(question: String, value: String)
}
