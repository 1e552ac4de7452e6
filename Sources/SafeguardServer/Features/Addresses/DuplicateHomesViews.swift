import SafeguardCore
import Vapor

/// "Duplicate addresses": each set of recorded copies of one home, with a link to merge them.
struct DuplicateHomesView {
    var sets: [[HomeRow]]

    func render(on req: Request) -> Response {
        let merged = (try? req.query.get(String.self, at: "done")) == "merged"
        return req.page("Duplicate addresses", section: .people) {
            if merged {
                Components.notification("Addresses merged: everyone who lived at the copies now shows in one household")
            }
            el("h1", .class("sg-heading-l")) { "Duplicate addresses" }
            el("p", .class("sg-body")) {
                "The address matcher thinks each group below is one home recorded more than once. "
                "Until they are merged, a household is split and the police may be sent two markers for one door."
            }
            if sets.isEmpty {
                el("p", .class("sg-body")) { "No duplicate addresses were found." }
            }
            for (i, set) in sets.enumerated() {
                Components.table(
                    caption: "Group \(i + 1): \(set.first?.address ?? "")",
                    headers: ["Address as recorded", "UPRN", "Living there now", "Active markers"],
                    rows: set.map { HomeMergeView.cells($0) })
                el("p", .class("sg-body")) {
                    el("a", .href(.homeMerge(set[0].id)), .class("sg-link")) {
                        "Review and merge"
                        el("span", .class("sg-visually-hidden")) { " group \(i + 1)" }
                    }
                }
            }
        }
    }
}

/// Merging one set: which copy to keep, and how the user knows they are one home. Nothing is chosen for them.
struct HomeMergeView {
    var homes: [HomeRow]
    var form: DuplicateHomesController.MergeForm
    var errors: FormErrors

    static func cells(_ h: HomeRow) -> [Node] {
        [
            .text(h.address), .text(h.uprn.map(String.init) ?? "Not recorded"),
            .text(h.residents.isEmpty ? "Nobody" : h.residents.joined(separator: ", ")), .text(String(h.activeMarkers)),
        ]
    }

    func render(on req: Request, status: HTTPStatus = .ok) throws -> Response {
        req.page("Merge duplicate addresses", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.duplicateHomes, "Back to duplicate addresses")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Merge duplicate addresses" }
            if homes.count < 2 {
                el("p", .class("sg-body")) {
                    "These addresses are no longer duplicates of one another: they may have been merged already."
                }
            } else {
                Components.table(
                    caption: "The copies of this home",
                    headers: ["Address as recorded", "UPRN", "Living there now", "Active markers"],
                    rows: homes.map(Self.cells))
                el("div", .class("sg-warning-text")) {
                    el("strong", .class("sg-warning-text__text")) {
                        "Everyone living at the copies will be recorded at the address you keep, and its markers move with them. "
                        "The police will be sent one marker for the home. Check the copies really are one home before you merge."
                    }
                }
                el("form", .postMethod, .action(.homeMerge(homes[0].id)), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    Components.radios(
                        "keep", legend: "Which address do you want to keep?",
                        options: homes.map { ($0.id.uuidString, $0.address + ($0.uprn.map { " (UPRN \($0))" } ?? "")) },
                        selected: form.keep ?? "", errors: errors)
                    Components.textarea(
                        "reason", label: "How do you know these are one home?", value: form.reason ?? "",
                        errors: errors,
                        hint: "For example: the same UPRN on the council tax list; the same flat, spelt two ways",
                        rows: 3)
                    Components.button("Merge addresses", kind: "warning")
                }
            }
        }
    }
}
