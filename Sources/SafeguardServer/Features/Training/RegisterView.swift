import SafeguardCore
import Vapor

/// The event's bookings for the trainer: the register (once it has started), late cancellations,
/// the waiting list in order, and the number of places.
struct RegisterView {
    /// The event as the register heads it.
    struct Event: Sendable {
        var id: UUID
        var courseTitle: String
        /// "3 March 2026, 9:30am to 12:30pm" or "Open from 3 March 2026".
        var when: String
        /// "5 March 2026" once the partnership called the event off.
        var calledOffOn: String?
        var calledOffReason: String
    }

    /// Who holds a booking, which the rules know only by id.
    struct Booker: Sendable {
        var name: String
        /// Where they worked when they booked, or "Not recorded".
        var agency: String
    }

    var event: Event
    /// The bookings in the rules' order, with their statuses and dates.
    var places: TrainingEventPlaces
    /// By booking id.
    var bookers: [UUID: Booker]
    var started: Bool
    var errors: FormErrors
    /// The marks sent, kept when the register is refused.
    var marks: [UUID: TrainingEventPlaces.RegisterMark]
    var banner: TrainingFlash?

    /// The bookings in these statuses, in the rules' order (the waiting list's is its queue), with who holds each.
    private func bookings(_ statuses: Set<TrainingBookingStatus>) -> [(booking: TrainingBooking, booker: Booker)] {
        places.bookings.compactMap { b in
            guard statuses.contains(b.status), let booker = bookers[b.id] else { return nil }
            return (b, booker)
        }
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(
            "Register: \(event.courseTitle)", section: .trainingManage, hasErrors: !errors.isEmpty, status: status
        ) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = event.id
        let onRegister = bookings([.booked, .attended, .noShow])
        return fragment {
            Components.backLink(.trainingEvent(id), "Back to the event")
            Components.errorSummary(errors)
            if let banner { Components.notification(banner.message) }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { event.when }
                "Register: \(event.courseTitle)"
            }
            if places.event.delivery.isScheduled {
                Components.summaryList([
                    ("Places", .text("\(places.placesTaken) of \(places.event.capacity ?? 0) taken")),
                    ("Waiting list", .text(String(places.waitingList.count))),
                ])
            }
            if places.event.delivery == .eLearning {
                eLearningTables
            } else if let calledOffOn = event.calledOffOn {
                el("div", .class("sg-inset-text"), .id("called-off")) {
                    "This event was cancelled on \(calledOffOn): \(event.calledOffReason)"
                }
            } else if started {
                el("form", .postMethod, .action(.trainingEventRegister(id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    if onRegister.isEmpty { el("p", .class("sg-body")) { "Nobody held a place on this event." } }
                    for b in onRegister { mark(b.booking, b.booker) }
                    if !onRegister.isEmpty { Components.button("Save register") }
                }
            } else {
                el("p", .class("sg-body")) {
                    "The register opens when the event starts. Until then, these people have places:"
                }
                Components.table(
                    caption: "Booked", headers: ["Name", "Agency", "Booked on"],
                    rows: onRegister.map { b, who in
                        [.text(who.name), .text(who.agency), .text(SimpleDate(b.firstBookedAt).longText)]
                    })
                capacityForm(csrf: csrf)
                el("p", .class("sg-body")) {
                    el("a", .href(.trainingEventEdit(id)), .class("sg-link")) {
                        "Change the date, times, venue or link"
                    }
                }
                callOffForm(csrf: csrf)
            }
            let late = bookings([.lateCancellation])
            if !late.isEmpty {
                Components.table(
                    caption: "Late cancellations", headers: ["Name", "Agency", "Cancelled"],
                    rows: late.map { b, who in
                        [
                            .text(who.name), .text(who.agency),
                            .text(b.cancelledAt.map { SimpleDate($0).longText } ?? ""),
                        ]
                    })
            }
            let waiting = bookings([.waitingList])
            if !waiting.isEmpty {
                Components.table(
                    caption: "Waiting list", headers: ["Position", "Name", "Agency"],
                    rows: waiting.enumerated().map { (i, b) in
                        [.text(String(i + 1)), .text(b.booker.name), .text(b.booker.agency)]
                    })
            }
        }
    }

    private func mark(_ booking: TrainingBooking, _ who: Booker) -> Node {
        let current = booking.status
        let selected =
            marks[booking.id]?.rawValue ?? (current == .attended ? "attended" : current == .noShow ? "no-show" : "")
        return Components.radios(
            "mark-\(booking.id)", legend: "\(who.name), \(who.agency)",
            options: TrainingEventPlaces.RegisterMark.allCases.map { ($0.rawValue, $0.displayName) },
            selected: selected, errors: errors, inline: true)
    }

    /// E-learning has no register: who has started it and who has finished, and when.
    private var eLearningTables: Node {
        .fragment([
            Components.table(
                caption: "Completed", headers: ["Name", "Agency", "Finished"],
                rows: bookings([.completed]).map { b, who in
                    [.text(who.name), .text(who.agency), .text(b.completedOn?.longText ?? "")]
                }),
            Components.table(
                caption: "Enrolled, not yet finished", headers: ["Name", "Agency", "Enrolled"],
                rows: bookings([.booked]).map { b, who in
                    [.text(who.name), .text(who.agency), .text(SimpleDate(b.firstBookedAt).longText)]
                }),
        ])
    }

    private func callOffForm(csrf: String) -> Node {
        el("form", .postMethod, .action(.trainingEventCallOff(event.id)), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            el("h2", .class("sg-heading-m")) { "Cancel the event" }
            Components.textarea(
                "reason", label: "Why is it cancelled?", value: "", errors: errors,
                hint:
                    "Everyone booked or waiting is told, with this reason. Their bookings are cancelled and do not count against them.",
                rows: 2)
            Components.button("Cancel the event", kind: "warning")
        }
    }

    private func capacityForm(csrf: String) -> Node {
        el("form", .postMethod, .action(.trainingEventCapacity(event.id)), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textInput(
                "capacity", label: "Number of places", value: String(places.event.capacity ?? 0), errors: errors,
                hint: "Adding places moves people up from the waiting list straight away", width: "3")
            Components.button("Change places", kind: "secondary")
        }
    }
}
