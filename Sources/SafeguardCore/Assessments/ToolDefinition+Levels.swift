import Yams

extension DefinitionParser {
    static let levelFields = ["key", "label", "colour", "response", "reassess-after-days"]

    /// Levels are listed lowest first; rules and overrides compare them by that order.
    func parseLevels(_ nodes: [Node]) throws -> [ToolLevel] {
        guard nodes.count >= 2 else {
            throw ToolDefinitionError(
                line: top.line(of: "levels"),
                reason: "'levels' needs at least two levels, lowest first")
        }
        var levels: [ToolLevel] = []
        for node in nodes {
            let fields = try DefinitionFields(
                node, what: "level", allowed: Self.levelFields, line: top.line(of: "levels"))
            let key = try fields.key(example: "high")
            try checkUnique(key, among: levels.map(\.key), what: "level", line: fields.line)
            let label = try fields.text("label", example: "High")
            let colour = try fields.requiredChoice(
                "colour", TagColour.init(rawValue:),
                allowed: TagColour.allCases.map(\.rawValue))
            levels.append(
                ToolLevel(
                    key: key, label: label, colour: colour,
                    response: try fields.optionalText("response"),
                    reassessAfterDays: try fields.positiveInt("reassess-after-days")))
        }
        return levels
    }
}
