import SafeguardCore
import Vapor

/// "Record a missing episode" for one child.
struct MissingEpisodeFormView {
    var person: Person
    var fields: [String: String]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) throws -> Response {
        let id = try person.requireID()
        return req.page("Record a missing episode", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(id), "Back to \(person.fullName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { person.fullName }
                "Record a missing episode"
            }
            el("form", .postMethod, .action(.personMissing(id)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
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
    var episode: MissingEpisodeRecord
    var history: [MissingEpisodeRecord]
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

    func render(on req: Request, status: HTTPStatus = .ok) throws -> Response {
        let e = episode
        let id = try episode.requireID()
        let domain = episode.episode
        let interview = domain.interviewStatus(at: now)
        let repeatCheck = RepeatMissingRule.standard.assess(
            episodeStarts: history.map(\.startedAt), on: SimpleDate(now))
        return req.page("Missing episode", section: .people, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.person(e.$person.id), "Back to \(e.person.fullName)")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { e.person.fullName }
                domain.kind.displayName
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
                (
                    "Where found",
                    .text(
                        domain.whereFound.map { $0.displayName + (e.whereFoundDetail.map { ": \($0)" } ?? "") } ?? "–")
                ),
                ("Police reference", .text(e.policeReference ?? "Not given")),
                ("Recorded by", .text("\(e.recordedBy.displayName), \(e.agency.name)")),
                (
                    "Return home interview",
                    fragment {
                        Components.tag(interview.displayName, colour: Self.colour(interview))
                        if let due = domain.interviewDueBy { " due by \(SiteFormat.dateTime(due))" }
                    }
                ),
            ])
            if e.interviewOfferedAt != nil { interviewRecord }
            if mayChange && e.returnedAt == nil {
                el("h2", .class("sg-heading-m")) { "Record the return" }
                el("form", .postMethod, .action(.missingEpisodeReturn(id)), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    Self.returnFields(fields, errors: errors)
                    Components.button("Record the return")
                }
            }
            if mayChange && e.returnedAt != nil && e.interviewCompletedAt == nil && !e.interviewDeclined {
                interviewForm(req, id)
            }
            el("h2", .class("sg-heading-m")) { "\(e.person.firstName)'s missing episodes" }
            Components.table(
                caption: "Every episode, oldest first; \(repeatCheck.episodesInLast12Months) in the last 12 months",
                headers: ["Last seen", "Returned", "Interview"],
                rows: history.map { h in
                    [
                        el("a", .href(.missingEpisode(h.id!)), .class("sg-link")) { SiteFormat.dateTime(h.startedAt) },
                        .text(h.returnedAt.map(SiteFormat.dateTime) ?? "Still missing"),
                        .text(h.episode.interviewStatus(at: now).displayName),
                    ]
                })
        }
    }

    private var interviewRecord: Node {
        let e = episode
        return Components.summaryList([
            ("Interview offered", .text(e.interviewOfferedAt.map(SiteFormat.dateTime) ?? "")),
            (
                "Interview",
                .text(
                    e.interviewCompletedAt.map { "Done \(SiteFormat.dateTime($0))" }
                        ?? (e.interviewDeclined ? "Declined" : "Not yet"))
            ),
            ("What was said", .text(e.interviewNotes ?? "")),
            ("Recorded by", .text(e.interviewBy?.displayName ?? "")),
        ])
    }

    private func interviewForm(_ req: Request, _ id: UUID) -> Node {
        fragment {
            el("h2", .class("sg-heading-m")) { "Return home interview" }
            el("p", .class("sg-body")) {
                "An independent return home interview must be offered, and should be done, within 72 hours of the return."
            }
            el("form", .postMethod, .action(.missingEpisodeInterview(id)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
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
