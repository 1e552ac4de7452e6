import SafeguardCore

/// The GOV.UK Design System patterns we use, as functions returning nodes.
enum Components {
    static func csrfField(_ token: String) -> Node {
        void("input", .type("hidden"), .name(CSRFMiddleware.fieldName), .value(token))
    }

    /// The error summary at the top of a form: each message links to its field.
    static func errorSummary(_ errors: FormErrors) -> Node {
        guard !errors.isEmpty else { return .empty }
        return el(
            "div", .class("sg-error-summary"), Attr("role", "alert"), Attr("tabindex", "-1"),
            .aria("labelledby", "error-summary-title")
        ) {
            el("h2", .class("sg-error-summary__title"), .id("error-summary-title")) { "There is a problem" }
            el("div", .class("sg-error-summary__body")) {
                el("ul", .class("sg-list sg-error-summary__list")) {
                    for e in errors.all {
                        el("li") { el("a", Attr("href", "#" + e.field)) { e.message } }
                    }
                }
            }
        }
    }

    static func textInput(
        _ field: String, label: String, value: String, errors: FormErrors, hint: String? = nil,
        type: String = "text", width: String? = nil, autocomplete: String? = nil, labelClass: String = "sg-label"
    ) -> Node {
        let error = errors[field]
        var attrs: [Attr] = [
            .class(
                "sg-input" + (width.map { " sg-input--width-\($0)" } ?? "") + (error != nil ? " sg-input--error" : "")),
            .id(field), .name(field), .type(type), .value(value),
        ]
        if let d = describedBy(field, hint: hint, error: error) { attrs.append(d) }
        if let autocomplete { attrs.append(Attr("autocomplete", autocomplete)) }
        if type == "text" || type == "email" { attrs.append(Attr("spellcheck", "false")) }
        return el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("label", .class(labelClass), .for(field)) { label }
            if let hint { el("div", .class("sg-hint"), .id(field + "-hint")) { hint } }
            if let error { errorMessage(field, error) }
            void("input", attrs: attrs)
        }
    }

    static func textarea(
        _ field: String, label: String, value: String, errors: FormErrors, hint: String? = nil, rows: Int = 5
    ) -> Node {
        let error = errors[field]
        var attrs: [Attr] = [
            .class("sg-textarea" + (error != nil ? " sg-textarea--error" : "")), .id(field), .name(field),
            Attr("rows", String(rows)),
        ]
        if let d = describedBy(field, hint: hint, error: error) { attrs.append(d) }
        return el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("label", .class("sg-label"), .for(field)) { label }
            if let hint { el("div", .class("sg-hint"), .id(field + "-hint")) { hint } }
            if let error { errorMessage(field, error) }
            el("textarea", attrs: attrs) { value }
        }
    }

    static func select(
        _ field: String, label: String, options: [(value: String, label: String)], selected: String,
        errors: FormErrors, hint: String? = nil
    ) -> Node {
        let error = errors[field]
        return el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("label", .class("sg-label"), .for(field)) { label }
            if let hint { el("div", .class("sg-hint"), .id(field + "-hint")) { hint } }
            if let error { errorMessage(field, error) }
            el(
                "select",
                attrs: [.class("sg-select" + (error != nil ? " sg-select--error" : "")), .id(field), .name(field)]
                    + [describedBy(field, hint: hint, error: error)].compactMap { $0 }
            ) {
                for o in options {
                    el("option", attrs: [.value(o.value)] + (o.value == selected ? [.flag("selected")] : [])) {
                        o.label
                    }
                }
            }
        }
    }

    /// Points a field at its hint and error, so screen readers read them with the label.
    static func describedBy(_ field: String, hint: String?, error: String?) -> Attr? {
        let ids = [hint.map { _ in field + "-hint" }, error.map { _ in field + "-error" }].compactMap { $0 }
        return ids.isEmpty ? nil : .aria("describedby", ids.joined(separator: " "))
    }

    static func errorMessage(_ field: String, _ message: String) -> Node {
        el("p", .class("sg-error-message"), .id(field + "-error")) {
            el("span", .class("sg-visually-hidden")) { "Error: " }
            message
        }
    }

    static func summaryList(_ rows: [(String, Node)]) -> Node {
        el("dl", .class("sg-summary-list")) {
            for (key, value) in rows {
                el("div", .class("sg-summary-list__row")) {
                    el("dt", .class("sg-summary-list__key")) { key }
                    el("dd", .class("sg-summary-list__value")) { value }
                }
            }
        }
    }

    static func tag(_ text: String, colour: String) -> Node {
        el("strong", .class("sg-tag sg-tag--\(colour)")) { text }
    }

    static func button(_ text: String, kind: String? = nil) -> Node {
        el(
            "button", .type("submit"), .class("sg-button" + (kind.map { " sg-button--\($0)" } ?? "")),
            .data("module", "sg-button")
        ) { text }
    }

    static func notification(_ text: String, success: Bool = true) -> Node {
        el(
            "div",
            .class(success ? "sg-notification-banner sg-notification-banner--success" : "sg-notification-banner"),
            Attr("role", success ? "alert" : "region"), .aria("labelledby", "notification-title")
        ) {
            el("div", .class("sg-notification-banner__header")) {
                el("h2", .class("sg-notification-banner__title"), .id("notification-title")) {
                    success ? "Success" : "Important"
                }
            }
            el("div", .class("sg-notification-banner__content")) {
                el("p", .class("sg-notification-banner__heading")) { text }
            }
        }
    }

    static func backLink(_ url: SiteURL, _ text: String = "Back") -> Node {
        el("a", .href(url), .class("sg-back-link")) { text }
    }

    static func categoryTag(_ c: PersonCategory) -> Node {
        switch c {
        case .child: tag("Child", colour: "blue")
        case .adult: tag("Adult", colour: "grey")
        case .unborn: tag("Unborn", colour: "purple")
        }
    }
}

extension Components {
    /// The GOV.UK date input: day, month and year boxes in one fieldset. Errors for the date
    /// are keyed on "<prefix>-day", where the summary link lands.
    static func dateInput(
        _ prefix: String, legend: String, day: String, month: String, year: String, errors: FormErrors, hint: String?
    ) -> Node {
        let error = errors[prefix + "-day"]
        let box = { (part: String, label: String, value: String, width: String) -> Node in
            el("div", .class("sg-date-input__item")) {
                el("div", .class("sg-form-group")) {
                    el("label", .class("sg-label sg-date-input__label"), .for("\(prefix)-\(part)")) { label }
                    void(
                        "input",
                        .class(
                            "sg-input sg-date-input__input sg-input--width-\(width)"
                                + (error != nil ? " sg-input--error" : "")),
                        .id("\(prefix)-\(part)"), .name("\(prefix)-\(part)"), .type("text"),
                        Attr("inputmode", "numeric"), .value(value))
                }
            }
        }
        return el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("fieldset", .class("sg-fieldset"), Attr("role", "group"), .aria("describedby", prefix + "-hint")) {
                el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { legend }
                el("div", .class("sg-hint"), .id(prefix + "-hint")) { hint ?? "For example, 27 3 2015" }
                if let error { errorMessage(prefix + "-day", error) }
                el("div", .class("sg-date-input")) {
                    box("day", "Day", day, "2")
                    box("month", "Month", month, "2")
                    box("year", "Year", year, "4")
                }
            }
        }
    }

    /// Checkboxes posting `field[]`; the first box carries the field's id, so the error summary can link to it.
    static func checkboxes(
        _ field: String, legend: String, options: [(value: String, label: String)], selected: Set<String>,
        errors: FormErrors, hint: String? = nil
    ) -> Node {
        let error = errors[field]
        return el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("fieldset", .class("sg-fieldset"), .aria("describedby", field + "-hint")) {
                el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { legend }
                el("div", .class("sg-hint"), .id(field + "-hint")) { hint ?? "Select all that apply" }
                if let error { errorMessage(field, error) }
                el("div", .class("sg-checkboxes")) {
                    for (i, o) in options.enumerated() {
                        let id = i == 0 ? field : "\(field)-\(i + 1)"
                        el("div", .class("sg-checkboxes__item")) {
                            void(
                                "input",
                                attrs: [
                                    .class("sg-checkboxes__input"), .id(id), .name(field + "[]"), .type("checkbox"),
                                    .value(o.value),
                                ]
                                    + (selected.contains(o.value) ? [.flag("checked")] : []))
                            el("label", .class("sg-label sg-checkboxes__label"), .for(id)) { o.label }
                        }
                    }
                }
            }
        }
    }

    static func radios(
        _ field: String, legend: String, options: [(value: String, label: String)], selected: String,
        errors: FormErrors, inline: Bool = false
    ) -> Node {
        let error = errors[field]
        return el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
            el("fieldset", .class("sg-fieldset")) {
                el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) { legend }
                if let error { errorMessage(field, error) }
                el("div", .class(inline ? "sg-radios sg-radios--inline" : "sg-radios")) {
                    for (i, o) in options.enumerated() {
                        let id = i == 0 ? field : "\(field)-\(i + 1)"
                        el("div", .class("sg-radios__item")) {
                            void(
                                "input",
                                attrs: [
                                    .class("sg-radios__input"), .id(id), .name(field), .type("radio"), .value(o.value),
                                ]
                                    + (o.value == selected ? [.flag("checked")] : []))
                            el("label", .class("sg-label sg-radios__label"), .for(id)) { o.label }
                        }
                    }
                }
            }
        }
    }
}

extension Components {
    /// A plain data table with a caption and column headers. On a phone each row becomes a card, each cell
    /// labelled with its column's header, so nothing (a social worker's phone number) is cut off at the edge.
    static func table(caption: String, headers: [String], rows: [[Node]], captionVisible: Bool = true) -> Node {
        el("div", .class("sg-table-wrapper"), Attr("tabindex", "0"), Attr("role", "region"), .aria("label", caption)) {
            el("table", .class("sg-table sg-table--reflow")) {
                el("caption", .class(captionVisible ? "sg-table__caption sg-table__caption--m" : "sg-visually-hidden"))
                { caption }
                el("thead", .class("sg-table__head")) {
                    el("tr", .class("sg-table__row")) {
                        for h in headers {
                            el("th", .class("sg-table__header"), Attr("scope", "col")) {
                                if h.isEmpty { el("span", .class("sg-visually-hidden")) { "Actions" } } else { h }
                            }
                        }
                    }
                }
                el("tbody") {
                    for row in rows {
                        el("tr", .class("sg-table__row")) {
                            for (i, cell) in row.enumerated() {
                                let label = i < headers.count ? headers[i] : ""
                                el(
                                    "td",
                                    attrs: [.class("sg-table__cell")]
                                        + (label.isEmpty ? [] : [Attr("data-label", label)])
                                ) { cell }
                            }
                        }
                    }
                }
            }
        }
    }
}
