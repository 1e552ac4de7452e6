import SafeguardCore
import Vapor

/// "Record a missing episode" for one child.
struct MissingEpisodeFormView {
    var person: PersonHeading
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Record a missing episode", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.person(person.id), "Back to \(person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                "Record a missing episode"
            }
            el("form", .postMethod, .action(.personMissing(person.id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.radios(
                    "kind", legend: "Missing from",
                    options: MissingEpisodeKind.allCases.map { ($0.rawValue, $0.displayName) },
                    selected: fields["kind"] ?? "", errors: errors)
                Components.momentInput(
                    "started", legend: "When was \(person.firstName) last seen?", fields: fields, errors: errors)
                Components.textInput(
                    "police-reference", label: "Police reference (if known)", value: fields["police-reference"] ?? "",
                    errors: errors, width: "20")
                el("h2", .class("sg-heading-m")) { "If \(person.firstName) is back" }
                el("p", .class("sg-body")) {
                    "Leave this empty while \(person.firstName) is still missing: you can add the return later."
                }
                MissingEpisodeView.returnFields(fields, errors: errors)
                Components.button("Save")
            }
        }
    }
}

/// One missing episode: the return, the 72-hour return home interview, and the child's history.
struct MissingEpisodeView {
    /// What the domain's rules do not hold: the detail typed and who recorded what.
    struct Details: Sendable {
        /// Where exactly the child was found, in words: "Northgate Park".
        var whereFoundDetail: String?
        var policeReference: String?
        /// "Sam Okafor, Northmere Police".
        var recordedBy: String
        var interviewNotes: String?
        var interviewBy: String?
    }

    var person: PersonHeading
    var episode: MissingEpisode
    var details: Details
    /// Every episode of the child, oldest first.
    var history: [MissingEpisode]
    var now: Date
    var mayChange: Bool
    var fields: [String: String]
    var errors: FormErrors

    static func returnFields(_ fields: [String: String], errors: FormErrors) -> Node {
        fragment {
            Components.momentInput(
                "returned", legend: "When did they return or were found?", fields: fields, errors: errors)
            Components.radios(
                "where-found", legend: "Where were they found or returned to?",
                options: MissingWhereFound.allCases.map { ($0.rawValue, $0.displayName) },
                selected: fields["where-found"] ?? "", errors: errors)
            Components.textInput(
                "where-found-detail", label: "Where exactly (optional)", value: fields["where-found-detail"] ?? "",
                errors: errors,
                hint: "A place, street or town: it helps the exploitation panel see patterns")
        }
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Missing episode", section: .people, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let e = episode
        let id = episode.id
        let interview = e.interviewStatus(at: now)
        let repeatCheck = RepeatMissingRule.standard.assess(
            episodeStarts: history.map(\.startedAt), on: SimpleDate(now))
        let whereExactly = details.whereFoundDetail.map { ": \($0)" } ?? ""
        return fragment {
            Components.backLink(.person(person.id), "Back to \(person.name)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.name }
                e.kind.displayName
            }
            if repeatCheck.isRepeatMissing {
                el("div", .class("sg-warning-text")) {
                    el("span", .class("sg-warning-text__icon"), .aria("hidden", "true")) { "!" }
                    el("strong", .class("sg-warning-text__text")) {
                        el("span", .class("sg-visually-hidden")) { "Warning" }
                        "Repeat missing: \(repeatCheck.countingEpisodeIndices.count) episodes within \(RepeatMissingRule.standard.withinDays) days. Consider exploitation: assess the risk and talk to the exploitation panel."
                    }
                }
            }
            Components.summaryList([
                ("Last seen", .text(SiteFormat.dateTime(e.startedAt))),
                (
                    "Returned",
                    e.returnedAt.map { .text(SiteFormat.dateTime($0)) }
                        ?? Components.tag("Still missing", colour: "red")
                ),
                ("Where found", .text(e.whereFound.map { $0.displayName + whereExactly } ?? "–")),
                ("Police reference", .text(details.policeReference ?? "Not given")),
                ("Recorded by", .text(details.recordedBy)),
                (
                    "Return home interview",
                    fragment {
                        Components.tag(interview.displayName, colour: Self.colour(interview))
                        if let due = e.interviewDueBy { " due by \(SiteFormat.dateTime(due))" }
                    }
                ),
            ])
            if e.returnInterview.offeredAt != nil { interviewRecord }
            if mayChange && e.returnedAt == nil {
                el("h2", .class("sg-heading-m")) { "Record the return" }
                el("form", .postMethod, .action(.missingEpisodeReturn(id)), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Self.returnFields(fields, errors: errors)
                    Components.button("Record the return")
                }
            }
            if mayChange && e.returnedAt != nil && e.returnInterview.completedAt == nil && !e.returnInterview.declined {
                interviewForm(csrf, id)
            }
            el("h2", .class("sg-heading-m")) { "\(person.firstName)'s missing episodes" }
            Components.table(
                caption: "Every episode, oldest first; \(repeatCheck.episodesInLast12Months) in the last 12 months",
                headers: ["Last seen", "Returned", "Interview"],
                rows: history.map { h in
                    [
                        el("a", .href(.missingEpisode(h.id)), .class("sg-link")) { SiteFormat.dateTime(h.startedAt) },
                        .text(h.returnedAt.map(SiteFormat.dateTime) ?? "Still missing"),
                        .text(h.interviewStatus(at: now).displayName),
                    ]
                })
        }
    }

    private var interviewRecord: Node {
        let interview = episode.returnInterview
        return Components.summaryList([
            ("Interview offered", .text(interview.offeredAt.map(SiteFormat.dateTime) ?? "")),
            (
                "Interview",
                .text(
                    interview.completedAt.map { "Done \(SiteFormat.dateTime($0))" }
                        ?? (interview.declined ? "Declined" : "Not yet"))
            ),
            ("What was said", .text(details.interviewNotes ?? "")),
            ("Recorded by", .text(details.interviewBy ?? "")),
        ])
    }

    private func interviewForm(_ csrf: String, _ id: UUID) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Return home interview" }
            el("p", .class("sg-body")) {
                "An independent return home interview must be offered, and should be done, within 72 hours of the return."
            }
            el("form", .postMethod, .action(.missingEpisodeInterview(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.momentInput("offered", legend: "When was it offered?", fields: fields, errors: errors)
                Components.radios(
                    "outcome", legend: "Was it done?",
                    options: [("completed", "Yes, it was done"), ("declined", "No, the child declined")],
                    selected: fields["outcome"] ?? "", errors: errors)
                Components.momentInput(
                    "completed", legend: "When was it done? (if done)", fields: fields, errors: errors)
                Components.textarea(
                    "interview-notes", label: "What the child said, or why they declined",
                    value: fields["interview-notes"] ?? "",
                    errors: errors,
                    hint: "Where they were, who with, what happened, what would help: the panel reads this for patterns"
                )
                Components.button("Save the interview")
            }
        }
    }

    static func colour(_ s: ReturnHomeInterviewStatus) -> String {
        switch s {
        case .doneInTime: "green"
        case .due, .notDueYet: "yellow"
        case .overdue, .doneLate: "red"
        case .declined: "grey"
        }
    }
}
