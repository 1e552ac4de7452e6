import SafeguardCore
import Vapor

/// One event as a practitioner sees it: the course, when and where, places left, and what they can
/// do now: book, join the waiting list, cancel, record e-learning, evaluate, print the certificate.
struct TrainingEventView {
    /// The event as stored, as the page shows it; its dates, places and bookings are the rules' ``places``.
    struct Event: Sendable {
        var id: UUID
        var when: String
        var trainerName: String
        /// "3 March 2026", once the partnership called the event off.
        var calledOffOn: String?
        var calledOffReason: String
    }

    var viewerID: UUID
    /// Trainers get links to the register and the course.
    var mayManage: Bool
    var course: TrainingCourse
    var event: Event
    var places: TrainingEventPlaces
    var materials: [TrainingPages.Material]
    var now: Date
    var banner: TrainingFlash?
    var errors: FormErrors
    var fields: [String: String]

    private var mine: TrainingBooking? { places.booking(for: viewerID) }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(course.title, section: .training, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.training, "Back to training")
            Components.errorSummary(errors)
            if let banner { Components.notification(banner.message) }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { course.level.displayName }
                course.title
            }
            if !course.description.isEmpty { el("p", .class("sg-body")) { course.description } }
            Components.summaryList(details)
            if !course.learningOutcomes.isEmpty {
                el("h2", .class("sg-heading-m")) { "You will learn to" }
                el("ul", .class("sg-list sg-list--bullet")) { for o in course.learningOutcomes { el("li") { o } } }
            }
            el("h2", .class("sg-heading-m"), .id("booking")) { "Your place" }
            yourPlace(csrf)
            if mayManage {
                el("h2", .class("sg-heading-m")) { "For trainers" }
                el("ul", .class("sg-list")) {
                    el("li") {
                        el("a", .href(.trainingEventRegister(event.id)), .class("sg-link")) {
                            places.event.delivery.isScheduled ? "Bookings and register" : "Enrolments and completions"
                        }
                    }
                    el("li") { el("a", .href(.trainingCourse(course.id)), .class("sg-link")) { "Manage the course" } }
                }
            }
        }
    }

    private var details: [(String, Node)] {
        let scheduled = places.event
        var rows: [(String, Node)] = [
            ("How", .text(scheduled.delivery.displayName)),
            ("When", .text(event.when)),
        ]
        if scheduled.delivery == .faceToFace { rows.append(("Where", .text(scheduled.venue ?? ""))) }
        if !course.audience.isEmpty { rows.append(("Who it is for", .text(course.audience))) }
        if !event.trainerName.isEmpty { rows.append(("Trainer", .text(event.trainerName))) }
        if let capacity = scheduled.capacity {
            let free = places.freePlaces ?? 0
            let waiting = places.waitingList.count
            rows.append(
                (
                    "Places",
                    free > 0
                        ? .text("\(free) of \(capacity) left")
                        : .fragment([
                            Components.tag("Full", colour: "orange"), .text(" \(waiting) on the waiting list"),
                        ])
                ))
        }
        return rows
    }

    @NodeBuilder
    private func yourPlace(_ csrf: String) -> [Node] {
        let id = event.id
        let scheduled = places.event
        let started = places.hasStarted(at: now)
        if let on = event.calledOffOn {
            el("div", .class("sg-inset-text"), .id("booking-status")) {
                "This event was cancelled on \(on). \(event.calledOffReason)"
            }
        } else if let mine {
            el("p", .class("sg-body"), .id("booking-status")) {
                TrainingTags.status(mine.status)
                if let position = places.waitingListPosition(of: viewerID) {
                    " You are number \(position) on the waiting list."
                }
            }
            if mine.status == .booked, let link = scheduled.link, scheduled.delivery == .virtual {
                el("p", .class("sg-body")) {
                    "Join online: "
                    el("a", Attr("href", link), .class("sg-link"), Attr("rel", "noopener")) { link }
                }
            }
            if mine.status.isActive && !started {
                form(
                    csrf, .trainingEventCancel(id),
                    mine.status == .waitingList ? "Leave the waiting list" : "Cancel my place", kind: "warning")
            }
            if mine.status == .booked && scheduled.delivery == .eLearning { eLearning(csrf, id) }
            if mine.status.isCancelled && !started { bookButton(csrf, id) }
            if mine.isEvaluationDue {
                el("a", .href(.trainingEvaluation(mine.id)), .class("sg-button"), Attr("role", "button")) {
                    "Evaluate the course"
                }
            }
            if mine.isCertificateAvailable {
                el("p", .class("sg-body")) {
                    el("a", .href(.trainingCertificate(mine.id)), .class("sg-link")) { "Print your certificate" }
                }
                if !materials.isEmpty {
                    el("h3", .class("sg-heading-s")) { "Course materials" }
                    el("ul", .class("sg-list")) {
                        for m in materials {
                            el("li") {
                                el("a", .href(.trainingMaterial(m.id)), .class("sg-link")) {
                                    "\(m.title) (\(m.filename))"
                                }
                            }
                        }
                    }
                }
            }
        } else if started {
            el("p", .class("sg-body")) { "This event has started, so it is closed for booking." }
        } else {
            el("p", .class("sg-body"), .id("booking-status")) { "You have not booked this event." }
            bookButton(csrf, id)
        }
    }

    private func bookButton(_ csrf: String, _ id: UUID) -> Node {
        let full = (places.freePlaces ?? 1) == 0
        return form(csrf, .trainingEventBook(id), full ? "Join the waiting list" : "Book a place")
    }

    private func eLearning(_ csrf: String, _ id: UUID) -> Node {
        el("div") {
            if let link = places.event.link {
                el("p", .class("sg-body")) {
                    "Open the e-learning: "
                    el("a", Attr("href", link), .class("sg-link"), Attr("rel", "noopener")) { link }
                }
            }
            el("form", .postMethod, .action(.trainingEventComplete(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.dateInput(
                    "completed", legend: "When did you finish it?", day: fields["completed-day"] ?? "",
                    month: fields["completed-month"] ?? "", year: fields["completed-year"] ?? "", errors: errors,
                    hint: nil)
                Components.button("Record that I have completed it")
            }
        }
    }

    private func form(_ csrf: String, _ action: SiteURL, _ label: String, kind: String? = nil) -> Node {
        el("form", .postMethod, .action(action)) {
            Components.csrfField(csrf)
            if let message = errors["booking"] { Components.errorMessage("booking", message) }
            Components.button(label, kind: kind)
        }
    }
}
