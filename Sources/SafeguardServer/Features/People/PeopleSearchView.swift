import Vapor
import SafeguardCore

/// The people search page and its results.
struct PeopleSearchView {
    struct Row: Sendable {
        var id: UUID; var name: String; var dateOfBirth: String; var category: PersonCategory
        var postcode: String; var involved: Bool; var mayOpen: Bool
        /// Open child protection plans and looked-after status: flagged in the results, as CP-IS flags them.
        var alerts: [ProtectionKind] = []
    }

    var search: PersonSearch
    var errors: FormErrors
    var results: [Row]?

    func render(on req: Request, viewer: Viewer, status: HTTPStatus = .ok) -> Response {
        req.page("Find a person", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.errorSummary(errors)
            el("div", .class("sg-grid-row")) {
                el("div", .class("sg-grid-column-two-thirds")) {
                    el("h1", .class("sg-heading-l")) { "Find a person" }
                    el("form", .getMethod, .action(.people), Attr("novalidate", nil)) {
                        Components.textInput("q", label: "Name or NHS number", value: search.text, errors: errors,
                                             hint: "For example Kayla Smith, or 943 476 5919", labelClass: "sg-label sg-label--s")
                        Components.textInput("dob", label: "Date of birth (optional)", value: search.dateOfBirth, errors: errors,
                                             hint: "For example 2015-03-27", width: "10", labelClass: "sg-label sg-label--s")
                        Components.textInput("postcode", label: "Postcode (optional)", value: search.postcode, errors: errors,
                                             width: "10", autocomplete: "off", labelClass: "sg-label sg-label--s")
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
            if let results { resultsTable(results) }
        }
    }

    private func resultsTable(_ rows: [Row]) -> Node {
        fragment {
            el("h2", .class("sg-heading-m"), .id("results")) {
                rows.isEmpty ? "No people found" : rows.count == 1 ? "1 person found" : "\(rows.count) people found"
            }
            if rows.isEmpty {
                el("p", .class("sg-body")) { "Check the spelling, try fewer words, or search by date of birth or postcode." }
            } else {
                el("div", .class("sg-table-wrapper")) {
                    el("table", .class("sg-table")) {
                        el("caption", .class("sg-visually-hidden")) { "Search results" }
                        el("thead", .class("sg-table__head")) {
                            el("tr", .class("sg-table__row")) {
                                for h in ["Name", "Date of birth", "Child or adult", "Postcode", "Your agency"] {
                                    el("th", .class("sg-table__header"), Attr("scope", "col")) { h }
                                }
                            }
                        }
                        el("tbody") {
                            for r in rows {
                                el("tr", .class("sg-table__row")) {
                                    el("td", .class("sg-table__cell")) { el("a", .href(.person(r.id)), .class("sg-link")) { r.name } }
                                    el("td", .class("sg-table__cell")) { r.dateOfBirth }
                                    el("td", .class("sg-table__cell")) {
                                        Components.categoryTag(r.category)
                                        for kind in r.alerts { " "; Components.tag(kind.displayName, colour: "red") }
                                    }
                                    el("td", .class("sg-table__cell")) { r.postcode }
                                    el("td", .class("sg-table__cell")) {
                                        if r.involved { Components.tag("Involved", colour: "green") }
                                        else if r.mayOpen { Components.tag("Not involved", colour: "grey") }
                                        else { Components.tag("Not involved: break glass to open", colour: "orange") }
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
