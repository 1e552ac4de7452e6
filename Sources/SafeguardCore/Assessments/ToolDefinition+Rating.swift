import Yams

extension DefinitionParser {
    static let ratingMethods = ["highest-grade", "count", "highest-score", "total-score"]

    func parseRating(_ node: Node) throws -> RatingRule {
        let fields = try DefinitionFields(
            node, what: "rating", allowed: ["method", "answer", "bands"], line: top.line(of: "rating"))
        let method = try fields.text("method", example: "highest-grade")
        let methodLine = fields.node("method")!.line(or: fields.line)
        let types = questions.map(\.question.answer)
        switch method {
        case "highest-grade":
            try fields.refuse(["answer", "bands"], because: "is not used by the highest-grade method")
            guard types.contains(where: \.isGradeOrChecklist) else {
                throw ToolDefinitionError(
                    line: methodLine,
                    reason:
                        "the highest-grade method needs at least one grade or checklist question; add one or choose another method"
                )
            }
            return .highestGrade
        case "count":
            let answer = try fields.text("answer", example: "yes")
            guard ["yes", "no", "not-known"].contains(answer) else {
                throw ToolDefinitionError(
                    line: fields.node("answer")!.line(or: fields.line),
                    reason: "'answer' must be yes, no or not-known, not '\(answer)'")
            }
            guard types.contains(where: \.isYesNo) else {
                throw ToolDefinitionError(
                    line: methodLine,
                    reason:
                        "the count method needs at least one yes-no or yes-no-not-known question; add one or choose another method"
                )
            }
            return .count(answer: answer, bands: try parseBands(fields, lowest: 0, why: "a count starts at 0"))
        case "highest-score", "total-score":
            try fields.refuse(["answer"], because: "is only used by the count method")
            return try parseScoreRule(fields, method: method, methodLine: methodLine)
        default:
            throw ToolDefinitionError(
                line: methodLine,
                reason:
                    "unknown rating method '\(method)'; expected one of \(Self.ratingMethods.joined(separator: ", "))")
        }
    }

    private func parseScoreRule(_ fields: DefinitionFields, method: String, methodLine: Int) throws -> RatingRule {
        let scaleMins = questions.compactMap { entry -> Int? in
            if case .scale(let min, _, _) = entry.question.answer { return min } else { return nil }
        }
        if method == "highest-score" {
            // Only scales: a number question (say, how many rooms) is not a score to take the worst of.
            guard let lowest = scaleMins.min() else {
                throw ToolDefinitionError(
                    line: methodLine,
                    reason:
                        "the highest-score method needs at least one scale question; add one or choose another method")
            }
            return .highestScore(
                bands: try parseBands(
                    fields, lowest: Double(lowest),
                    why: "the lowest scale value is \(lowest)"))
        }
        let hasNumbers = questions.contains { if case .number = $0.question.answer { true } else { false } }
        guard !scaleMins.isEmpty || hasNumbers else {
            throw ToolDefinitionError(
                line: methodLine,
                reason:
                    "the total-score method needs at least one scale or number question; add one or choose another method"
            )
        }
        return .totalScore(bands: try parseBands(fields, lowest: 0, why: "nothing answered totals 0"))
    }

    /// Bands must cover every possible score (so the first starts at the lowest) and rise through
    /// both scores and levels, so a higher score can never give a lower level.
    private func parseBands(_ rating: DefinitionFields, lowest: Double, why: String) throws -> [ScoreBand] {
        var bands: [ScoreBand] = []
        for node in try rating.list("bands", example: "[{at-least: 0, level: low}]") {
            let fields = try DefinitionFields(
                node, what: "band", allowed: ["at-least", "level"], line: rating.line(of: "bands"))
            _ = try fields.required("at-least", example: "0")
            let atLeast = try fields.number("at-least")!
            let line = fields.line(of: "at-least")
            if bands.isEmpty, atLeast != lowest {
                throw ToolDefinitionError(
                    line: line,
                    reason:
                        "the first band must start at \(lowest.shortText) because \(why); write 'at-least: \(lowest.shortText)'"
                )
            }
            if let previous = bands.last, atLeast <= previous.atLeast {
                throw ToolDefinitionError(
                    line: line,
                    reason:
                        "bands must be in ascending order of 'at-least'; \(atLeast.shortText) does not come after \(previous.atLeast.shortText)"
                )
            }
            let level = try levelKey(fields)
            if let previous = bands.last, rank(level) <= rank(previous.level) {
                throw ToolDefinitionError(
                    line: fields.line(of: "level"),
                    reason:
                        "each band must give a higher level than the one before; '\(level)' does not come after '\(previous.level)'"
                )
            }
            bands.append(ScoreBand(atLeast: atLeast, level: level))
        }
        return bands
    }

    func rank(_ level: String) -> Int { levels.firstIndex { $0.key == level } ?? -1 }
}

extension AnswerType {
    var isGradeOrChecklist: Bool {
        switch self {
        case .grade, .checklist: true
        default: false
        }
    }

    var isYesNo: Bool {
        switch self {
        case .yesNo, .yesNoNotKnown: true
        default: false
        }
    }
}

extension Double {
    /// "3" rather than "3.0", for messages and for scores shown to practitioners.
    var shortText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
