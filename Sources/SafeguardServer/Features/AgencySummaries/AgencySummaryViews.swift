import SafeguardCore
import Vapor

/// The tag for a summary's state on its clock: received, being written, returned, or late.
enum AgencySummaryTags {
    static func tag(_ s: AgencySummary, _ standing: SeriousIncidentClock.Standing) -> Node {
        switch (s.stage, standing) {
        case (.submitted, .done(let onTime)):
            Components.tag(onTime ? "Received" : "Received late", colour: onTime ? "green" : "yellow")
        case (_, .overdue(let days)):
            Components.tag("Late by \(days) working day\(days == 1 ? "" : "s")", colour: "red")
        case (.returned, _): Components.tag("Returned for more", colour: "purple")
        default: Components.tag(s.stage.displayName, colour: s.stage == .drafted ? "blue" : "grey")
        }
    }
}

/// The business unit chooses one contributor in each agency to write its summary.
struct AgencySummaryAskView {
    struct AgencyOffer {
        var name: String
        var people: [(id: String, label: String)]
    }
    typealias Offer = [(title: String, agencies: [AgencyOffer])]

    var subject: ReviewSubject
    var offer: Offer
    var due: SimpleDate
    var chosen: Set<String>
    var ask: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let error = errors["contributors"]
        return req.page(
            "Ask agencies for their summaries: \(subject.reference)", section: subject.section,
            hasErrors: !errors.isEmpty, status: status
        ) {
            Components.backLink(subject.page, "Back to the \(subject.kindName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "\(subject.reference), \(subject.person.name)" }
                "Ask agencies for their summaries"
            }
            el("p", .class("sg-body")) {
                "Each person chosen is asked for their agency's summary of its involvement, its dated events and what it learned, due by "
                el("strong") { due.longText }
                ". They see the name, date of birth and address they need to find their records, and nothing else of the review."
            }
            if offer.isEmpty {
                el("p", .class("sg-body")) {
                    "Every agency with someone who can write a summary has already been asked."
                }
            } else {
                el("form", .postMethod, .action(subject.askURL), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
                        el("fieldset", .class("sg-fieldset"), .aria("describedby", "contributors-hint")) {
                            el("legend", .class("sg-fieldset__legend sg-fieldset__legend--m")) {
                                "Who writes each agency's summary?"
                            }
                            el("div", .class("sg-hint"), .id("contributors-hint")) {
                                "Choose one person in each agency to ask. Agencies the record shows working with \(subject.person.name) come first."
                            }
                            if let error { Components.errorMessage("contributors", error) }
                            checkboxes()
                        }
                    }
                    Components.textarea(
                        "ask", label: "What should the summaries cover? (optional)", value: ask, errors: errors,
                        hint: "For example, the period to cover, or a question for every agency", rows: 3)
                    Components.button("Send the requests")
                }
            }
        }
    }

    @NodeBuilder private func checkboxes() -> [Node] {
        let all = offer.flatMap { g in g.agencies.flatMap { a in a.people.map { (g.title, a.name, $0) } } }
        let firstID = all.first?.2.id
        for group in offer {
            el("h2", .class("sg-heading-s")) { group.title }
            for agency in group.agencies {
                el("p", .class("sg-body sg-!-margin-bottom-1")) { el("strong") { agency.name } }
                el("div", .class("sg-checkboxes sg-!-margin-bottom-4")) {
                    for p in agency.people {
                        let id = p.id == firstID ? "contributors" : "contributor-\(p.id)"
                        el("div", .class("sg-checkboxes__item")) {
                            void(
                                "input",
                                attrs: [
                                    .class("sg-checkboxes__input"), .id(id), .name("contributors[]"), .type("checkbox"),
                                    .value(p.id),
                                ]
                                    + (chosen.contains(p.id) ? [.flag("checked")] : []))
                            el("label", .class("sg-label sg-checkboxes__label"), .for(id)) {
                                "\(p.label), \(agency.name)"
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One agency's summary: for its contributor, the form; for the review's readers, what was sent, with the
/// business unit's chase and return.
struct AgencySummaryPage {
    struct Typed {
        var involvement: String
        var chronology: String
        var analysis: String
    }

    var id: UUID
    var subject: ReviewSubject
    var agency: String
    var contributor: String
    var summary: AgencySummary
    var standing: SeriousIncidentClock.Standing
    var mayWrite: Bool
    var mayManage: Bool
    var typed: Typed
    var returnNote: String
    var errors: FormErrors
    var today: SimpleDate
    /// The agency's other case workers, for the business unit to pass the summary to.
    var others: [(value: String, label: String)] = []

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let s = summary
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "saved": "Your draft is saved. The business unit cannot read it until you send it."
            case "sent": "Sent: the business unit has your agency's summary."
            case "returned": "Returned to \(contributor), with your note."
            case "passed": "Passed to \(contributor), who is told."
            default: nil
            }
        return req.page(
            "\(agency)'s summary for \(subject.reference)", section: mayWrite ? .myWork : subject.section,
            hasErrors: !errors.isEmpty, status: status
        ) {
            Components.backLink(
                mayWrite ? .agencySummaries : subject.page,
                mayWrite ? "Your review summaries" : "Back to the \(subject.kindName)")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "\(subject.reference), \(subject.kindName)" }
                "\(agency)'s summary"
            }
            el("p", .class("sg-body"), .id("summary-clock")) {
                AgencySummaryTags.tag(s, standing)
                " "
                s.submittedOn.map { "Sent \($0.longText). " }
                    ?? (standing.rag == .red
                        ? "Was due by \(s.due.longText). "
                        : "Due by \(s.due.longText) (\(SeriousIncidentListing.words(standing))). ")
                if let chased = s.chasedOn.last { "Chased \(chased.longText)." }
            }
            if s.stage == .returned { Components.notification("Returned for more: \(s.returnNote)", success: false) }
            el("h2", .class("sg-heading-m")) { "Who it is about" }
            Components.summaryList(
                [
                    (
                        "Name",
                        .text(
                            subject.person.name
                                + (subject.person.otherNames.isEmpty
                                    ? "" : " (also known as \(subject.person.otherNames.joined(separator: ", ")))"))
                    ),
                    ("Date of birth", .text(subject.person.dateOfBirth?.longText ?? "Not known")),
                    ("Address", .text(subject.person.address ?? "Not known")),
                    (
                        subject.key.isRapidReview ? "Day of the incident" : "Referred for review",
                        .text(subject.eventDay.longText)
                    ),
                    ("Written by", .text(contributor)),
                ]
                    + (s.ask.isEmpty ? [] : [("What the review asks", .text(s.ask))]))
            if mayWrite { form(csrf: req.csrfToken) } else { sent(csrf: req.csrfToken) }
        }
    }

    private func form(csrf: String) -> Node {
        el("form", .postMethod, .action(.agencySummary(id)), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textarea(
                "involvement", label: "Your agency's involvement", value: typed.involvement, errors: errors,
                hint:
                    "Who in your agency knew the family, when and why; what was open at the time. If they were not known to you, say \"Not known to us\".",
                rows: 6)
            Components.textarea(
                "chronology", label: "Your agency's events, one a line", value: typed.chronology, errors: errors,
                hint:
                    "Start each line with the day, then what happened: 14/03/2026 Health visitor home visit, mother's partner present",
                rows: 8)
            Components.textarea(
                "analysis", label: "What went well, and what might have been done differently", value: typed.analysis,
                errors: errors,
                hint: "Needed when your agency was involved", rows: 5)
            el("div", .class("sg-button-group")) {
                el(
                    "button", .type("submit"), .name("intent"), .value("draft"),
                    .class("sg-button sg-button--secondary"), .data("module", "sg-button")
                ) { "Save draft" }
                el(
                    "button", .type("submit"), .name("intent"), .value("send"), .class("sg-button"),
                    .data("module", "sg-button")
                ) { "Send to the business unit" }
            }
        }
    }

    @NodeBuilder private func sent(csrf: String) -> [Node] {
        if s.stage == .submitted || s.stage == .returned && !s.involvement.isEmpty {
            el("h2", .class("sg-heading-m")) { "Involvement" }
            el("p", .class("sg-body sg-preserve-lines")) { s.involvement }
            el("h2", .class("sg-heading-m")) { "Events" }
            if s.chronology.isEmpty {
                el("p", .class("sg-body")) { "None given." }
            } else {
                Components.table(
                    caption: "\(agency)'s events", headers: ["Day", "What happened"],
                    rows: s.chronology.map { [.text($0.day.longText), .text($0.text)] }, captionVisible: false)
            }
            el("h2", .class("sg-heading-m")) { "What went well, and what might have been done differently" }
            el("p", .class("sg-body sg-preserve-lines")) { s.analysis.isEmpty ? "Not given." : s.analysis }
        } else {
            el("p", .class("sg-body")) {
                "Not received yet. What the contributor drafts stays with them until they send it."
            }
        }
        if mayManage && s.stage == .submitted {
            el("form", .postMethod, .action(.agencySummaryReturn(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                el("h2", .class("sg-heading-m")) { "Return it for more" }
                Components.textarea(
                    "return-note", label: "What more does the review need?", value: returnNote, errors: errors,
                    hint: "\(contributor) is told, and can edit and send it again", rows: 3)
                Components.button("Return the summary", kind: "secondary")
            }
        }
        if mayManage && !others.isEmpty {
            el("form", .postMethod, .action(.agencySummaryContributor(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                el("h2", .class("sg-heading-m")) { "Pass it to someone else" }
                Components.select(
                    "contributor", label: "Who in \(agency) writes it now?",
                    options: [("", "Choose a person")] + others,
                    selected: "", errors: errors,
                    hint: "If \(contributor) is away or has left. What they drafted goes with it")
                Components.button("Pass it on", kind: "secondary")
            }
        }
        if mayManage && s.mayChase(on: today) {
            el("form", .postMethod, .action(.agencySummaryChase(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.button("Chase \(contributor)", kind: "secondary")
            }
        }
    }

    private var s: AgencySummary { summary }
}

/// The summaries section of a rapid review's or SAR's page.
struct AgencySummariesSection {
    struct Row {
        var id: UUID
        var agency: String
        var contributor: String
        var summary: AgencySummary
        var standing: SeriousIncidentClock.Standing
    }

    var subject: ReviewSubject
    var rows: [Row]
    var mayAsk: Bool
    var mayChase: Bool
    var today: SimpleDate

    func render(csrf: String) -> Node {
        el("section", .aria("labelledby", "summaries-heading")) {
            el("h2", .class("sg-heading-m"), .id("summaries-heading")) { "Agencies' summaries" }
            if rows.isEmpty {
                el("p", .class("sg-body")) { "No agency has been asked yet." }
            } else {
                let received = rows.filter { $0.summary.stage == .submitted }.count
                el("p", .class("sg-body")) { "\(received) of \(rows.count) received." }
                Components.table(
                    caption: "Agencies asked for summaries",
                    headers: ["Agency", "Written by", "Due", "State", "Reminder"],
                    rows: rows.map { r in
                        [
                            el("a", .href(.agencySummary(r.id)), .class("sg-link")) { r.agency }, .text(r.contributor),
                            .text(r.summary.due.longText),
                            AgencySummaryTags.tag(r.summary, r.standing),
                            mayChase && r.summary.mayChase(on: today)
                                ? el("form", .postMethod, .action(.agencySummaryChase(r.id)), Attr("novalidate", nil)) {
                                    Components.csrfField(csrf)
                                    el(
                                        "button", .type("submit"),
                                        .class("sg-button sg-button--secondary sg-!-margin-bottom-0"),
                                        .data("module", "sg-button")
                                    ) {
                                        "Chase"
                                        el("span", .class("sg-visually-hidden")) { " \(r.agency)" }
                                    }
                                }
                                : .text(r.summary.chasedOn.last.map { "Chased \($0.longText)" } ?? ""),
                        ]
                    }, captionVisible: false)
            }
            el("ul", .class("sg-list")) {
                if mayAsk {
                    el("li") {
                        el("a", .href(subject.askURL), .class("sg-link")) {
                            rows.isEmpty ? "Ask agencies for their summaries" : "Ask more agencies"
                        }
                    }
                }
                el("li") {
                    el("a", .href(subject.chronologyURL), .class("sg-link")) {
                        "The review's chronology: the record merged with the summaries"
                    }
                }
            }
        }
    }
}

/// The summaries the viewer has been asked to write.
struct AgencySummaryListView {
    struct Row {
        var id: UUID
        var reference: String
        var kindName: String
        var agency: String
        var summary: AgencySummary
        var standing: SeriousIncidentClock.Standing
    }

    var rows: [Row]

    func render(on req: Request) -> Response {
        req.page("Your review summaries", section: .myWork) {
            el("h1", .class("sg-heading-l")) { "Your review summaries" }
            el("p", .class("sg-body")) {
                "Summaries of your agency's involvement that the partnership business unit has asked you to write for a review."
            }
            if rows.isEmpty {
                el("p", .class("sg-body")) { "You have not been asked for any." }
            } else {
                Components.table(
                    caption: "Summaries asked of you", headers: ["Review", "For", "Due", "State"],
                    rows: rows.map { r in
                        [
                            el("a", .href(.agencySummary(r.id)), .class("sg-link")) {
                                "\(r.kindName.prefix(1).uppercased() + r.kindName.dropFirst()) \(r.reference)"
                            },
                            .text(r.agency), .text(r.summary.due.longText),
                            AgencySummaryTags.tag(r.summary, r.standing),
                        ]
                    }, captionVisible: false)
            }
        }
    }
}

/// A review's chronology: the person's own record merged with the agencies' summaries.
struct ReviewChronologyView {
    var subject: ReviewSubject
    var entries: [ReviewChronology.Entry]

    func render(on req: Request) -> Response {
        req.page("Chronology: \(subject.reference)", section: subject.section) {
            Components.backLink(subject.page, "Back to the \(subject.kindName)")
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "\(subject.reference), \(subject.person.name)" }
                "The review's chronology"
            }
            el("p", .class("sg-body")) {
                "What the platform recorded at the time, merged in day order with the events from each summary the agencies have sent. "
                el("a", .href(subject.chronologyCSVURL), .class("sg-link")) { "Download as CSV" }
            }
            if entries.isEmpty {
                el("p", .class("sg-body")) { "Nothing recorded yet." }
            } else {
                Components.table(
                    caption: "\(entries.count) events", headers: ["Day", "Agency", "From", "What happened"],
                    rows: entries.map { e in
                        [
                            .text(e.day.longText), .text(e.agency),
                            e.source == .platform
                                ? Components.tag("Record", colour: "grey") : Components.tag("Summary", colour: "blue"),
                            .text(e.text),
                        ]
                    })
            }
        }
    }
}

extension ReviewSubject {
    package var section: Layout.Section {
        switch key {
        case .rapidReview: .seriousIncidents
        case .sar: .sars
        }
    }
}

extension ReviewSubject.Key {
    package var isRapidReview: Bool { if case .rapidReview = self { true } else { false } }
}
