import Foundation
import SafeguardCore
import Vapor

/// The trainer's overview: courses, and events from the last 30 days on with their bookings (and it says so).
struct TrainingManageView {
    struct CourseRow: Sendable {
        var id: UUID
        var title: String
        var level: TrainingLevel
        var withdrawn: Bool
    }

    var courses: [CourseRow]
    var events: [TrainingPages.EventRow]
    /// Events whose register is still to be taken.
    var registersDue: [TrainingPages.EventRow]

    func render(on req: Request) -> Response {
        req.page("Manage training", section: .trainingManage) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Manage training" }
            if !registersDue.isEmpty {
                el("div", .class("sg-inset-text"), .id("registers-due")) {
                    el("h2", .class("sg-heading-s")) { "Registers to take" }
                    el("ul", .class("sg-list")) {
                        for e in registersDue {
                            el("li") {
                                el("a", .href(.trainingEventRegister(e.id)), .class("sg-link")) {
                                    "\(e.courseTitle), \(e.when)"
                                }
                            }
                        }
                    }
                }
            }
            el("a", .href(.trainingCourseNew), .class("sg-button"), Attr("role", "button")) { "Add a course" }
            Components.table(
                caption: "Courses", headers: ["Course", "Level", "Status"],
                rows: courses.map { c in
                    [
                        el("a", .href(.trainingCourse(c.id)), .class("sg-link")) { c.title },
                        .text(c.level.displayName),
                        c.withdrawn
                            ? Components.tag("Withdrawn", colour: "grey") : Components.tag("Running", colour: "green"),
                    ]
                })
            el("p", .class("sg-body"), .id("events-shown")) {
                "Events from the last 30 days and every event to come. Older events are counted in the "
                el("a", .href(.trainingReports), .class("sg-link")) { "training reports" }
                "."
            }
            Components.table(
                caption: "Events", headers: ["Date", "Course", "How", "Booked", "Waiting", ""],
                rows: events.map { e in
                    let title: Node = .fragment([
                        el("a", .href(.trainingEvent(e.id)), .class("sg-link")) { e.courseTitle },
                        e.calledOff ? .fragment([.text(" "), Components.tag("Cancelled", colour: "grey")]) : .empty,
                    ])
                    return [
                        .text(SimpleDate(iso: e.date)?.longText ?? e.date), title,
                        .text(e.delivery.displayName),
                        .text(e.capacity.map { "\(e.taken) of \($0)" } ?? String(e.taken)), .text(String(e.waiting)),
                        el("a", .href(.trainingEventRegister(e.id)), .class("sg-link")) {
                            e.capacity == nil ? "Completions" : "Register"
                            el("span", .class("sg-visually-hidden")) { " for \(e.courseTitle) on \(e.date)" }
                        },
                    ]
                })
        }
    }
}

/// Adding a course: title, description, level, audience, learning outcomes.
struct CourseFormView {
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Add a course", section: .trainingManage, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.trainingManage, "Back to manage training")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Add a course" }
            el("form", .postMethod, .action(.trainingCourses), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Self.fields(fields, errors: errors)
                Components.button("Save course")
            }
        }
    }

    /// The course's fields, shared by the add and edit forms.
    @NodeBuilder
    static func fields(_ f: [String: String], errors: FormErrors) -> [Node] {
        Components.textInput("title", label: "Title", value: f["title"] ?? "", errors: errors)
        Components.radios(
            "level", legend: "Level", options: TrainingLevel.allCases.map { ($0.rawValue, $0.displayName) },
            selected: f["level"] ?? "", errors: errors)
        Components.textarea("description", label: "Description", value: f["description"] ?? "", errors: errors, rows: 4)
        Components.textInput(
            "audience", label: "Who it is for", value: f["audience"] ?? "", errors: errors,
            hint: "For example, practitioners who attend child protection conferences")
        Components.textarea(
            "outcomes", label: "Learning outcomes", value: f["outcomes"] ?? "", errors: errors,
            hint: "One per line. They are shown on the event page and printed on the certificate.", rows: 5)
    }
}

/// Adding an event to a course, or changing one (`editing`): how it is delivered and its places
/// are fixed once it exists (places change on the register page, which moves the waiting list up).
struct EventFormView {
    var courseID: UUID
    var courseTitle: String
    var fields: [String: String]
    var errors: FormErrors
    /// The event as saved, when changing one.
    var editing: TrainingEvent? = nil
    /// A colleague changed the event after this form was opened: where their details and the form's differ.
    var meanwhile: [EditDifference]? = nil

    private var title: String { editing == nil ? "Add an event" : "Change the event's details" }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(title, section: .trainingManage, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = courseID
        let delivery = editing.map(\.delivery)
        return fragment {
            Components.backLink(
                editing.map { .trainingEventRegister($0.id) } ?? .trainingCourse(id),
                editing == nil ? "Back to the course" : "Back to the event")
            Components.errorSummary(errors)
            if let meanwhile { Components.changedMeanwhile(meanwhile, saved: "this event") }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { courseTitle }
                title
            }
            if editing != nil {
                el("p", .class("sg-body")) {
                    "Everyone booked or on the waiting list is told if the date, times, venue or link change."
                }
            }
            el(
                "form", .postMethod, .action(editing.map { .trainingEvent($0.id) } ?? .trainingCourseEvents(id)),
                Attr("novalidate", nil)
            ) {
                Components.csrfField(csrf)
                if editing != nil { Components.openedAsField(fields["opened-as"]) }
                if let delivery {
                    Components.summaryList([("How", .text(delivery.displayName))])
                } else {
                    Components.radios(
                        "delivery", legend: "How is it delivered?",
                        options: TrainingDelivery.allCases.map { ($0.rawValue, $0.displayName) },
                        selected: fields["delivery"] ?? "", errors: errors)
                }
                Components.dateInput(
                    "date", legend: "Date", day: fields["date-day"] ?? "", month: fields["date-month"] ?? "",
                    year: fields["date-year"] ?? "", errors: errors,
                    hint: "For e-learning, the day it opens. For example, 27 3 2026")
                if delivery?.isScheduled ?? true {
                    Components.textInput(
                        "start", label: "Start time", value: fields["start"] ?? "", errors: errors,
                        hint: "Face to face and virtual only. 24-hour clock, like 09:30", width: "5")
                    Components.textInput(
                        "end", label: "Finish time", value: fields["end"] ?? "", errors: errors, hint: "Like 12:30",
                        width: "5")
                }
                if delivery == nil || delivery == .faceToFace {
                    Components.textInput(
                        "venue", label: "Venue", value: fields["venue"] ?? "", errors: errors, hint: "Face to face only"
                    )
                }
                if editing == nil {
                    Components.textInput(
                        "capacity", label: "Number of places", value: fields["capacity"] ?? "", errors: errors,
                        hint: "Face to face and virtual only. When they are taken, people join the waiting list.",
                        width: "3")
                }
                if delivery != .faceToFace {
                    Components.textInput(
                        "link", label: "Link", value: fields["link"] ?? "", errors: errors,
                        hint:
                            "Virtual: the joining link, shown only to people with a place. E-learning: the module's address."
                    )
                }
                if delivery == nil || delivery == .eLearning {
                    Components.textInput(
                        "minutes", label: "How long the e-learning takes, in minutes", value: fields["minutes"] ?? "",
                        errors: errors,
                        hint: "E-learning only; it goes into training logs", width: "3")
                }
                Components.textInput(
                    "trainer", label: "Trainer (optional)", value: fields["trainer"] ?? "", errors: errors)
                Components.button(editing == nil ? "Save event" : "Save changes")
            }
        }
    }
}
