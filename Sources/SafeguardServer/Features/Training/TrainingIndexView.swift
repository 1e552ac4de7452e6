import SafeguardCore
import Vapor

/// "Training": the events open for booking, the viewer's current bookings and new messages.
struct TrainingIndexView {
    /// An unread message: its subject, linking to what it is about.
    struct Notice: Sendable {
        var subject: String
        /// A path in the site, as ``SiteURL`` built it when the message was sent.
        var link: String
    }

    var events: [TrainingPages.EventRow]
    /// The viewer's places booked and waited for, soonest first.
    var mine: [TrainingPages.BookingRow]
    var notices: [Notice]
    var level: TrainingLevel?
    var delivery: TrainingDelivery?
    var banner: TrainingFlash?

    func render(on req: Request) -> Response {
        req.page("Training", section: .training) { body }
    }

    var body: Node {
        fragment {
            if let banner { Components.notification(banner.message) }
            el("h1", .class("sg-heading-l")) { "Multi-agency training" }
            el("p", .class("sg-body")) {
                el("a", .href(.trainingLog), .class("sg-link")) { "Your training log" }
                " lists everything you have attended or completed, with certificates."
            }
            if !notices.isEmpty { messages }
            if !mine.isEmpty { bookings }
            el("h2", .class("sg-heading-m")) { "Find an event" }
            filters
            if events.isEmpty {
                el("p", .class("sg-body"), .id("no-events")) {
                    "No events match. Try another level or way of learning."
                }
            } else {
                Components.table(
                    caption: "Events open for booking", headers: ["Course", "When", "How", "Places"],
                    rows: events.map(row))
            }
        }
    }

    private var messages: Node {
        el("div", .class("sg-inset-text"), .id("messages")) {
            el("h2", .class("sg-heading-s")) { "New messages" }
            el("ul", .class("sg-list")) {
                for n in notices {
                    el("li") { el("a", Attr("href", n.link), .class("sg-link")) { n.subject } }
                }
            }
            el("a", .href(.notifications), .class("sg-link")) { "All your messages" }
        }
    }

    private var bookings: Node {
        Components.table(
            caption: "Your bookings", headers: ["Course", "When", "Status"],
            rows: mine.map { b in
                [
                    el("a", .href(.trainingEvent(b.eventID)), .class("sg-link")) { b.courseTitle },
                    .text(b.when), TrainingTags.status(b.status),
                ]
            })
    }

    private var filters: Node {
        el("form", Attr("method", "get"), .action(.training), .class("sg-filter")) {
            Components.select(
                "level", label: "Level",
                options: [("", "All levels")] + TrainingLevel.allCases.map { ($0.rawValue, $0.displayName) },
                selected: level?.rawValue ?? "", errors: FormErrors())
            Components.select(
                "delivery", label: "How it is delivered",
                options: [("", "Any")] + TrainingDelivery.allCases.map { ($0.rawValue, $0.displayName) },
                selected: delivery?.rawValue ?? "", errors: FormErrors())
            Components.button("Show events", kind: "secondary")
        }
    }

    private func row(_ e: TrainingPages.EventRow) -> [Node] {
        let places: Node =
            if let capacity = e.capacity {
                e.taken >= capacity
                    ? TrainingTags.full(waiting: e.waiting) : .text("\(capacity - e.taken) of \(capacity) left")
            } else { .text("Open to all") }
        return [
            el("a", .href(.trainingEvent(e.id)), .class("sg-link")) { e.courseTitle }, .text(e.when),
            .text(e.delivery.displayName), places,
        ]
    }
}

/// The tags training pages share.
enum TrainingTags {
    static func status(_ s: TrainingBookingStatus) -> Node {
        switch s {
        case .booked: Components.tag(s.displayName, colour: "green")
        case .waitingList: Components.tag(s.displayName, colour: "yellow")
        case .attended, .completed: Components.tag(s.displayName, colour: "blue")
        case .noShow, .lateCancellation: Components.tag(s.displayName, colour: "red")
        case .cancelled: Components.tag(s.displayName, colour: "grey")
        }
    }

    static func full(waiting: Int) -> Node {
        .fragment([Components.tag("Full", colour: "orange"), .text(waiting > 0 ? " \(waiting) waiting" : "")])
    }
}
