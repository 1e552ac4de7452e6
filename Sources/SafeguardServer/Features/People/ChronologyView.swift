import SafeguardCore
import Vapor

/// "Chronology": every entry the viewer may read, filtered by kind and agency, to print or download.
struct ChronologyView {
    var personID: UUID
    var personName: String
    var chronology: PersonChronology
    var filter: ChronologyRules.Filter
    var mayDownload: Bool
    /// The filter as the web address has it, for the download link.
    var query: String

    func render(on req: Request) -> Response {
        let shown = chronology.filtered(filter)
        return req.page("Chronology: \(personName)", section: .people) {
            Components.backLink(.person(personID), "Back to \(personName)")
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { personName }
                "Chronology"
            }
            el("p", .class("sg-body")) {
                "In the order things happened, newest first. An entry typed a day or more after it happened says when it was recorded."
            }
            if chronology.hidden > 0 { ChronologyList.hiddenNote(chronology.hidden) }
            filters
            el("p", .class("sg-body"), .id("chronology-count")) {
                filter.isEmpty
                    ? "\(Words.count(shown.count, "entry", "entries"))"
                    : "Showing \(shown.count) of \(Words.count(chronology.events.count, "entry", "entries"))"
            }
            el("div", .class("sg-button-group sg-no-print")) {
                el("button", .type("button"), .class("sg-button sg-button--secondary"), Attr("data-action", "print")) {
                    "Print this chronology"
                }
                if mayDownload {
                    el(
                        "a",
                        Attr("href", SiteURL.personChronologyCSV(personID).path + (query.isEmpty ? "" : "?" + query)),
                        .class("sg-link")
                    ) {
                        "Download as CSV"
                    }
                }
            }
            if shown.isEmpty {
                el("p", .class("sg-body")) {
                    chronology.events.isEmpty ? "Nothing recorded yet." : "No entries match these filters."
                }
            } else {
                ChronologyList(events: shown).node
            }
        }
    }

    private var filters: Node {
        el("form", .getMethod, .action(.personChronology(personID)), .class("sg-no-print")) {
            el("details", attrs: [.class("sg-details")] + (filter.isEmpty ? [] : [.flag("open")])) {
                el("summary", .class("sg-details__summary")) {
                    el("span", .class("sg-details__summary-text")) { "Filter by kind or agency" }
                }
                el("div", .class("sg-details__text")) {
                    Components.checkboxes(
                        "kind", legend: "Kinds of entry", options: chronology.categories.map { ($0, $0) },
                        selected: filter.categories, errors: FormErrors())
                    Components.checkboxes(
                        "agency", legend: "Agencies", options: chronology.agencies.map { ($0, $0) },
                        selected: filter.agencies, errors: FormErrors())
                    el("div", .class("sg-button-group")) {
                        el("button", .type("submit"), .class("sg-button sg-button--secondary")) { "Apply filters" }
                        el("a", .href(.personChronology(personID)), .class("sg-link")) { "Clear filters" }
                    }
                }
            }
        }
    }
}
