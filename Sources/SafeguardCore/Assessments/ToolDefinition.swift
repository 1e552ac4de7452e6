import Foundation
import Yams

/// Reads assessment tools from their definition files (YAML, format in Resources/tools/README.md).
/// Everything the engine later relies on is checked here, so a tool that parses can always be
/// shown, checked and rated: every level, question and option a rule names exists.
public enum ToolDefinition {
    /// Parses and validates one YAML definition; throws `ToolDefinitionError` naming the line.
    public static func parse(_ yaml: String) throws -> AssessmentTool {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, in: yaml)
        }
        guard let root else {
            throw ToolDefinitionError(line: 1, reason: "the file is empty; start with 'key:', 'version:' and 'title:'")
        }
        guard case .mapping = root else {
            throw ToolDefinitionError(
                line: root.line(or: 1),
                reason:
                    "the file must be a block of fields such as 'key: exploitation', not a list or a single value")
        }
        var parser = try DefinitionParser(root)
        return try parser.tool()
    }

    static let topFields = [
        "key", "version", "title", "summary", "subject", "reassess-after-days",
        "override", "levels", "rating", "prompts", "sections",
    ]

    /// Turns a Yams error into our line-and-reason form; the wording of libyaml's problems is
    /// kept because it is specific, but prefixed so an administrator knows it is about layout.
    static func syntaxError(_ error: YamlError, in yaml: String) -> ToolDefinitionError {
        let layout = "the file is not valid YAML"
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ToolDefinitionError(
                line: mark.line,
                reason:
                    "\(layout) (\(problem)); check the indentation, colons and quotes on this line and the one before")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ToolDefinitionError(
                line: context.mark.line,
                reason:
                    "the field \(names) is given more than once in the same block; keep only one")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { yaml.prefix($0).filter { $0 == "\n" }.count + 1 } ?? 1
            return ToolDefinitionError(line: line, reason: "\(layout) (\(problem)); save the file as UTF-8 text")
        default:
            return ToolDefinitionError(line: 1, reason: "\(layout) (\(error))")
        }
    }
}

/// The state of reading one file: what has been declared so far, so later parts can be checked
/// against it. Lines are kept beside the public types because those carry no positions.
struct DefinitionParser {
    let top: DefinitionFields
    var levels: [ToolLevel] = []
    /// Every question in file order, with the index of its section.
    var questions: [(question: ToolQuestion, section: Int)] = []
    var sections: [ToolSection] = []
    /// Where each section's show-if names its question and answer, by section index.
    var showIfLines: [Int: (question: Int, equals: Int)] = [:]

    init(_ root: Node) throws {
        top = try DefinitionFields(root, what: "the tool", allowed: ToolDefinition.topFields, line: 1)
    }

    mutating func tool() throws -> AssessmentTool {
        let key = try top.key(example: "exploitation")
        let version = try top.requiredPositiveInt("version", example: "1")
        let title = try top.text("title", example: "Exploitation risk assessment")
        let summary = try top.text("summary", example: "What the tool is for and who completes it.")
        let subject = try top.requiredChoice(
            "subject", ToolSubject.init(rawValue:),
            allowed: ToolSubject.allCases.map(\.rawValue))
        let reassess = try top.requiredPositiveInt("reassess-after-days", example: "90")
        let override =
            try top.choice(
                "override", OverridePolicy.init(rawValue:),
                allowed: ["none", "raise-only"]) ?? OverridePolicy.none
        levels = try parseLevels(top.list("levels", example: "[{key: low, label: Low, colour: green}]"))
        sections = try parseSections(top.list("sections", example: "[{key: ..., title: ..., questions: [...]}]"))
        try checkShowIfs()
        let rating = try parseRating(top.required("rating", example: "{method: highest-grade}"))
        let prompts = try parsePrompts(top.optionalList("prompts") ?? [])
        return AssessmentTool(
            key: key, version: version, title: title, summary: summary, subject: subject,
            sections: sections, levels: levels, rating: rating, override: override,
            prompts: prompts, reassessAfterDays: reassess)
    }

    func question(_ key: String) -> ToolQuestion? {
        questions.first { $0.question.key == key }?.question
    }

    /// Reads a level key from a field and refuses one the tool does not declare.
    func levelKey(_ fields: DefinitionFields, _ field: String = "level") throws -> String {
        let key = try fields.text(field, example: levels.first?.key ?? "low")
        guard levels.contains(where: { $0.key == key }) else {
            throw ToolDefinitionError(
                line: fields.node(field)!.line(or: fields.line),
                reason:
                    "unknown level '\(key)'; expected one of the tool's levels: \(levels.map(\.key).joined(separator: ", "))"
            )
        }
        return key
    }
}

/// Refuses a second use of a key where keys must be unique.
func checkUnique(_ key: String, among seen: [String], what: String, line: Int) throws {
    if seen.contains(key) {
        throw ToolDefinitionError(line: line, reason: "duplicate \(what) key '\(key)'; each \(what) needs its own key")
    }
}
