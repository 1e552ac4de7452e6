import Fluent
import SafeguardCore
import Vapor

/// The event's bookings for the trainer: the register (once it has started), late cancellations,
/// the waiting list in order, and the number of places.
struct RegisterView {
    var loaded: TrainingEventBookings
    var agencies: [UUID: String]
    var started: Bool
    var errors: FormErrors
    var marks: [UUID: TrainingEventPlaces.RegisterMark]
    var banner: TrainingFlash?

    static func make(
        _ loaded: TrainingEventBookings, on req: Request, errors: FormErrors,
        marks: [UUID: TrainingEventPlaces.RegisterMark]
    ) async throws -> RegisterView {
        let ids = Set(loaded.rows.compactMap { $0.$agency.id })
        let agencies = try await Agency.query(on: req.db).filter(\.$id ~~ ids).all()
        return RegisterView(
            loaded: loaded, agencies: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) }),
            started: loaded.places.hasStarted(at: req.now), errors: errors, marks: marks, banner: TrainingFlash(req))
    }

    private func rows(_ statuses: Set<TrainingBookingStatus>) -> [TrainingBookingRecord] {
        let order = loaded.places.bookings.map(\.id)
        return loaded.rows.filter { row in
            statuses.contains(loaded.places.bookings.first { $0.id == row.id }?.status ?? row.status)
        }
        .sorted { (order.firstIndex(of: $0.id!) ?? 0) < (order.firstIndex(of: $1.id!) ?? 0) }
    }

    private func agency(_ row: TrainingBookingRecord) -> String {
        row.$agency.id.flatMap { agencies[$0] } ?? "Not recorded"
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let id = loaded.record.id!
        let places = loaded.places
        let onRegister = rows([.booked, .attended, .noShow])
        return req.page(
            "Register: \(loaded.course.title)", section: .trainingManage, hasErrors: !errors.isEmpty, status: status
        ) {
            Components.backLink(.trainingEvent(id), "Back to the event")
            Components.errorSummary(errors)
            if let banner { Components.notification(banner.message) }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { loaded.record.whenText }
                "Register: \(loaded.course.title)"
            }
            if places.event.delivery.isScheduled {
                Components.summaryList([
                    ("Places", .text("\(places.placesTaken) of \(places.event.capacity ?? 0) taken")),
                    ("Waiting list", .text(String(places.waitingList.count))),
                ])
            }
            if places.event.delivery == .eLearning {
                eLearningTables
            } else if let when = loaded.record.calledOffAt {
                el("div", .class("sg-inset-text"), .id("called-off")) {
                    "This event was cancelled on \(SimpleDate(when).longText): \(loaded.record.calledOffReason ?? "")"
                }
            } else if started {
                el("form", .postMethod, .action(.trainingEventRegister(id)), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    if onRegister.isEmpty { el("p", .class("sg-body")) { "Nobody held a place on this event." } }
                    for row in onRegister { mark(row) }
                    if !onRegister.isEmpty { Components.button("Save register") }
                }
            } else {
                el("p", .class("sg-body")) {
                    "The register opens when the event starts. Until then, these people have places:"
                }
                Components.table(
                    caption: "Booked", headers: ["Name", "Agency", "Booked on"],
                    rows: onRegister.map { r in
                        [.text(r.user.displayName), .text(agency(r)), .text(SimpleDate(r.firstBookedAt).longText)]
                    })
                capacityForm(req, id)
                el("p", .class("sg-body")) {
                    el("a", .href(.trainingEventEdit(id)), .class("sg-link")) {
                        "Change the date, times, venue or link"
                    }
                }
                callOffForm(req, id)
            }
            let late = rows([.lateCancellation])
            if !late.isEmpty {
                Components.table(
                    caption: "Late cancellations", headers: ["Name", "Agency", "Cancelled"],
                    rows: late.map { r in
                        [
                            .text(r.user.displayName), .text(agency(r)),
                            .text(r.cancelledAt.map { SimpleDate($0).longText } ?? ""),
                        ]
                    })
            }
            let waiting = rows([.waitingList])
            if !waiting.isEmpty {
                Components.table(
                    caption: "Waiting list", headers: ["Position", "Name", "Agency"],
                    rows: waiting.enumerated().map { (i, r) in
                        [.text(String(i + 1)), .text(r.user.displayName), .text(agency(r))]
                    })
            }
        }
    }

    private func mark(_ row: TrainingBookingRecord) -> Node {
        let current = loaded.places.bookings.first { $0.id == row.id }?.status
        let selected =
            marks[row.id!]?.rawValue ?? (current == .attended ? "attended" : current == .noShow ? "no-show" : "")
        let field = "mark-\(row.id!)"
        return Components.radios(
            field, legend: "\(row.user.displayName), \(agency(row))",
            options: TrainingEventPlaces.RegisterMark.allCases.map { ($0.rawValue, $0.displayName) },
            selected: selected, errors: errors, inline: true)
    }

    /// E-learning has no register: who has started it and who has finished, and when.
    private var eLearningTables: Node {
        .fragment([
            Components.table(
                caption: "Completed", headers: ["Name", "Agency", "Finished"],
                rows: rows([.completed]).map { r in
                    [
                        .text(r.user.displayName), .text(agency(r)),
                        .text(r.completedOn.flatMap { SimpleDate(iso: $0)?.longText } ?? ""),
                    ]
                }),
            Components.table(
                caption: "Enrolled, not yet finished", headers: ["Name", "Agency", "Enrolled"],
                rows: rows([.booked]).map { r in
                    [.text(r.user.displayName), .text(agency(r)), .text(SimpleDate(r.firstBookedAt).longText)]
                }),
        ])
    }

    private func callOffForm(_ req: Request, _ id: UUID) -> Node {
        el("form", .postMethod, .action(.trainingEventCallOff(id)), Attr("novalidate", nil)) {
            Components.csrfField(req.csrfToken)
            el("h2", .class("sg-heading-m")) { "Cancel the event" }
            Components.textarea(
                "reason", label: "Why is it cancelled?", value: "", errors: errors,
                hint:
                    "Everyone booked or waiting is told, with this reason. Their bookings are cancelled and do not count against them.",
                rows: 2)
            Components.button("Cancel the event", kind: "warning")
        }
    }

    private func capacityForm(_ req: Request, _ id: UUID) -> Node {
        el("form", .postMethod, .action(.trainingEventCapacity(id)), Attr("novalidate", nil)) {
            Components.csrfField(req.csrfToken)
            Components.textInput(
                "capacity", label: "Number of places", value: String(loaded.places.event.capacity ?? 0), errors: errors,
                hint: "Adding places moves people up from the waiting list straight away", width: "3")
            Components.button("Change places", kind: "secondary")
        }
    }
}
