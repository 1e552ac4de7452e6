import Foundation

/// Error messages for answers, in GOV.UK style: say what to do, name the question in the
/// practitioner's terms, no codes or jargon.
extension AssessmentTool {
    func missingMessage(_ question: ToolQuestion) -> String {
        let name = question.nameInMessage
        return switch question.answer {
        case .yesNo, .yesNoNotKnown, .choice: "Select an answer for \(name)"
        case .grade: "Choose a grade for \(name)"
        case .checklist: "Tick at least one item for \(name)"
        case .scale(let min, let max, _): "Choose a rating from \(min) to \(max) for \(name)"
        case .number: "Enter a number for \(name)"
        case .percentage: "Enter a percentage for \(name)"
        case .text: "Enter an answer for \(name)"
        case .date: "Enter a date for \(name)"
        }
    }

    /// Why the given values do not fit the question, or nil when they do.
    func invalidMessage(_ question: ToolQuestion, _ values: [String]) -> String? {
        let name = question.nameInMessage
        if values.count > 1, question.answer.checklistKeys == nil {
            return "Give only one answer for \(name)"
        }
        let value = values[0]
        switch question.answer {
        case .yesNo, .yesNoNotKnown, .choice:
            return question.answer.optionKeys!.contains(value) ? nil : "Select one of the answers listed for \(name)"
        case .grade:
            return question.answer.optionKeys!.contains(value) ? nil : "Choose one of the grades listed for \(name)"
        case .checklist(let items):
            return values.allSatisfy { v in items.contains { $0.key == v } }
                ? nil : "Tick only the items listed for \(name)"
        case .scale(let min, let max, _):
            return Int(value).map { (min...max).contains($0) } == true
                ? nil : "Choose a whole number from \(min) to \(max) for \(name)"
        case .number(let min, let max):
            guard let number = Double(value), number.isFinite,
                number >= (min ?? -.infinity), number <= (max ?? .infinity)
            else {
                return "Enter \(name) as a number\(Self.rangeText(min, max))"
            }
            return nil
        case .percentage:
            return Int(value).map { (0...100).contains($0) } == true
                ? nil : "Enter \(name) as a whole number from 0 to 100"
        case .date:
            return SimpleDate(iso: value) == nil ? "Enter a real date, for example 27 3 2026" : nil
        case .text:
            return nil
        }
    }

    func evidenceMessage(_ question: ToolQuestion) -> String {
        switch question.answer {
        case .grade: "Give the evidence for the grade you chose"
        case .checklist: "Give the evidence for the items you ticked"
        case .scale: "Give the evidence for the rating you chose"
        default: "Give the evidence for your answer"
        }
    }

    static func rangeText(_ min: Double?, _ max: Double?) -> String {
        switch (min, max) {
        case (let min?, let max?): " from \(min.shortText) to \(max.shortText)"
        case (let min?, nil): " of \(min.shortText) or more"
        case (nil, let max?): " of \(max.shortText) or less"
        case (nil, nil): ""
        }
    }
}

extension ToolQuestion {
    /// The question as it reads inside a sentence: "coercion and control" for a short label,
    /// the question quoted when it is a question, and abbreviations such as "SEND" left alone.
    var nameInMessage: String {
        if text.hasSuffix("?") { return "‘\(text)’" }
        let second = text.dropFirst().first
        if second?.isUppercase == true { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
