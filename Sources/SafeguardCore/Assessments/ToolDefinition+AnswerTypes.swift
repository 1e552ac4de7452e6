import Yams

extension DefinitionParser {
    static let answerTypes = [
        "yes-no", "yes-no-not-known", "choice", "grade", "scale", "number",
        "percentage", "text", "date", "checklist",
    ]

    func parseAnswerType(_ q: DefinitionFields) throws -> AnswerType {
        let raw = try q.text("answer", example: "yes-no")
        let needsOptions = "is only used by choice, grade and checklist questions"
        let needsRange = "is only used by scale and number questions"
        switch raw {
        case "yes-no", "yes-no-not-known", "percentage", "text", "date":
            try q.refuse(["options"], because: needsOptions)
            try q.refuse(["min", "max"], because: needsRange)
            try q.refuse(["labels"], because: "is only used by scale questions")
            return [
                "yes-no": .yesNo, "yes-no-not-known": .yesNoNotKnown, "percentage": .percentage,
                "text": .text, "date": .date,
            ][raw]!
        case "choice", "grade", "checklist":
            try q.refuse(["min", "max"], because: needsRange)
            try q.refuse(["labels"], because: "is only used by scale questions")
            return try parseOptions(q, type: raw)
        case "scale":
            try q.refuse(["options"], because: needsOptions)
            return try parseScale(q)
        case "number":
            try q.refuse(["options"], because: needsOptions)
            try q.refuse(["labels"], because: "is only used by scale questions")
            let min = try q.number("min")
            let max = try q.number("max")
            if let min, let max, min >= max {
                throw ToolDefinitionError(
                    line: q.line(of: "max"), reason: "'max' (\(max)) must be more than 'min' (\(min))")
            }
            return .number(min: min, max: max)
        default:
            throw ToolDefinitionError(
                line: q.node("answer")!.line(or: q.line),
                reason:
                    "unknown answer type '\(raw)'; expected one of \(Self.answerTypes.joined(separator: ", "))")
        }
    }

    /// Choice options, grades and checklist items: all a list of keyed entries; grades and
    /// checklist items also name the tool level they count as.
    func parseOptions(_ q: DefinitionFields, type: String) throws -> AnswerType {
        guard q.node("options") != nil else {
            throw ToolDefinitionError(
                line: q.line,
                reason:
                    "a \(type) question needs 'options', a list such as [{key: ..., label: ...\(type == "choice" ? "" : ", level: ...")}]"
            )
        }
        let allowed =
            switch type {
            case "grade": ["key", "label", "level", "descriptors"]
            case "checklist": ["key", "label", "level"]
            default: ["key", "label"]
            }
        var choices: [AnswerOption] = []
        var grades: [GradeOption] = []
        var items: [ChecklistItem] = []
        for node in try q.list("options", example: "[]") {
            let what = type == "checklist" ? "checklist item" : "\(type) option"
            let fields = try DefinitionFields(node, what: what, allowed: allowed, line: q.line(of: "options"))
            let key = try fields.key(example: "none")
            try checkUnique(
                key, among: choices.map(\.key) + grades.map(\.key) + items.map(\.key),
                what: "option", line: fields.line)
            let label = try fields.text("label", example: "None")
            switch type {
            case "grade":
                let descriptors = try (fields.optionalList("descriptors") ?? []).map {
                    try $0.text("descriptors", line: fields.line(of: "descriptors"))
                }
                grades.append(
                    GradeOption(key: key, label: label, level: try levelKey(fields), descriptors: descriptors))
            case "checklist":
                items.append(ChecklistItem(key: key, label: label, level: try levelKey(fields)))
            default:
                choices.append(AnswerOption(key: key, label: label))
            }
        }
        return switch type {
        case "grade": .grade(grades)
        case "checklist": .checklist(items)
        default: .choice(choices)
        }
    }

    func parseScale(_ q: DefinitionFields) throws -> AnswerType {
        let min = try wholeNumber(q, "min")
        let max = try wholeNumber(q, "max")
        guard min < max else {
            throw ToolDefinitionError(
                line: q.line(of: "max"), reason: "'max' (\(max)) must be more than 'min' (\(min))")
        }
        var labels: [Int: String] = [:]
        if let node = q.node("labels"), !node.isNull {
            guard case .mapping(let mapping) = node else {
                throw ToolDefinitionError(
                    line: node.line(or: q.line),
                    reason: "'labels' must be a block of values and labels, such as {1: Clear, 9: Full}")
            }
            for (valueNode, labelNode) in mapping {
                let line = valueNode.line(or: q.line)
                guard let value = Int(valueNode.scalar?.string ?? ""), (min...max).contains(value) else {
                    throw ToolDefinitionError(
                        line: line,
                        reason:
                            "label '\(valueNode.scalar?.string ?? "")' must be a whole number from \(min) to \(max)")
                }
                labels[value] = try labelNode.text("labels", line: line)
            }
        }
        return .scale(min: min, max: max, labels: labels)
    }

    private func wholeNumber(_ q: DefinitionFields, _ field: String) throws -> Int {
        let node = try q.required(field, example: field == "min" ? "1" : "9")
        let raw = try node.text(field, line: q.line)
        guard let value = Int(raw) else {
            throw ToolDefinitionError(
                line: node.line(or: q.line), reason: "'\(field)' must be a whole number, not '\(raw)'")
        }
        return value
    }
}
