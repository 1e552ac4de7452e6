import SafeguardCore
import Vapor

/// The people search page and its results, a page of 50 at a time.
struct PeopleSearchView {
    struct Row: Sendable {
        var id: UUID
        var name: String
        var dateOfBirth: String
        var category: PersonCategory
        var postcode: String
        var involved: Bool
        var mayOpen: Bool
        /// Open child protection plans and looked-after status: flagged in the results, as CP-IS flags them.
        var alerts: [ProtectionKind] = []
        /// Why the matcher ranked this person here ("last name: similar"), for a misspelt name.
        var reasons: [String] = []
    }

    struct Results: Sendable {
        var rows: [Row]
        var page: ResultPage
    }

    var form: PeopleSearchForm
    var errors: FormErrors
    var results: Results?

    func render(on req: Request, viewer: Viewer, status: HTTPStatus = .ok) -> Response {
        req.page("Find a person", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.errorSummary(errors)
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    el("h1", .class("sg-heading-l")) { "Find a person" }
                    el("form", .postMethod, .action(.peopleSearch), Attr("novalidate", nil), Attr("role", "search")) {
                        Components.csrfField(req.csrfToken)
                        Components.textInput(
                            "q", label: "Name, NHS number or reference", value: form.q ?? "", errors: errors,
                            hint:
                                "For example Kayla Smith, 943 476 5919 or MASH-2026-000002. Misspellings are found too.",
                            autocomplete: "off", labelClass: "sg-label sg-label--s")
                        Components.dateInput(
                            "dob", legend: "Date of birth (optional)", day: form.dobDay ?? "",
                            month: form.dobMonth ?? "",
                            year: form.dobYear ?? "", errors: errors, hint: "For example, 27 3 2015")
                        Components.textInput(
                            "address", label: "Postcode or address (optional)", value: form.address ?? "",
                            errors: errors,
                            hint: "For example NM2 0RP, or 10 Wharf Road", autocomplete: "off",
                            labelClass: "sg-label sg-label--s")
                        el("div", .class("sg-button-group")) {
                            el("button", .type("submit"), .class("sg-button")) { "Search" }
                            if viewer.may(.createPerson) {
                                el("a", .href(.personNew), .class("sg-link")) { "Add a new person" }
                            }
                            if viewer.may(.mergePeople) {
                                el("a", .href(.duplicateHomes), .class("sg-link")) { "Duplicate addresses" }
                            }
                        }
                    }
                }
            }
            if let results { resultsSection(results, csrf: req.csrfToken) }
        }
    }

    private func resultsSection(_ results: Results, csrf: String) -> Node {
        let page = results.page
        return fragment {
            el("h2", .class("sg-heading-m"), .id("results")) {
                page.total == 0 ? "No people found" : Words.count(page.total, "person", "people") + " found"
            }
            if page.total == 0 {
                el("p", .class("sg-body")) {
                    "Check the spelling, try fewer words, or search by date of birth, postcode or address."
                }
            } else {
                el("p", .class("sg-body"), .id("results-count")) { page.summary + ", best match first" }
                Components.table(
                    caption: "Search results",
                    headers: ["Name", "Date of birth", "Child or adult", "Postcode", "Your agency", "Why it matched"],
                    rows: results.rows.map(cells), captionVisible: false)
                pager(page, csrf: csrf)
            }
        }
    }

    private func cells(_ r: Row) -> [Node] {
        [
            el("a", .href(.person(r.id)), .class("sg-link")) { r.name },
            .text(r.dateOfBirth),
            fragment {
                Components.categoryTag(r.category)
                for kind in r.alerts {
                    " "
                    Components.tag(kind.displayName, colour: "red")
                }
            },
            .text(r.postcode),
            r.involved
                ? Components.tag("Involved", colour: "green")
                : r.mayOpen
                    ? Components.tag("Not involved", colour: "grey")
                    : Components.tag("Not involved: break glass to open", colour: "orange"),
            r.reasons.isEmpty
                ? .text("") : el("ul", .class("sg-list sg-body-s")) { for reason in r.reasons { el("li") { reason } } },
        ]
    }

    /// Previous and next post the same search again, so the names stay out of the web address.
    private func pager(_ page: ResultPage, csrf: String) -> Node {
        guard page.hasPrevious || page.hasNext else { return .empty }
        return el("form", .postMethod, .action(.peopleSearch), .class("sg-pagination")) {
            Components.csrfField(csrf)
            for (name, value) in [
                ("q", form.q), ("dob-day", form.dobDay), ("dob-month", form.dobMonth), ("dob-year", form.dobYear),
                ("address", form.address),
            ] {
                void("input", attrs: [.type("hidden"), .name(name), .value(value ?? "")])
            }
            el("div", .class("sg-button-group")) {
                if page.hasPrevious {
                    el(
                        "button", .type("submit"), .name("page"), .value(String(page.number - 1)),
                        .class("sg-button sg-button--secondary")
                    ) { "Previous page" }
                }
                if page.hasNext {
                    el(
                        "button", .type("submit"), .name("page"), .value(String(page.number + 1)),
                        .class("sg-button sg-button--secondary")
                    ) { "Next page" }
                }
            }
        }
    }
}
