import Foundation
import SafeguardCore
import Vapor

/// "Start a child protection plan or looked-after status" for one child.
struct ProtectionFormView {
    /// A social worker who may be allocated: their id, and "Aisha Okoro, Northmere Children's Services".
    struct Worker: Sendable {
        var id: UUID
        var label: String
    }

    var person: PersonHeading
    var fields: [String: String]
    var categories: [String]
    var workers: [Worker]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Start a plan or status", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = person.id
        func date(_ prefix: String, _ legend: String, hint: String? = nil) -> Node {
            Components.dateInput(
                prefix, legend: legend, day: fields[prefix + "-day"] ?? "", month: fields[prefix + "-month"] ?? "",
                year: fields[prefix + "-year"] ?? "", errors: errors, hint: hint)
        }
        return fragment {
            Components.backLink(.person(id), "Back to \(person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                "Start a plan or status"
            }
            el("p", .class("sg-body")) {
                "Starting it puts a Place of Interest marker on \(person.firstName)'s home and the home of every carer recorded, "
                "so officers attending are told there are safeguarding concerns there. They are not told the plan's details."
            }
            el("form", .postMethod, .action(.personProtection(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "kind", legend: "What is it?",
                    options: ProtectionKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: fields["kind"] ?? "", errors: errors)
                Components.checkboxes(
                    "categories", legend: "Category (plans only)",
                    options: ProtectionCategory.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: Set(categories), errors: errors, hint: "Select all that the conference chose")
                date("start", "Start date")
                Components.select(
                    "social-worker", label: "Allocated social worker",
                    options: [("", "Select a social worker")] + workers.map { ($0.id.uuidString, $0.label) },
                    selected: fields["social-worker"] ?? "", errors: errors)
                date(
                    "strategy", "Strategy discussion that started the section 47 enquiry (if known)",
                    hint: "Leave empty if not known")
                date("conference", "Initial child protection conference (plans only)")
                date("review", "Last review conference (if any)", hint: "Leave empty before the first review")
                Components.button("Start and mark addresses")
            }
        }
    }
}

/// One protection record: the status, its clocks, and its markers with their history.
struct ProtectionView {
    /// The record as the page shows it; dates stay dates, as the page works out the clocks from them.
    struct Record: Sendable {
        var id: UUID
        var kind: ProtectionKind
        /// Started and not ended on the day the page is shown.
        var isActive: Bool
        /// "1 March 2026", or the date as stored when it is not one.
        var started: String
        var end: SimpleDate?
        var endReason: String?
        var categories: [ProtectionCategory]
        /// The allocated social worker's name, team, agency and email.
        var socialWorker: String
        var strategyDiscussion: SimpleDate?
        var initialConference: SimpleDate?
        var lastReview: SimpleDate?
    }

    /// A Place of Interest marker on one address.
    struct Marker: Sendable {
        var id: UUID
        var address: String
        /// Why this address: "Kayla's home".
        var reason: String
        var started: String
        /// When it ended, with the reason in brackets; nil while it is active.
        var ended: String?
    }

    var record: Record
    var person: PersonHeading
    var markers: [Marker]
    var today: SimpleDate
    var calendar: WorkingCalendar
    var mayChange: Bool
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(record.kind.displayName, section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    private var rows: [(String, Node)] {
        let r = record
        let kind = r.kind
        var rows: [(String, Node)] = [
            (
                "Status",
                r.isActive
                    ? Components.tag("Active", colour: "red")
                    : Components.tag(r.end == nil ? "Not started" : "Ended", colour: "grey")
            ),
            ("Started", .text(r.started)),
        ]
        if let end = r.end { rows.append(("Ended", .text("\(end.longText): \(r.endReason ?? "")"))) }
        if kind.isPlan { rows.append(("Category", .text(r.categories.map(\.displayName).joined(separator: ", ")))) }
        rows.append(("Allocated social worker", .text(r.socialWorker)))
        if let s = r.strategyDiscussion {
            let due = try? ChildProtectionClocks.initialConferenceDue(strategyDiscussion: s, calendar: calendar)
            rows.append(
                (
                    "Strategy discussion",
                    .text(s.longText + (due.map { ": conference due by \($0.longText) (15 working days)" } ?? ""))
                ))
        }
        if kind.isPlan, let conference = r.initialConference {
            rows.append(("Initial conference", .text(conference.longText)))
            let last = r.lastReview
            if let last { rows.append(("Last review", .text(last.longText))) }
            if r.end == nil {
                let due = ChildProtectionClocks.nextReviewDue(initialConference: conference, lastReview: last)
                rows.append(
                    (
                        "Next review due",
                        fragment {
                            due.longText
                            if due < today {
                                " "
                                Components.tag("Overdue", colour: "red")
                            }
                        }
                    ))
            }
        }
        return rows
    }

    func body(csrf: String) -> Node {
        let r = record
        let id = record.id
        let kind = r.kind
        return fragment {
            Components.backLink(.person(person.id), "Back to \(person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                kind.displayName
            }
            Components.summaryList(rows)
            el("h2", .class("sg-heading-m")) { "Place of Interest markers" }
            el("p", .class("sg-body")) {
                "Police officers attending a marked address are told there are safeguarding concerns there and whom to contact: nothing more."
            }
            Components.table(
                caption: "Addresses marked", headers: ["Address", "Why", "From", "To", ""],
                rows: markers.map { m in
                    [
                        .text(m.address), .text(m.reason), .text(m.started),
                        m.ended.map { .text($0) } ?? Components.tag("Active", colour: "red"),
                        mayChange && m.ended == nil && r.end == nil
                            ? el("a", .href(.protectionMarkerEnd(id, m.id)), .class("sg-link")) {
                                "Stop marking"
                                el("span", .class("sg-visually-hidden")) { " \(m.address)" }
                            }
                            : .text(""),
                    ]
                }, captionVisible: false)
            if mayChange && r.end == nil {
                el("form", .postMethod, .action(.protectionMarkers(id))) {
                    Components.csrfField(csrf)
                    Components.button("Review addresses", kind: "secondary")
                }
                el("h2", .class("sg-heading-m")) { "End it" }
                el("p", .class("sg-body")) {
                    el("a", .href(.protectionEnd(id)), .class("sg-link")) {
                        "End the \(kind.recordName) and its markers"
                    }
                }
            }
        }
    }
}
