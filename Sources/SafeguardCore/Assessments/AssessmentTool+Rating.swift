import Foundation

extension AssessmentTool {
    /// Rates the answers. Only questions in applicable sections count, and an answer that is
    /// missing or not valid for its question counts as nothing (drafts may be rated for a preview).
    /// A professional override is applied only when the tool allows it, the level is known, it is
    /// strictly higher than the calculated level and a reason is given: a rating must never carry
    /// an unexplained or downward change.
    public func rate(_ answers: AssessmentAnswers, override: LevelOverride?) -> AssessmentRating {
        let questions = applicableQuestions(answers)
        let (calculated, score) = calculate(questions, answers)
        let accepted = override.flatMap { acceptedOverride($0, above: calculated) }
        let final = accepted.flatMap { level($0.level) } ?? calculated
        return AssessmentRating(
            calculated: calculated, final: final, override: accepted, score: score,
            questionLevels: questions.compactMap { questionLevel($0, answers) },
            prompts: prompts.filter { prompt in prompt.whenAny.contains { holds($0, final: final, questions, answers) }
            },
            reassessAfterDays: final.reassessAfterDays ?? reassessAfterDays)
    }

    /// The override as it will be recorded, or nil when it must not change the level. Trimmed the
    /// same way as `check` reads it, so the two never disagree about what was chosen.
    func acceptedOverride(_ override: LevelOverride, above calculated: ToolLevel) -> LevelOverride? {
        let level = override.level.trimmingCharacters(in: .whitespaces)
        let reason = override.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard self.override == .raiseOnly, let wanted = rank(of: level), wanted > rank(of: calculated.key)!,
            !reason.isEmpty
        else { return nil }
        return LevelOverride(level: level, reason: reason)
    }

    /// The level the tool's rule gives, and the count or score it used.
    func calculate(_ questions: [ToolQuestion], _ answers: AssessmentAnswers) -> (ToolLevel, Double?) {
        switch rating {
        case .highestGrade:
            let ranks = questions.compactMap { answerLevel($0, answers).flatMap { rank(of: $0) } }
            return (levels[ranks.max() ?? 0], nil)
        case .count(let answer, let bands):
            let count = questions.filter { $0.answer.isYesNo && answers.value($0.key) == answer }.count
            return (band(Double(count), bands), Double(count))
        case .highestScore(let bands):
            guard let worst = questions.compactMap({ scaleValue($0, answers) }).max() else {
                return (level(bands[0].level)!, nil)
            }
            return (band(worst, bands), worst)
        case .totalScore(let bands):
            let total = questions.compactMap { scaleValue($0, answers) ?? numberValue($0, answers) }.reduce(0, +)
            return (band(total, bands), total)
        }
    }

    /// The band with the largest `atLeast` the score reaches; below every band, the first.
    func band(_ score: Double, _ bands: [ScoreBand]) -> ToolLevel {
        let chosen = bands.last { $0.atLeast <= score } ?? bands[0]
        return level(chosen.level)!
    }

    var scoreBands: [ScoreBand]? {
        switch rating {
        case .highestScore(let bands), .totalScore(let bands): bands
        case .highestGrade, .count: nil
        }
    }

    /// A grade's level, or the highest level among ticked checklist items.
    func answerLevel(_ question: ToolQuestion, _ answers: AssessmentAnswers) -> String? {
        let values = answers.values[question.key] ?? []
        switch question.answer {
        case .grade(let grades):
            return grades.first { $0.key == values.first }?.level
        case .checklist(let items):
            return items.filter { values.contains($0.key) }.max { rank(of: $0.level)! < rank(of: $1.level)! }?.level
        default:
            return nil
        }
    }

    func questionLevel(_ question: ToolQuestion, _ answers: AssessmentAnswers) -> QuestionLevel? {
        if let key = answerLevel(question, answers) {
            return QuestionLevel(question: question.key, level: level(key)!, value: nil)
        }
        guard let bands = scoreBands, let value = scaleValue(question, answers) else { return nil }
        return QuestionLevel(question: question.key, level: band(value, bands), value: value)
    }

    /// A valid scale answer as a number; anything else counts as nothing.
    func scaleValue(_ question: ToolQuestion, _ answers: AssessmentAnswers) -> Double? {
        guard case .scale(let min, let max, _) = question.answer,
            let value = answers.value(question.key).flatMap({ Int($0) }), (min...max).contains(value)
        else { return nil }
        return Double(value)
    }

    /// A valid number or percentage answer.
    func numberValue(_ question: ToolQuestion, _ answers: AssessmentAnswers) -> Double? {
        guard let text = answers.value(question.key) else { return nil }
        switch question.answer {
        case .number(let min, let max):
            guard let value = Double(text), value.isFinite, value >= (min ?? -.infinity), value <= (max ?? .infinity)
            else { return nil }
            return value
        case .percentage:
            return Int(text).flatMap { (0...100).contains($0) ? Double($0) : nil }
        default:
            return nil
        }
    }

    func holds(
        _ condition: PromptCondition, final: ToolLevel, _ questions: [ToolQuestion],
        _ answers: AssessmentAnswers
    ) -> Bool {
        switch condition {
        case .levelAtLeast(let key):
            return rank(of: final.key)! >= (rank(of: key) ?? Int.max)
        case .answerAtLeast(let key, let threshold):
            guard let question = questions.first(where: { $0.key == key }) else { return false }
            return (scaleValue(question, answers) ?? numberValue(question, answers)).map { $0 >= threshold } ?? false
        case .answerEquals(let key, let value):
            return questions.contains { $0.key == key } && answers.values[key]?.contains(value) == true
        }
    }
}
