import Testing

@testable import SafeguardCore

/// Definitions are edited by hand, so every refusal must point at the right line and say what
/// to write instead. Each case edits one line (or inserts lines) of a small valid tool.
@Suite struct ToolDefinitionTests {
    /// A small highest-grade tool; line numbers are referred to by the cases below.
    static let graded = """
        key: sample
        version: 1
        title: Sample
        summary: A sample tool.
        subject: child
        reassess-after-days: 90
        override: raise-only
        levels:
          - {key: low, label: Low, colour: green}
          - {key: high, label: High, colour: red, reassess-after-days: 14}
        rating:
          method: highest-grade
        sections:
          - key: main
            title: Main
            questions:
              - key: worry
                text: Worry
                answer: grade
                options:
                  - {key: none, label: None, level: low}
                  - {key: lots, label: Lots, level: high}
        """

    /// A count tool with a prompt (lines 16–22) and three questions (27–29).
    static let counted = """
        key: sample-count
        version: 1
        title: Sample
        summary: A sample tool.
        subject: adult
        reassess-after-days: 90
        levels:
          - {key: low, label: Low, colour: green}
          - {key: high, label: High, colour: red}
        rating:
          method: count
          answer: yes
          bands:
            - {at-least: 0, level: low}
            - {at-least: 2, level: high}
        prompts:
          - key: escalate
            message: Escalate.
            when-any:
              - level-at-least: high
              - question: incidents
                at-least: 3
        sections:
          - key: main
            title: Main
            questions:
              - {key: hit, text: Hit?, answer: yes-no}
              - {key: threatened, text: Threatened?, answer: yes-no}
              - {key: incidents, text: Incidents, answer: number, min: 0, required: false}
        """

    /// A checklist behind a show-if on line 19.
    static let banded = """
        key: sample-bands
        version: 1
        title: Sample
        summary: A sample tool.
        subject: child
        reassess-after-days: 90
        levels:
          - {key: green, label: Green, colour: green}
          - {key: red, label: Red, colour: red}
        rating:
          method: highest-grade
        sections:
          - key: about
            title: About
            questions:
              - {key: age-band, text: Age band, answer: choice, options: [{key: young, label: Young}, {key: old, label: Old}]}
          - key: young
            title: Young
            show-if: {question: age-band, equals: young}
            questions:
              - {key: seen, text: Seen, answer: checklist, options: [{key: a, label: A, level: green}, {key: b, label: B, level: red}]}
        """

    @Test(arguments: [graded, counted, banded])
    func theBaseDefinitionsAreValid(yaml: String) throws {
        _ = try ToolDefinition.parse(yaml)
    }

    @Test func aParsedToolKeepsWhatTheFileSays() throws {
        let tool = try ToolDefinition.parse(Self.counted)
        #expect(
            tool.rating
                == .count(
                    answer: "yes", bands: [ScoreBand(atLeast: 0, level: "low"), ScoreBand(atLeast: 2, level: "high")]))
        #expect(tool.override == .none, "override defaults to none")
        #expect(tool.question("hit")?.required == true, "required defaults to true")
        #expect(tool.question("hit")?.evidence == EvidenceRule.none, "evidence defaults to none")
        #expect(
            tool.prompts.first?.whenAny == [.levelAtLeast("high"), .answerAtLeast(question: "incidents", value: 3)])
        #expect(tool.rank(of: "high") == 1)
        #expect(tool.rank(of: "medium") == nil)
        let graded = try ToolDefinition.parse(Self.graded)
        #expect(graded.level("high")?.reassessAfterDays == 14)
        #expect(graded.rate(TestTools.answers(["worry": "lots"]), override: nil).reassessAfterDays == 14)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let line: Int
        let reason: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "YAML syntax", yaml: edit(graded, line: 4, "summary: A: sample"), line: 4, reason: "not valid YAML"),
        Case(
            name: "unclosed flow", yaml: edit(graded, line: 21, "      - {key: none, label: None, level: low"),
            line: 22,
            reason: "not valid YAML"),
        Case(
            name: "same field twice", yaml: edit(graded, insertAfter: 3, "title: Again"), line: 3,
            reason: "the field 'title' is given more than once"),
        Case(name: "empty file", yaml: "# nothing yet\n", line: 1, reason: "the file is empty"),
        Case(
            name: "list at top level", yaml: "- key: sample\n- version: 1\n", line: 1,
            reason: "must be a block of fields"),
        Case(
            name: "missing title", yaml: edit(graded, line: 3, "# title to come"), line: 1,
            reason: "missing required field 'title' in the tool; add for example 'title:"),
        Case(
            name: "missing level colour", yaml: edit(graded, line: 10, "  - {key: high, label: High}"), line: 10,
            reason: "missing required field 'colour' in level"),
        Case(
            name: "misspelt field", yaml: edit(graded, line: 18, "        titel: Worry"), line: 18,
            reason: "unknown field 'titel' in question; expected one of key, text, hint, answer"),
        Case(
            name: "misspelt top-level field", yaml: edit(graded, line: 6, "reassess-days: 90"), line: 6,
            reason: "unknown field 'reassess-days' in the tool"),
        Case(
            name: "version not a number", yaml: edit(graded, line: 2, "version: two"), line: 2,
            reason: "'version' must be a whole number of 1 or more"),
        Case(
            name: "version zero", yaml: edit(graded, line: 2, "version: 0"), line: 2,
            reason: "'version' must be a whole number of 1 or more"),
        Case(
            name: "required not true or false", yaml: edit(graded, insertAfter: 19, "        required: sometimes"),
            line: 20,
            reason: "'required' must be true or false"),
        Case(
            name: "key not kebab-case", yaml: edit(graded, line: 17, "      - key: Worry_Level"), line: 17,
            reason: "'Worry_Level' must use only lower-case letters, digits and single hyphens; write 'worry-level'"),
        Case(
            name: "duplicate level", yaml: edit(graded, line: 10, "  - {key: low, label: High, colour: red}"), line: 10,
            reason: "duplicate level key 'low'"),
        Case(
            name: "duplicate option", yaml: edit(graded, line: 22, "          - {key: none, label: Lots, level: high}"),
            line: 22,
            reason: "duplicate option key 'none'"),
        Case(
            name: "duplicate question across sections",
            yaml: graded
                + "\n  - key: more\n    title: More\n    questions:\n      - {key: worry, text: Again, answer: text}",
            line: 26, reason: "duplicate question key 'worry'"),
        Case(
            name: "duplicate section",
            yaml: graded
                + "\n  - key: main\n    title: More\n    questions:\n      - {key: other, text: Other, answer: text}",
            line: 23, reason: "duplicate section key 'main'"),
        Case(
            name: "unknown answer type", yaml: edit(graded, line: 19, "        answer: slider"), line: 19,
            reason: "unknown answer type 'slider'; expected one of yes-no, yes-no-not-known, choice"),
        Case(
            name: "grade without options", yaml: edit(graded, line: 20, "        hint: none given", removing: 3),
            line: 17,
            reason: "a grade question needs 'options'"),
        Case(
            name: "field for another type", yaml: edit(graded, insertAfter: 19, "        min: 1"), line: 20,
            reason: "'min' is only used by scale and number questions; remove it"),
        Case(
            name: "scale with min not below max",
            yaml: graded + "\n      - {key: size, text: Size, answer: scale, min: 5, max: 5}", line: 23,
            reason: "'max' (5) must be more than 'min' (5)"),
        Case(
            name: "scale label out of range",
            yaml: graded
                + "\n      - key: size\n        text: Size\n        answer: scale\n        min: 1\n        max: 5\n        labels: {1: Clear, 6: Full}",
            line: 28, reason: "label '6' must be a whole number from 1 to 5"),
        Case(
            name: "grade naming an unknown level",
            yaml: edit(graded, line: 22, "          - {key: lots, label: Lots, level: severe}"),
            line: 22, reason: "unknown level 'severe'; expected one of the tool's levels: low, high"),
        Case(
            name: "unknown colour", yaml: edit(graded, line: 10, "  - {key: high, label: High, colour: amber}"),
            line: 10,
            reason: "unknown colour 'amber'; expected one of grey, green, yellow, orange, red"),
        Case(
            name: "unknown override", yaml: edit(graded, line: 7, "override: lower-only"), line: 7,
            reason: "unknown override 'lower-only'; expected one of none, raise-only"),
        Case(
            name: "unknown subject", yaml: edit(graded, line: 5, "subject: children"), line: 5,
            reason: "unknown subject 'children'; expected one of child, adult, any"),
        Case(
            name: "empty section", yaml: edit(graded, line: 16, "    questions: []", removing: 7), line: 16,
            reason: "'questions' is empty"),
        Case(
            name: "when-concern on text",
            yaml: graded + "\n      - {key: notes, text: Notes, answer: text, evidence: when-concern}", line: 23,
            reason: "'evidence: when-concern' needs an answer that rates"),
        Case(
            name: "highest-grade without grades", yaml: edit(graded, line: 19, "        answer: yes-no", removing: 4),
            line: 12,
            reason: "the highest-grade method needs at least one grade or checklist question"),
        Case(
            name: "highest-score without scales",
            yaml: edit(graded, line: 12, "  method: highest-score\n  bands: [{at-least: 1, level: low}]"),
            line: 12, reason: "the highest-score method needs at least one scale question"),
        Case(
            name: "count without yes/no questions",
            yaml: edit(graded, line: 12, "  method: count\n  answer: yes\n  bands: [{at-least: 0, level: low}]"),
            line: 12, reason: "the count method needs at least one yes-no or yes-no-not-known question"),
        Case(
            name: "unknown rating method", yaml: edit(graded, line: 12, "  method: worst"), line: 12,
            reason: "unknown rating method 'worst'"),
        Case(
            name: "count bands not from zero", yaml: edit(counted, line: 14, "    - {at-least: 1, level: low}"),
            line: 14,
            reason: "the first band must start at 0 because a count starts at 0"),
        Case(
            name: "bands out of order", yaml: edit(counted, line: 15, "    - {at-least: 0, level: high}"), line: 15,
            reason: "bands must be in ascending order of 'at-least'"),
        Case(
            name: "band naming an unknown level", yaml: edit(counted, line: 15, "    - {at-least: 2, level: medium}"),
            line: 15,
            reason: "unknown level 'medium'"),
        Case(
            name: "bands going down a level", yaml: edit(counted, line: 14, "    - {at-least: 0, level: high}"),
            line: 15,
            reason: "each band must give a higher level than the one before"),
        Case(
            name: "count of an impossible answer", yaml: edit(counted, line: 12, "  answer: sometimes"), line: 12,
            reason: "'answer' must be yes, no or not-known"),
        Case(
            name: "prompt naming an unknown question",
            yaml: edit(counted, line: 21, "      - question: incidents-in-year"),
            line: 21, reason: "the prompt names question 'incidents-in-year', which is not in the tool"),
        Case(
            name: "prompt naming an unknown level", yaml: edit(counted, line: 20, "      - level-at-least: severe"),
            line: 20, reason: "unknown level 'severe'"),
        Case(
            name: "at-least on a yes/no question", yaml: edit(counted, line: 21, "      - question: hit"), line: 22,
            reason: "'at-least' needs a number, percentage or scale question"),
        Case(
            name: "show-if naming an unknown question",
            yaml: edit(banded, line: 19, "    show-if: {question: age, equals: young}"),
            line: 19, reason: "show-if names question 'age', which is not in the tool"),
        Case(
            name: "show-if naming a later question",
            yaml: edit(banded, line: 19, "    show-if: {question: seen, equals: a}"),
            line: 19, reason: "show-if names question 'seen', which comes later"),
        Case(
            name: "show-if naming a missing option",
            yaml: edit(banded, line: 19, "    show-if: {question: age-band, equals: teen}"),
            line: 19, reason: "question 'age-band' has no answer 'teen'; expected one of young, old"),
        Case(
            name: "checklist item naming an unknown level",
            yaml: edit(
                banded, line: 21,
                "      - {key: seen, text: Seen, answer: checklist, options: [{key: a, label: A, level: amber}]}"),
            line: 21, reason: "unknown level 'amber'; expected one of the tool's levels: green, red"),
    ]

    @Test(arguments: cases)
    func malformedDefinitionsAreRefusedAtTheirLine(_ example: Case) {
        do {
            let tool = try ToolDefinition.parse(example.yaml)
            Issue.record("accepted \(tool.key)")
        } catch let error as ToolDefinitionError {
            #expect(error.line == example.line, "\(error)")
            #expect(error.reason.contains(example.reason), "\(error)")
            #expect(error.description == "line \(error.line): \(error.reason)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Replaces line `line` (1-based), and `removing - 1` more after it, with `text`.
    static func edit(_ yaml: String, line: Int, _ text: String, removing: Int = 1) -> String {
        var lines = yaml.components(separatedBy: "\n")
        lines.replaceSubrange((line - 1)..<(line - 1 + removing), with: [text])
        return lines.joined(separator: "\n")
    }

    static func edit(_ yaml: String, insertAfter line: Int, _ text: String) -> String {
        var lines = yaml.components(separatedBy: "\n")
        lines.insert(text, at: line)
        return lines.joined(separator: "\n")
    }
}
