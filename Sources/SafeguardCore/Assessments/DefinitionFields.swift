import Foundation
import Yams

/// One block (YAML mapping) of a definition file, read field by field so that every problem can
/// name the line it is on. Unknown fields are refused up front: a misspelt optional field would
/// otherwise be silently ignored and the tool would behave differently from what the author meant.
struct DefinitionFields {
    let mapping: Node.Mapping
    /// What the block is, for messages: "question", "level", "the tool".
    let what: String
    let line: Int

    init(_ node: Node, what: String, allowed: [String], line parentLine: Int) throws {
        guard case .mapping(let mapping) = node else {
            throw ToolDefinitionError(
                line: node.line(or: parentLine),
                reason: "each \(what) must be a block of fields such as 'key: ...'")
        }
        self.mapping = mapping
        self.what = what
        self.line = mapping.mark?.line ?? parentLine
        for (keyNode, _) in mapping {
            let name = keyNode.scalar?.string ?? ""
            if !allowed.contains(name) {
                throw ToolDefinitionError(
                    line: keyNode.line(or: line),
                    reason:
                        "unknown field '\(name)' in \(what); expected one of \(allowed.joined(separator: ", "))")
            }
        }
    }

    var fieldNames: [String] { mapping.map { $0.key.scalar?.string ?? "" } }

    func node(_ field: String) -> Node? { mapping[field] }

    /// The line of a field's name, or of the block when the field is absent.
    func line(of field: String) -> Int {
        mapping.first { $0.key.scalar?.string == field }?.key.line(or: line) ?? line
    }

    func required(_ field: String, example: String) throws -> Node {
        guard let node = mapping[field], !node.isNull else {
            throw ToolDefinitionError(
                line: mapping[field]?.line(or: line) ?? line,
                reason:
                    "missing required field '\(field)' in \(what); add for example '\(field): \(example)'")
        }
        return node
    }

    /// Refuses a field that does not apply here, e.g. 'min' on a grade question.
    func refuse(_ fields: [String], because why: String) throws {
        if let field = fields.first(where: { mapping[$0] != nil }) {
            throw ToolDefinitionError(line: line(of: field), reason: "'\(field)' \(why); remove it")
        }
    }

    // MARK: Typed values

    func text(_ field: String, example: String) throws -> String {
        try required(field, example: example).text(field, line: line)
    }

    func optionalText(_ field: String) throws -> String? {
        guard let node = mapping[field], !node.isNull else { return nil }
        return try node.text(field, line: line)
    }

    func key(_ field: String = "key", example: String) throws -> String {
        let node = try required(field, example: example)
        return try node.kebabKey(field, line: line)
    }

    func positiveInt(_ field: String) throws -> Int? {
        guard let node = mapping[field], !node.isNull else { return nil }
        let raw = try node.text(field, line: line)
        guard let value = Int(raw), value > 0 else {
            throw ToolDefinitionError(
                line: node.line(or: line),
                reason: "'\(field)' must be a whole number of 1 or more, not '\(raw)'")
        }
        return value
    }

    func requiredPositiveInt(_ field: String, example: String) throws -> Int {
        _ = try required(field, example: example)
        return try positiveInt(field)!
    }

    func number(_ field: String) throws -> Double? {
        guard let node = mapping[field], !node.isNull else { return nil }
        return try node.number(field, line: line)
    }

    func bool(_ field: String, default value: Bool) throws -> Bool {
        guard let node = mapping[field], !node.isNull else { return value }
        switch try node.text(field, line: line) {
        case "true": return true
        case "false": return false
        case let raw:
            throw ToolDefinitionError(
                line: node.line(or: line),
                reason: "'\(field)' must be true or false, not '\(raw)'")
        }
    }

    /// A field with a fixed set of values, e.g. `subject: child`.
    func choice<T>(_ field: String, _ parse: (String) -> T?, allowed: [String]) throws -> T? {
        guard let node = mapping[field], !node.isNull else { return nil }
        let raw = try node.text(field, line: line)
        guard let value = parse(raw) else {
            throw ToolDefinitionError(
                line: node.line(or: line),
                reason:
                    "unknown \(field) '\(raw)'; expected one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    func requiredChoice<T>(_ field: String, _ parse: (String) -> T?, allowed: [String]) throws -> T {
        _ = try required(field, example: allowed[0])
        return try choice(field, parse, allowed: allowed)!
    }

    func list(_ field: String, example: String) throws -> [Node] {
        try required(field, example: example).list(field, line: line)
    }

    func optionalList(_ field: String) throws -> [Node]? {
        guard let node = mapping[field], !node.isNull else { return nil }
        return try node.list(field, line: line)
    }
}

extension Node {
    func line(or fallback: Int) -> Int { mark?.line ?? fallback }

    /// `title:` with nothing after it, or `~`.
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The scalar exactly as written. Read raw rather than through YAML typing, because YAML 1.1
    /// would turn `answer: yes` into a boolean and `key: 0-4` is meant as text.
    func text(_ field: String, line fallback: Int) throws -> String {
        guard case .scalar(let scalar) = self else {
            throw ToolDefinitionError(
                line: line(or: fallback),
                reason: "'\(field)' must be a single value, not a list or block")
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw ToolDefinitionError(line: line(or: fallback), reason: "'\(field)' is empty; give it a value")
        }
        return value
    }

    func number(_ field: String, line fallback: Int) throws -> Double {
        let raw = try text(field, line: fallback)
        guard let value = Double(raw), value.isFinite else {
            throw ToolDefinitionError(
                line: line(or: fallback),
                reason: "'\(field)' must be a number such as 3, not '\(raw)'")
        }
        return value
    }

    func kebabKey(_ field: String, line fallback: Int) throws -> String {
        let raw = try text(field, line: fallback)
        guard raw.isKebabCase else {
            throw ToolDefinitionError(
                line: line(or: fallback),
                reason:
                    "'\(raw)' must use only lower-case letters, digits and single hyphens; write '\(raw.asKebabCase)'")
        }
        return raw
    }

    func list(_ field: String, line fallback: Int) throws -> [Node] {
        guard case .sequence(let sequence) = self else {
            throw ToolDefinitionError(
                line: line(or: fallback),
                reason: "'\(field)' must be a list, with each entry starting '- '")
        }
        guard !sequence.isEmpty else {
            throw ToolDefinitionError(line: line(or: fallback), reason: "'\(field)' is empty; list at least one entry")
        }
        return Array(sequence)
    }
}

extension String {
    /// A suggestion for a key that is not kebab-case: "Worry_Level" becomes "worry-level".
    var asKebabCase: String {
        let words = lowercased().split { !(("a"..."z").contains($0) || ("0"..."9").contains($0)) }
        return words.isEmpty ? "for-example-this" : words.joined(separator: "-")
    }

    var isKebabCase: Bool {
        let parts = split(separator: "-", omittingEmptySubsequences: false)
        return !isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }
}
