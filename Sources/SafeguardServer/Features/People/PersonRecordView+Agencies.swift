import Foundation
import SafeguardCore

extension PersonRecordView {
    var agencies: Node {
        card("Agencies involved", actions: []) {
            if record.involvements.isEmpty {
                el("p", .class("sg-body")) { "No agency has recorded involvement." }
            } else {
                el("ul", .class("sg-list")) {
                    for i in record.involvements {
                        el("li") { "\(i.agency) (\(i.kind)), since \(SimpleDate(iso: i.since)?.longText ?? i.since)" }
                    }
                }
            }
            if record.mayRecordInvolvement {
                el("form", .postMethod, .action(.personInvolvements(record.id))) {
                    Components.csrfField(csrf)
                    Components.button("Record that my agency is working with \(record.firstName)", kind: "secondary")
                }
            }
            if record.mayAskForInvolvement && record.involvementRequestWaiting {
                el("p", .class("sg-body"), .id("involvement-waiting")) {
                    "Your agency's request to be recorded as working with \(record.firstName) is waiting for a manager."
                }
            } else if record.mayAskForInvolvement {
                el("p", .class("sg-body")) {
                    el("a", .href(.personInvolvementRequest(record.id)), .class("sg-link")) {
                        "Ask a manager to record that my agency is working with \(record.firstName)"
                    }
                }
            }
        }
    }

    var protection: Node {
        card(
            "Child protection",
            actions: record.mayRecordProtection ? [("Start a plan or status", .personProtectionNew(record.id))] : []
        ) {
            if record.protections.isEmpty {
                el("p", .class("sg-body")) { "No child protection plan or looked-after status recorded." }
            } else {
                if record.mayViewProtectionDetails {
                    Components.table(
                        caption: "Plans and status", headers: ["", "Started", "Status"],
                        rows: record.protections.map { p in
                            [
                                el("a", .href(.protection(p.id)), .class("sg-link")) { p.kind.displayName },
                                .text(p.started),
                                p.active ? Components.tag("Active", colour: "red") : .text("Ended \(p.ended ?? "")"),
                            ]
                        }, captionVisible: false)
                } else {
                    // Status and contact, nothing more: the plan's details stay with social care and police public protection.
                    // A list, not a table: the contact is what an agency needs, and must not scroll out of sight on a phone.
                    el("ul", .class("sg-list")) {
                        for p in record.protections {
                            el("li") {
                                el("strong") { p.kind.displayName }
                                p.active
                                    ? ", started \(p.started) (active). "
                                    : ", \(p.started) to \(p.ended ?? "not known"). "
                                "Contact: \(p.contact)"
                            }
                        }
                    }
                    el("p", .class("sg-body"), .id("protection-contact")) {
                        "The plan's details are shared with children's social care and police public protection. If you need to know more, contact the social worker."
                    }
                }
            }
        }
    }

    var mergedRecords: Node {
        card("Merged records", actions: []) {
            Components.table(
                caption: "Duplicate records merged into this one", headers: ["Record", "Merged", "Reason", ""],
                rows: record.merges.map { m in
                    [
                        .text(m.name), .text("\(SiteFormat.dateTime(m.when)) by \(m.by)"), .text(m.reason),
                        record.mayMerge
                            ? el("a", .href(.personMergeUndo(m.id)), .class("sg-link")) {
                                "Undo"
                                el("span", .class("sg-visually-hidden")) { " the merge of \(m.name)" }
                            } : .text(""),
                    ]
                }, captionVisible: false)
        }
    }

    var chronology: Node {
        card("Chronology", actions: [("Filter, print or download", .personChronology(record.id))]) {
            if record.hiddenEntries > 0 { ChronologyList.hiddenNote(record.hiddenEntries) }
            if record.chronology.isEmpty {
                el("p", .class("sg-body")) { "Nothing recorded yet." }
            } else {
                ChronologyList(events: record.chronology).node
                if record.chronologyCount > record.chronology.count {
                    el("p", .class("sg-body")) {
                        el("a", .href(.personChronology(record.id)), .class("sg-link")) {
                            "See all \(record.chronologyCount) entries"
                        }
                    }
                }
            }
        }
    }

    /// A summary card: a titled box with optional action links.
    func card(_ title: String, actions: [(String, SiteURL)], @NodeBuilder _ content: () -> [Node]) -> Node {
        el("section", .class("sg-summary-card"), .aria("labelledby", Self.slug(title))) {
            el("div", .class("sg-summary-card__title-wrapper")) {
                el("h2", .class("sg-summary-card__title"), .id(Self.slug(title))) { title }
                if !actions.isEmpty {
                    el("ul", .class("sg-summary-card__actions")) {
                        for (label, url) in actions {
                            el("li", .class("sg-summary-card__action")) {
                                el("a", .href(url), .class("sg-link")) { label }
                            }
                        }
                    }
                }
            }
            el("div", .class("sg-summary-card__content")) { .fragment(content()) }
        }
    }

    static func slug(_ s: String) -> String {
        s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
    }
}
