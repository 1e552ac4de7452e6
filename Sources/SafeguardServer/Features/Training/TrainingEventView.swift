import SafeguardCore
import Vapor

/// One event as a practitioner sees it: the course, when and where, places left, and what they can
/// do now: book, join the waiting list, cancel, record e-learning, evaluate, print the certificate.
struct TrainingEventView {
    var viewer: Viewer
    var loaded: TrainingEventBookings
    var materials: [TrainingMaterialRecord]
    var now: Date
    var banner: TrainingFlash?
    var errors: FormErrors
    var fields: [String: String]

    private var course: TrainingCourseRecord { loaded.course }
    private var places: TrainingEventPlaces { loaded.places }
    private var event: TrainingEvent { places.event }
    private var mine: TrainingBooking? { places.booking(for: viewer.userID) }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(course.title, section: .training, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.training, "Back to training")
            Components.errorSummary(errors)
            if let banner { Components.notification(banner.message) }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { course.level.displayName }
                course.title
            }
            if !course.description.isEmpty { el("p", .class("sg-body")) { course.description } }
            Components.summaryList(details)
            if !course.outcomes.isEmpty {
                el("h2", .class("sg-heading-m")) { "You will learn to" }
                el("ul", .class("sg-list sg-list--bullet")) { for o in course.outcomes { el("li") { o } } }
            }
            el("h2", .class("sg-heading-m"), .id("booking")) { "Your place" }
            yourPlace(req)
            if viewer.mayEver(.manageTraining) {
                el("h2", .class("sg-heading-m")) { "For trainers" }
                el("ul", .class("sg-list")) {
                    el("li") {
                        el("a", .href(.trainingEventRegister(loaded.record.id!)), .class("sg-link")) {
                            event.delivery.isScheduled ? "Bookings and register" : "Enrolments and completions"
                        }
                    }
                    el("li") { el("a", .href(.trainingCourse(course.id!)), .class("sg-link")) { "Manage the course" } }
                }
            }
        }
    }

    private var details: [(String, Node)] {
        var rows: [(String, Node)] = [
            ("How", .text(event.delivery.displayName)),
            ("When", .text(loaded.record.whenText)),
        ]
        if event.delivery == .faceToFace { rows.append(("Where", .text(event.venue ?? ""))) }
        if !course.audience.isEmpty { rows.append(("Who it is for", .text(course.audience))) }
        if !loaded.record.trainerName.isEmpty { rows.append(("Trainer", .text(loaded.record.trainerName))) }
        if let capacity = event.capacity {
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
    private func yourPlace(_ req: Request) -> [Node] {
        let id = loaded.record.id!
        let started = places.hasStarted(at: now)
        if let when = loaded.record.calledOffAt {
            el("div", .class("sg-inset-text"), .id("booking-status")) {
                "This event was cancelled on \(SimpleDate(when).longText). \(loaded.record.calledOffReason ?? "")"
            }
        } else if let mine {
            el("p", .class("sg-body"), .id("booking-status")) {
                TrainingTags.status(mine.status)
                if let position = places.waitingListPosition(of: viewer.userID) {
                    " You are number \(position) on the waiting list."
                }
            }
            if mine.status == .booked, let link = event.link, event.delivery == .virtual {
                el("p", .class("sg-body")) {
                    "Join online: "
                    el("a", Attr("href", link), .class("sg-link"), Attr("rel", "noopener")) { link }
                }
            }
            if mine.status.isActive && !started {
                form(
                    req, .trainingEventCancel(id),
                    mine.status == .waitingList ? "Leave the waiting list" : "Cancel my place", kind: "warning")
            }
            if mine.status == .booked && event.delivery == .eLearning { eLearning(req, id) }
            if mine.status.isCancelled && !started { bookButton(req, id) }
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
                                el("a", .href(.trainingMaterial(m.id!)), .class("sg-link")) {
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
            bookButton(req, id)
        }
    }

    private func bookButton(_ req: Request, _ id: UUID) -> Node {
        let full = (places.freePlaces ?? 1) == 0
        return form(req, .trainingEventBook(id), full ? "Join the waiting list" : "Book a place")
    }

    private func eLearning(_ req: Request, _ id: UUID) -> Node {
        el("div") {
            if let link = event.link {
                el("p", .class("sg-body")) {
                    "Open the e-learning: "
                    el("a", Attr("href", link), .class("sg-link"), Attr("rel", "noopener")) { link }
                }
            }
            el("form", .postMethod, .action(.trainingEventComplete(id)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.dateInput(
                    "completed", legend: "When did you finish it?", day: fields["completed-day"] ?? "",
                    month: fields["completed-month"] ?? "", year: fields["completed-year"] ?? "", errors: errors,
                    hint: nil)
                Components.button("Record that I have completed it")
            }
        }
    }

    private func form(_ req: Request, _ action: SiteURL, _ label: String, kind: String? = nil) -> Node {
        el("form", .postMethod, .action(action)) {
            Components.csrfField(req.csrfToken)
            if let message = errors["booking"] { Components.errorMessage("booking", message) }
            Components.button(label, kind: kind)
        }
    }
}
