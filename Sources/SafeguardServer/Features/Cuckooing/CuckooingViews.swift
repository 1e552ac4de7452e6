import SafeguardCore
import Vapor

/// "Record a cuckooed home" for one person.
struct CuckooingFormView {
    /// A home or a lead that may be chosen: its id, and how it reads ("14 Mill Lane, ...", "Sam Okafor").
    struct Choice: Sendable {
        var id: UUID
        var label: String
    }

    var person: PersonHeading
    /// The person's current homes.
    var homes: [Choice]
    var leads: [Choice]
    var fields: [String: String]
    var kinds: [String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Record a cuckooed home", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = person.id
        return fragment {
            Components.backLink(.person(id), "Back to \(person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                "Record a cuckooed home"
            }
            el("p", .class("sg-body")) {
                "The address gets a marker. Police officers sent there are told there are safeguarding concerns and whom to contact, and incidents there are passed to the lead you name."
            }
            el("form", .postMethod, .action(.personCuckooing(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                if homes.isEmpty {
                    el("div", .class("sg-inset-text"), .id("address")) {
                        "\(person.firstName) has no current address recorded. "
                        el("a", .href(.personAddresses(id)), .class("sg-link")) { "Add the address" }
                        " first."
                    }
                } else {
                    Components.radios(
                        "address", legend: "Which home?", options: homes.map { ($0.id.uuidString, $0.label) },
                        selected: fields["address"] ?? (homes.count == 1 ? homes[0].id.uuidString : ""), errors: errors
                    )
                }
                Components.checkboxes(
                    "kinds", legend: "How is the home being used?",
                    options: CuckooingKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: Set(kinds), errors: errors)
                Components.radios(
                    "confidence", legend: "Is it suspected or confirmed?",
                    options: CuckooingConfidence.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: fields["confidence"] ?? "", errors: errors, inline: true)
                Components.textarea(
                    "summary", label: "What is known", value: fields["summary"] ?? "", errors: errors,
                    hint:
                        "Who comes and goes, what has been seen, how \(person.firstName) seems. Partners with a need to know will read it."
                )
                Components.select(
                    "lead", label: "Lead professional",
                    options: [("", "Select a lead")] + leads.map { ($0.id.uuidString, $0.label) },
                    selected: fields["lead"] ?? "", errors: errors,
                    hint: "Told of every police incident confirmed at the address")
                Components.button("Record and mark the address")
            }
        }
    }
}

/// One cuckooed home: what is known, the marker, and the police incidents matched to it.
struct CuckooedHomeView {
    /// The home and its marker, worded as the page shows them.
    struct Home: Sendable {
        var id: UUID
        /// Whose home it is.
        var person: PersonHeading
        var address: String
        var isActive: Bool
        /// When the marker ended, and why; empty while it is active.
        var endedAt: String
        var endReason: String
        /// "Drugs: dealing, storing or preparing; Financial abuse of the tenant".
        var howUsed: String
        var confidence: String
        var summary: String
        /// The lead's name, team, agency and email.
        var lead: String
        /// "Sam Okafor, Northmere Police, 1 March 2026, 9:00am".
        var recorded: String
    }

    /// A confirmed police incident at the home, sent to its lead.
    struct Notice: Sendable {
        var id: UUID
        var reference: String
        var type: String
        var occurred: String
        var summary: String
        /// When the lead read it; nil until then.
        var readAt: String?
        /// The viewer is the lead it was sent to, so may mark it read.
        var mayMarkRead: Bool
    }

    var home: Home
    var notices: [Notice]
    var mayChange: Bool
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Cuckooed home", section: .cuckooing, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let h = home
        let id = home.id
        return fragment {
            Components.backLink(.person(h.person.id), "Back to \(h.person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { h.address }
                "Cuckooed home"
            }
            Components.summaryList([
                (
                    "Marker",
                    h.isActive
                        ? Components.tag("Active", colour: "red")
                        : .text("Ended \(h.endedAt): \(h.endReason)")
                ),
                ("Whose home", el("a", .href(.person(h.person.id)), .class("sg-link")) { h.person.name }),
                ("How it is used", .text(h.howUsed)),
                ("Suspected or confirmed", .text(h.confidence)),
                ("What is known", .text(h.summary)),
                ("Lead professional", .text(h.lead)),
                ("Recorded", .text(h.recorded)),
            ])
            el("h2", .class("sg-heading-m")) { "Police incidents here" }
            if notices.isEmpty {
                el("p", .class("sg-body")) { "None confirmed since the marker was placed." }
            } else {
                Components.table(
                    caption: "Confirmed incidents at this address",
                    headers: ["Incident", "When", "What happened", "Read"],
                    rows: notices.map { n in
                        [
                            .text("\(n.reference) (\(n.type))"),
                            .text(n.occurred),
                            .text(n.summary),
                            n.readAt.map { .text("Read \($0)") }
                                ?? (n.mayMarkRead
                                    ? el("form", .postMethod, .action(.cuckooingNoticeSeen(n.id))) {
                                        Components.csrfField(csrf)
                                        el(
                                            "button", .type("submit"),
                                            .class("sg-button sg-button--secondary sg-!-margin-bottom-0")
                                        ) {
                                            "Mark as read"
                                            el("span", .class("sg-visually-hidden")) {
                                                ": incident \(n.reference)"
                                            }
                                        }
                                    }
                                    : .text("Not yet read by the lead")),
                        ]
                    })
            }
            if mayChange && h.isActive {
                el("h2", .class("sg-heading-m")) { "End the marker" }
                el("form", .postMethod, .action(.cuckooedHomeEnd(id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.textInput(
                        "end-reason", label: "Why is the home no longer at risk?", value: "", errors: errors)
                    Components.button("End the marker", kind: "warning")
                }
            }
        }
    }
}

/// The register of open cuckooing markers this viewer may read, newest first, as plain rows.
struct CuckooingRegisterView {
    struct Row: Sendable {
        var id: UUID
        var address: String
        var whose: String
        var howUsed: String
        var lead: String
        var since: String
    }

    var rows: [Row]

    func render(on req: Request) -> Response {
        req.page("Cuckooed homes", section: .cuckooing) { body }
    }

    var body: Node {
        fragment {
            el("h1", .class("sg-heading-l")) { "Cuckooed homes" }
            el("p", .class("sg-body")) {
                "Homes marked because others have taken them over. Police incidents at these addresses are matched and the lead is told. "
                "To record one, open the person's record and choose \u{201C}Record a cuckooed home\u{201D}."
            }
            if rows.isEmpty {
                el("p", .class("sg-body")) { "No open cuckooing marker you may see." }
            } else {
                Components.table(
                    caption: "\(rows.count) open markers",
                    headers: ["Address", "Whose home", "How used", "Lead", "Since"],
                    rows: rows.map { h in
                        [
                            el("a", .href(.cuckooedHome(h.id)), .class("sg-link")) { h.address },
                            .text(h.whose), .text(h.howUsed), .text(h.lead), .text(h.since),
                        ]
                    })
            }
        }
    }
}
