import Yams

extension DefinitionParser {
    static let conditionFields = ["level-at-least", "question", "at-least", "equals"]

    func parsePrompts(_ nodes: [Node]) throws -> [ToolPrompt] {
        var prompts: [ToolPrompt] = []
        for node in nodes {
            let fields = try DefinitionFields(
                node, what: "prompt", allowed: ["key", "message", "when-any"],
                line: top.line(of: "prompts"))
            let key = try fields.key(example: "marac")
            try checkUnique(key, among: prompts.map(\.key), what: "prompt", line: fields.line)
            let message = try fields.text("message", example: "Refer to MARAC.")
            let conditions = try fields.list("when-any", example: "[{level-at-least: high}]").map {
                try parseCondition($0, promptLine: fields.line(of: "when-any"))
            }
            prompts.append(ToolPrompt(key: key, message: message, whenAny: conditions))
        }
        return prompts
    }

    /// Either `level-at-least: <level>`, or `question:` with one of `at-least:` or `equals:`.
    private func parseCondition(_ node: Node, promptLine: Int) throws -> PromptCondition {
        let fields = try DefinitionFields(
            node, what: "prompt condition", allowed: Self.conditionFields, line: promptLine)
        if fields.node("level-at-least") != nil {
            try fields.refuse(
                ["question", "at-least", "equals"],
                because: "cannot be combined with 'level-at-least' in one condition; list it as a separate condition")
            return .levelAtLeast(try levelKey(fields, "level-at-least"))
        }
        guard fields.node("question") != nil else {
            throw ToolDefinitionError(
                line: fields.line,
                reason:
                    "a prompt condition needs 'level-at-least', or 'question' with 'at-least' or 'equals'")
        }
        let question = try promptQuestion(fields)
        switch (fields.node("at-least"), fields.node("equals")) {
        case (.some, .some):
            throw ToolDefinitionError(
                line: fields.line(of: "equals"),
                reason: "use either 'at-least' or 'equals' in one condition, not both")
        case (.some, nil):
            guard question.answer.isNumeric else {
                throw ToolDefinitionError(
                    line: fields.line(of: "at-least"),
                    reason:
                        "'at-least' needs a number, percentage or scale question, and '\(question.key)' is not one")
            }
            return .answerAtLeast(question: question.key, value: try fields.number("at-least")!)
        case (nil, .some):
            let value = try fields.text("equals", example: "yes")
            let answers = question.answer.optionKeys ?? question.answer.checklistKeys
            guard let answers, answers.contains(value) else {
                throw ToolDefinitionError(
                    line: fields.line(of: "equals"),
                    reason: answers.map {
                        "question '\(question.key)' has no answer '\(value)'; expected one of \($0.joined(separator: ", "))"
                    } ?? "'equals' needs a question answered by choosing, and '\(question.key)' is not one")
            }
            return .answerEquals(question: question.key, value: value)
        case (nil, nil):
            throw ToolDefinitionError(
                line: fields.line, reason: "a condition on a question needs 'at-least' or 'equals'")
        }
    }

    private func promptQuestion(_ fields: DefinitionFields) throws -> ToolQuestion {
        let key = try fields.text("question", example: "incidents-last-12-months")
        guard let question = question(key) else {
            throw ToolDefinitionError(
                line: fields.line(of: "question"),
                reason: "the prompt names question '\(key)', which is not in the tool; use a question's key")
        }
        return question
    }
}

extension AnswerType {
    var isNumeric: Bool {
        switch self {
        case .number, .percentage, .scale: true
        default: false
        }
    }

    var checklistKeys: [String]? {
        if case .checklist(let items) = self { items.map(\.key) } else { nil }
    }
}
