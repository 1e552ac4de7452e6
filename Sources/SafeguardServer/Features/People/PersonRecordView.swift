import SafeguardCore
import Vapor

/// The person page: who they are, who is around them, where they have lived, which agencies
/// know them, and the multi-agency chronology.
struct PersonRecordView {
    enum Flash: String {
        case created, updated, involvement, address, relationship, othername, merged, unmerged, redirected, panel
        case involvementAsked = "involvement-asked"
        case addressShared = "address-shared"
        case manCheck = "man-check"
        case seriousIncident = "serious-incident"
        case sarReferral = "sar-referral"
    }

    var record: PersonRecord
    var flash: Flash?
    var csrf: String

    func render(on req: Request) -> Response {
        let r = record
        return req.page(r.fullName, section: .people) {
            if let flash { Components.notification(message(flash)) }
            el("span", .class("sg-caption-l")) {
                Components.categoryTag(r.category)
                // The alert beside the name: an open plan or looked-after status is the first thing anyone needs to know.
                for p in r.protections where p.active {
                    " "
                    Components.tag(p.kind.displayName, colour: "red")
                }
            }
            el("h1", .class("sg-heading-xl")) { r.fullName }
            if r.relationship == .glassBroken {
                el("div", .class("sg-warning-text")) {
                    el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                    el("strong", .class("sg-warning-text__text")) {
                        el("span", .class("sg-visually-hidden")) { "Warning" }
                        "You opened this record by breaking the glass. Your reason was recorded and will be reviewed by the partnership."
                    }
                }
            }
            details
            if r.category != .adult && (!r.protections.isEmpty || r.mayRecordProtection) { protection }
            if !r.assessments.lines.isEmpty || r.assessments.mayRecord { assessments }
            if !r.exploitation.isEmpty || r.exploitation.mayRecordAnything { exploitation }
            if r.category != .adult { menInLife }
            household
            addresses
            agencies
            chronology
            if !r.merges.isEmpty { mergedRecords }
            if r.mayMerge {
                el("p", .class("sg-body")) {
                    el("a", .href(.personMerge(r.id)), .class("sg-link")) { "Merge with a duplicate record" }
                }
            }
            if r.mayReferForSAR {
                el("p", .class("sg-body")) {
                    el("a", .href(.personSARReferral(r.id)), .class("sg-link")) {
                        "Refer for a Safeguarding Adults Review"
                    }
                    " if \(r.firstName) has died or been seriously harmed and abuse or neglect is known or suspected"
                }
            }
            if r.mayRaiseSeriousIncident {
                el("p", .class("sg-body")) {
                    el("a", .href(.personSeriousIncidentNew(r.id)), .class("sg-link")) {
                        "Raise a serious incident notification"
                    }
                    " if \(r.firstName) has died or been seriously harmed and abuse or neglect is known or suspected"
                }
            }
            if r.mayViewAccessLog {
                el("p", .class("sg-body")) {
                    el("a", .href(.personAccessLog(r.id)), .class("sg-link")) { "See who has looked at this record" }
                }
            }
        }
    }

    private func message(_ f: Flash) -> String {
        switch f {
        case .created: "Record created for \(record.fullName)"
        case .updated: "Details updated"
        case .involvement: "Your agency's involvement has been recorded"
        case .involvementAsked:
            "Your request has gone to a manager. You will get a message when it is decided; until then the record stays read-only for you"
        case .address: "Address added"
        case .manCheck: "Check recorded"
        case .addressShared:
            "Address added: it is a home already recorded, so everyone living there shows in one household"
        case .relationship: "Relationship added"
        case .othername: "Other name added"
        case .merged: "Records merged. The merge can be undone below, under Merged records."
        case .unmerged: "Merge undone: this record is separate again"
        case .redirected: "The record you opened was merged into this one"
        case .panel: "Referred to the exploitation panel: it will be screened at the next meeting"
        case .sarReferral:
            "The referral has gone to the Safeguarding Adults Review panel, which will test it against section 44 of the Care Act."
        case .seriousIncident:
            "The serious incident notification has gone to the partnership's business unit. It will complete it and tell the national panel."
        }
    }

    private var details: Node {
        let r = record
        var rows: [(String, Node)] = []
        if let dob = r.dateOfBirth { rows.append(("Date of birth", .text("\(dob.longText) (age \(r.age ?? 0))"))) }
        if let due = r.expectedDateOfBirth { rows.append(("Expected date of birth", .text(due.longText))) }
        rows.append(
            (
                "Other names",
                r.otherNames.isEmpty
                    ? .text("None recorded")
                    : el("ul", .class("sg-list")) {
                        for o in r.otherNames { el("li") { "\(o.name) (\(o.kind))" } }
                    }
            ))
        rows.append(("Gender", .text(r.gender.displayName)))
        rows.append(("Ethnicity", .text(r.ethnicity)))
        rows.append(("NHS number", .text(r.nhsNumber ?? "Not known")))
        rows.append(("Language", .text(r.language)))
        rows.append(("Disability", .text(r.disability ?? "None recorded")))
        return card(
            "Personal details",
            actions: r.mayEdit ? [("Change", .personEdit(r.id)), ("Add another name", .personOtherNames(r.id))] : []
        ) {
            Components.summaryList(rows)
        }
    }

    private var menInLife: Node {
        let men = record.maleCarers
        return card("Men in \(record.firstName)'s life", actions: []) {
            if men.isEmpty {
                el("div", .class("sg-inset-text")) {
                    "No father, step-father, mother's partner or other male carer is recorded. Reviews often find such men were unseen by agencies: ask who else cares for \(record.firstName) or lives in or visits the home."
                }
            } else {
                Components.table(
                    caption: "Whether each man has been seen, assessed and checked with the police",
                    headers: ["Man", "Seen", "Assessed", "Checked with police"] + (record.mayEdit ? [""] : []),
                    rows: men.map { m in
                        let checks = record.maleCarerChecks[m.id] ?? [:]
                        return [
                            fragment {
                                el("a", .href(.person(m.id)), .class("sg-link")) { m.name }
                                " – \(m.description.lowercased())"
                            }
                        ]
                            + MaleCarerCheck.allCases.map { kind in
                                checks[kind].map { Node.text($0) } ?? Components.tag("Not recorded", colour: "red")
                            }
                            + (record.mayEdit
                                ? [
                                    el("a", .href(.personMaleCarer(record.id, m.id)), .class("sg-link")) {
                                        "Record a check"
                                        el("span", .class("sg-visually-hidden")) { " on \(m.name)" }
                                    }
                                ] : [])
                    }, captionVisible: false)
            }
        }
    }

    private var household: Node {
        card(
            "Family and household",
            actions: record.mayEdit ? [("Add a relationship", .personRelationships(record.id))] : []
        ) {
            if !record.household.isEmpty {
                el("h3", .class("sg-heading-s")) { "Living at the same address" }
                el("ul", .class("sg-list"), .id("household")) {
                    for h in record.household {
                        el("li") {
                            el("a", .href(.person(h.id)), .class("sg-link")) { h.name }
                            " "
                            Components.categoryTag(h.category)
                        }
                    }
                }
            }
            if !record.household.isEmpty { el("h3", .class("sg-heading-s")) { "Relationships" } }
            if record.relatives.isEmpty {
                el("p", .class("sg-body")) { "No relationships recorded." }
            } else {
                el("table", .class("sg-table")) {
                    el("caption", .class("sg-visually-hidden")) { "People related to \(record.fullName)" }
                    el("thead", .class("sg-table__head")) {
                        el("tr", .class("sg-table__row")) {
                            for h in ["Name", "Relationship"] {
                                el("th", .class("sg-table__header"), Attr("scope", "col")) { h }
                            }
                            el("th", .class("sg-table__header"), Attr("scope", "col")) {
                                el("span", .class("sg-visually-hidden")) { "Child or adult" }
                            }
                        }
                    }
                    el("tbody") {
                        for rel in record.relatives {
                            el("tr", .class("sg-table__row")) {
                                el("td", .class("sg-table__cell")) {
                                    el("a", .href(.person(rel.id)), .class("sg-link")) { rel.name }
                                }
                                el("td", .class("sg-table__cell")) { rel.description }
                                el("td", .class("sg-table__cell")) { Components.categoryTag(rel.category) }
                            }
                        }
                    }
                }
            }
        }
    }

    private var addresses: Node {
        card("Addresses", actions: record.mayEdit ? [("Add an address", .personAddresses(record.id))] : []) {
            if record.residences.isEmpty {
                el("p", .class("sg-body")) { "No address recorded." }
            } else {
                el("table", .class("sg-table")) {
                    el("caption", .class("sg-visually-hidden")) { "Addresses, most recent first" }
                    el("thead", .class("sg-table__head")) {
                        el("tr", .class("sg-table__row")) {
                            for h in ["Address", "District", "From", "To"] {
                                el("th", .class("sg-table__header"), Attr("scope", "col")) { h }
                            }
                        }
                    }
                    el("tbody") {
                        for a in record.residences {
                            el("tr", .class("sg-table__row")) {
                                el("td", .class("sg-table__cell")) { a.address }
                                el("td", .class("sg-table__cell")) { a.district ?? "" }
                                el("td", .class("sg-table__cell")) { SimpleDate(iso: a.from)?.longText ?? a.from }
                                el("td", .class("sg-table__cell")) {
                                    if let to = a.to {
                                        SimpleDate(iso: to)?.longText ?? to
                                    } else {
                                        Components.tag("Current", colour: "green")
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
