import Yams

extension DefinitionParser {
    static let sectionFields = ["key", "title", "guidance", "show-if", "questions"]
    static let questionFields = [
        "key", "text", "hint", "answer", "required", "evidence",
        "options", "min", "max", "labels",
    ]

    mutating func parseSections(_ nodes: [Node]) throws -> [ToolSection] {
        var sections: [ToolSection] = []
        for node in nodes {
            let fields = try DefinitionFields(
                node, what: "section", allowed: Self.sectionFields,
                line: top.line(of: "sections"))
            let key = try fields.key(example: "profile")
            try checkUnique(key, among: sections.map(\.key), what: "section", line: fields.line)
            let title = try fields.text("title", example: "About the child")
            let showIf = try parseShowIf(fields, section: sections.count)
            var questions: [ToolQuestion] = []
            for questionNode in try fields.list("questions", example: "[{key: ..., text: ..., answer: yes-no}]") {
                let question = try parseQuestion(questionNode, sectionLine: fields.line)
                questions.append(question)
                self.questions.append((question, sections.count))
            }
            sections.append(
                ToolSection(
                    key: key, title: title, guidance: try fields.optionalText("guidance"),
                    questions: questions, showIf: showIf))
        }
        return sections
    }

    mutating func parseShowIf(_ section: DefinitionFields, section index: Int) throws -> ToolCondition? {
        guard let node = section.node("show-if"), !node.isNull else { return nil }
        let fields = try DefinitionFields(node, what: "show-if", allowed: ["question", "equals"], line: section.line)
        let condition = ToolCondition(
            question: try fields.text("question", example: "age-band"),
            equals: try fields.text("equals", example: "yes"))
        showIfLines[index] = (fields.line(of: "question"), fields.line(of: "equals"))
        return condition
    }

    /// Run once every question is known, so a show-if naming a later question can be told apart
    /// from one naming a question that does not exist.
    func checkShowIfs() throws {
        for (index, section) in sections.enumerated() {
            guard let condition = section.showIf, let lines = showIfLines[index] else { continue }
            guard let entry = questions.first(where: { $0.question.key == condition.question }) else {
                throw ToolDefinitionError(
                    line: lines.question,
                    reason:
                        "show-if names question '\(condition.question)', which is not in the tool; use the key of a question in an earlier section"
                )
            }
            guard entry.section < index else {
                throw ToolDefinitionError(
                    line: lines.question,
                    reason:
                        "show-if names question '\(condition.question)', which comes later; a section can only depend on a question in an earlier section"
                )
            }
            guard let answers = entry.question.answer.optionKeys else {
                throw ToolDefinitionError(
                    line: lines.question,
                    reason:
                        "show-if names question '\(condition.question)', which is not answered by choosing; use a yes-no, choice or grade question"
                )
            }
            guard answers.contains(condition.equals) else {
                throw ToolDefinitionError(
                    line: lines.equals,
                    reason:
                        "question '\(condition.question)' has no answer '\(condition.equals)'; expected one of \(answers.joined(separator: ", "))"
                )
            }
        }
    }

    func parseQuestion(_ node: Node, sectionLine: Int) throws -> ToolQuestion {
        let fields = try DefinitionFields(node, what: "question", allowed: Self.questionFields, line: sectionLine)
        let key = try fields.key(example: "coercion-and-control")
        let earlier = questions.map(\.question.key)
        try checkUnique(key, among: earlier, what: "question", line: fields.line)
        let text = try fields.text("text", example: "Coercion and control")
        let answer = try parseAnswerType(fields)
        let evidence =
            try fields.choice(
                "evidence", EvidenceRule.init(rawValue:),
                allowed: ["none", "optional", "when-concern", "always"]) ?? EvidenceRule.none
        if evidence == .whenConcern, !answer.canRaiseConcern {
            throw ToolDefinitionError(
                line: fields.line(of: "evidence"),
                reason:
                    "'evidence: when-concern' needs an answer that rates (yes-no, grade, scale or checklist); use optional or always"
            )
        }
        return ToolQuestion(
            key: key, text: text, hint: try fields.optionalText("hint"), answer: answer,
            required: try fields.bool("required", default: true), evidence: evidence)
    }
}

extension AnswerType {
    /// The answers a practitioner picks from, for types answered by choosing one.
    var optionKeys: [String]? {
        switch self {
        case .yesNo: ["yes", "no"]
        case .yesNoNotKnown: ["yes", "no", "not-known"]
        case .choice(let options): options.map(\.key)
        case .grade(let grades): grades.map(\.key)
        default: nil
        }
    }

    /// Whether an answer of this type can rate above a tool's lowest level.
    var canRaiseConcern: Bool {
        switch self {
        case .yesNo, .yesNoNotKnown, .grade, .scale, .checklist: true
        case .choice, .number, .percentage, .text, .date: false
        }
    }
}
