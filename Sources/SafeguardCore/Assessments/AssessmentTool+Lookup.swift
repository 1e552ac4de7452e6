import Foundation

extension AssessmentTool {
    /// The level with this key, or nil when the tool has no such level.
    public func level(_ key: String) -> ToolLevel? { levels.first { $0.key == key } }

    /// The level's place in `levels`, lowest 0; comparisons between levels go through this.
    public func rank(of levelKey: String) -> Int? { levels.firstIndex { $0.key == levelKey } }

    /// The question with this key, from any section.
    public func question(_ key: String) -> ToolQuestion? {
        for section in sections {
            if let question = section.questions.first(where: { $0.key == key }) { return question }
        }
        return nil
    }

    /// Sections that apply to these answers (a section with showIf applies only when the condition holds).
    /// A condition on a question in a section that does not itself apply never holds, so hidden
    /// answers cannot switch on further sections. Definitions only let a section depend on an
    /// earlier one, so one pass in order is enough.
    public func applicableSections(_ answers: AssessmentAnswers) -> [ToolSection] {
        var applicable: [ToolSection] = []
        for section in sections {
            guard let condition = section.showIf else {
                applicable.append(section)
                continue
            }
            let controlling = applicable.contains { $0.questions.contains { $0.key == condition.question } }
            if controlling, answers.values[condition.question]?.contains(condition.equals) == true {
                applicable.append(section)
            }
        }
        return applicable
    }

    /// The questions of the applicable sections, in order: the only answers checks and ratings read.
    func applicableQuestions(_ answers: AssessmentAnswers) -> [ToolQuestion] {
        applicableSections(answers).flatMap(\.questions)
    }

    /// Reads form fields named "q.<question key>" (one or many values; checklists are many) and
    /// "evidence.<question key>". Trims whitespace, drops empty values and unknown keys.
    /// Answers to questions in sections that do not currently apply are kept, so switching an age
    /// band back and forth in a draft does not lose what was entered.
    public func answers(fromForm fields: [String: [String]]) -> AssessmentAnswers {
        var answers = AssessmentAnswers()
        for (name, raw) in fields {
            let values = raw.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { continue }
            if name.hasPrefix("q."), question(String(name.dropFirst(2))) != nil {
                answers.values[String(name.dropFirst(2))] = values
            } else if name.hasPrefix("evidence."), let question = question(String(name.dropFirst(9))),
                question.evidence != .none
            {
                answers.evidence[question.key] = values.joined(separator: "\n")
            }
        }
        // A date question arrives as three boxes (day, month, year): stored as one ISO date, or, when it is
        // not a real date, as typed ("31/2/2026"), so the check can say so and the form can show it again.
        for section in sections {
            for question in section.questions {
                guard case .date = question.answer else { continue }
                let parts = ["day", "month", "year"].map {
                    (fields["q.\(question.key)-\($0)"]?.first ?? "").trimmingCharacters(in: .whitespaces)
                }
                guard parts.contains(where: { !$0.isEmpty }) else { continue }
                answers.values[question.key] = [
                    SimpleDate(day: parts[0], month: parts[1], year: parts[2])?.iso ?? parts.joined(separator: "/")
                ]
            }
        }
        return answers
    }
}
