import SafeguardCore

/// One question of a tool as a GOV.UK form control, chosen by its answer type. Every control is
/// named "q.<question key>" and the first input carries that id, so an error links to it.
struct AnswerInput {
    var question: ToolQuestion
    var values: [String]
    var errors: FormErrors

    var field: String { "q.\(question.key)" }
    var value: String { values.first ?? "" }

    var node: Node {
        switch question.answer {
        case .yesNo, .yesNoNotKnown, .choice, .scale:
            return choices(AnswerLabels.options(question.answer).map { ($0.key, $0.label, []) }, inline: inline)
        case .grade(let grades):
            return choices(grades.map { ($0.key, $0.label, $0.descriptors) }, inline: false)
        case .checklist(let items):
            return choices(items.map { ($0.key, $0.label, []) }, inline: false, multiple: true)
        case .number:
            return Components.textInput(
                field, label: question.text, value: value, errors: errors, hint: question.hint, width: "5")
        case .percentage:
            return Components.textInput(
                field, label: question.text + " (%)", value: value, errors: errors,
                hint: question.hint ?? "A whole number from 0 to 100", width: "3")
        case .date:
            // Three boxes, as every date in Safeguard; a date not yet valid is shown as it was typed.
            let parts: [String] =
                SimpleDate(iso: value).map { [String($0.day), String($0.month), String($0.year)] }
                ?? (value.split(separator: "/", omittingEmptySubsequences: false).map(String.init) + ["", "", ""])
                .prefix(3).map { $0 }
            return Components.dateInput(
                field, legend: question.text, day: parts[0], month: parts[1], year: parts[2], errors: errors,
                hint: question.hint ?? "For example, 27 3 2026")
        case .text:
            return Components.textarea(
                field, label: question.text, value: value, errors: errors, hint: question.hint, rows: 2)
        }
    }

    private var inline: Bool {
        switch question.answer {
        case .yesNo, .yesNoNotKnown: true
        default: false
        }
    }

    /// Radios or checkboxes, each option with its descriptors as the hint (graded categories).
    private func choices(
        _ options: [(key: String, label: String, descriptors: [String])], inline: Bool, multiple: Bool = false
    ) -> Node {
        let error = errors[field]
        let kind = multiple ? "checkboxes" : "radios"
        let hintID = question.hint.map { _ in field + "-hint" }
        return el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("fieldset", attrs: [.class("sg-fieldset")] + (hintID.map { [.aria("describedby", $0)] } ?? [])) {
                el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { question.text }
                if let hint = question.hint { el("div", .class("sg-hint"), .id(field + "-hint")) { hint } }
                if multiple && question.hint == nil { el("div", .class("sg-hint")) { "Select all that apply" } }
                if let error { Components.errorMessage(field, error) }
                el("div", .class("sg-\(kind)" + (inline ? " sg-\(kind)--inline" : ""))) {
                    for (i, o) in options.enumerated() {
                        let id = i == 0 ? field : "\(field)-\(i + 1)"
                        el("div", .class("sg-\(kind)__item")) {
                            void(
                                "input",
                                attrs: [
                                    .class("sg-\(kind)__input"), .id(id), .name(field),
                                    .type(multiple ? "checkbox" : "radio"), .value(o.key),
                                ]
                                    + (o.descriptors.isEmpty ? [] : [.aria("describedby", id + "-item-hint")])
                                    + (values.contains(o.key) ? [.flag("checked")] : []))
                            el("label", .class("sg-label sg-\(kind)__label"), .for(id)) { o.label }
                            if !o.descriptors.isEmpty {
                                el("div", .class("sg-hint sg-\(kind)__hint"), .id(id + "-item-hint")) {
                                    el("ul", .class("sg-list sg-list--bullet sg-body-s")) {
                                        for d in o.descriptors { el("li") { d } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The words shown for stored answer values.
enum AnswerLabels {
    static func options(_ type: AnswerType) -> [AnswerOption] {
        switch type {
        case .yesNo: [AnswerOption(key: "yes", label: "Yes"), AnswerOption(key: "no", label: "No")]
        case .yesNoNotKnown: options(.yesNo) + [AnswerOption(key: "not-known", label: "Not known")]
        case .choice(let options): options
        case .grade(let grades): grades.map { AnswerOption(key: $0.key, label: $0.label) }
        case .checklist(let items): items.map { AnswerOption(key: $0.key, label: $0.label) }
        case .scale(let min, let max, let labels):
            (min...max).map { n in AnswerOption(key: String(n), label: labels[n].map { "\(n) – \($0)" } ?? String(n)) }
        case .number, .percentage, .text, .date: []
        }
    }

    static func label(for value: String, in type: AnswerType) -> String {
        options(type).first { $0.key == value }?.label ?? value
    }

    /// The answer as a sentence fragment for the summary: "Yes", "Moderate", "62%", "Kitchen; Bedroom".
    static func text(_ values: [String], in type: AnswerType) -> String {
        guard !values.isEmpty else { return "Not answered" }
        if case .percentage = type { return values[0] + "%" }
        return values.map { label(for: $0, in: type) }.joined(separator: "; ")
    }
}
