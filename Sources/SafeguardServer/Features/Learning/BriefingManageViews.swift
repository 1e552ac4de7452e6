import SafeguardCore
import Vapor

/// Writing or changing a briefing. Nothing is chosen for the writer: the review, theme and course start empty.
struct BriefingFormView {
    var editing: UUID?
    var fields: [String: String]
    var errors: FormErrors
    var sources: LearningSources
    /// Set when a save was held back because someone else saved the briefing after the form was opened.
    var meanwhile: [EditDifference]? = nil

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let title = editing == nil ? "Write a 7-minute briefing" : "Change the briefing"
        return req.page(title, section: .learning, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(editing.map { .learningBriefing($0) } ?? .learning, "Back")
            Components.errorSummary(errors)
            if let meanwhile { Components.changedMeanwhile(meanwhile, saved: "this briefing") }
            el("h1", .class("sg-heading-l")) { title }
            el("p", .class("sg-body")) {
                "Seven short sections that fit one printed page: up to \(SevenMinuteBriefing.wordsPerSection) words each. "
                "You can save an unfinished briefing; nobody else sees it until you publish it."
            }
            el(
                "form", .postMethod, .action(editing.map { .learningBriefingEdit($0) } ?? .learningBriefingNew),
                Attr("novalidate", nil)
            ) {
                Components.csrfField(req.csrfToken)
                if editing != nil { Components.openedAsField(fields["opened-as"]) }
                Components.textInput(
                    "title", label: "Title", value: fields["title"] ?? "", errors: errors,
                    hint: "What a practitioner would look for, for example “The men around a baby”")
                Components.select(
                    "review", label: "Review it draws on (optional)",
                    options: [("", "None")] + sources.reviews.map { ($0.reference, "\($0.title) (\($0.reference))") },
                    selected: fields["review"] ?? "", errors: errors)
                Components.select(
                    "theme", label: "Theme (optional)",
                    options: [("", "None")]
                        + sources.vocabulary.themes.map {
                            ($0.key, "\($0.name) – \($0.group.displayName.lowercased())")
                        },
                    selected: fields["theme"] ?? "", errors: errors,
                    hint: "A briefing must draw on a review or a theme before it is published")
                Components.select(
                    "course", label: "Related training course (optional)",
                    options: [("", "None")] + sources.courses.map { ($0.id.uuidString, $0.title) },
                    selected: fields["course"] ?? "", errors: errors)
                for s in BriefingSection.allCases {
                    Components.textarea(
                        s.rawValue, label: "\(s.number). \(s.heading)", value: fields[s.rawValue] ?? "", errors: errors,
                        hint: s.hint, rows: 4)
                }
                Components.button("Save briefing")
            }
        }
    }
}

/// The check before publishing: the briefing as readers will see it, what is missing, and one button.
struct BriefingPublishView {
    var listing: BriefingListing
    var problems: [FieldProblem]

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let id = listing.id
        let b = listing.briefing
        // The summary's links go to the form, where each field is.
        return req.page(
            "Check and publish: \(b.title)", section: .learning, hasErrors: !problems.isEmpty, status: status
        ) {
            Components.backLink(.learningBriefing(id), "Back")
            if !problems.isEmpty {
                el(
                    "div", .class("sg-error-summary"), Attr("role", "alert"),
                    .aria("labelledby", "error-summary-title"), Attr("tabindex", "-1")
                ) {
                    el("h2", .class("sg-error-summary__title"), .id("error-summary-title")) {
                        "Before this briefing can be published"
                    }
                    el("ul", .class("sg-list sg-error-summary__list")) {
                        for p in problems {
                            el("li") {
                                el("a", Attr("href", SiteURL.learningBriefingEdit(id).path + "#" + p.field)) {
                                    p.message
                                }
                            }
                        }
                    }
                }
            }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Check before publishing" }
                b.title
            }
            el("p", .class("sg-body")) {
                listing.source.isEmpty ? "Not yet linked to a review or theme." : "Learning from: \(listing.source)."
            }
            BriefingView.sections(b)
            if problems.isEmpty {
                el("p", .class("sg-body")) {
                    "Publishing shows this briefing to everyone who signs in, on the Learning page. You can withdraw it later."
                }
                el("form", .postMethod, .action(.learningBriefingPublish(id))) {
                    Components.csrfField(req.csrfToken)
                    Components.button("Publish to everyone")
                }
            } else {
                el("a", .href(.learningBriefingEdit(id)), .class("sg-button"), Attr("role", "button")) {
                    "Change the briefing"
                }
            }
        }
    }
}

/// Withdrawing needs a reason: readers who come back to it are told why it went.
struct BriefingWithdrawView {
    var listing: BriefingListing
    var reason: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let id = listing.id
        return req.page(
            "Withdraw: \(listing.briefing.title)", section: .learning, hasErrors: !errors.isEmpty, status: status
        ) {
            Components.backLink(.learningBriefing(id), "Back")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { listing.briefing.title }
                "Withdraw this briefing"
            }
            el("p", .class("sg-body")) {
                "Readers will no longer see it. Its readings are kept, and you can correct it and publish it again."
            }
            el("form", .postMethod, .action(.learningBriefingWithdraw(id)), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
                Components.textarea(
                    "reason", label: "Why is it being withdrawn?", value: reason, errors: errors,
                    hint: "For example, “Superseded by the 2027 procedures”", rows: 3)
                el("div", .class("sg-button-group")) {
                    Components.button("Withdraw briefing", kind: "warning")
                    el("a", .href(.learningBriefing(id)), .class("sg-link")) { "Cancel" }
                }
            }
        }
    }
}

/// Who has read a briefing: each agency's users and how many marked it read, with the total and CSV.
struct BriefingReadsView {
    var listing: BriefingListing
    var readership: BriefingReadership

    func render(on req: Request) -> Response {
        let id = listing.id
        return req.page("Who has read: \(listing.briefing.title)", section: .learning) {
            Components.backLink(.learningBriefing(id), "Back to the briefing")
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { listing.briefing.title }
                "Who has read it"
            }
            el("p", .class("sg-body")) {
                "\(readership.total.read) of \(readership.total.staff) people with an account have marked it read"
                readership.total.percent.map { " (\($0)%)." } ?? "."
            }
            Components.table(
                caption: "Readers by agency", headers: ["Agency", "People with an account", "Read", "Percent read"],
                rows: readership.rows.map { r in
                    [
                        .text(r.agency), .text(String(r.staff)), .text(String(r.read)),
                        .text(r.percent.map { "\($0)%" } ?? "–"),
                    ]
                }
                    + [
                        [
                            el("strong") { "Total" }, el("strong") { String(readership.total.staff) },
                            el("strong") { String(readership.total.read) },
                            el("strong") { readership.total.percent.map { "\($0)%" } ?? "–" },
                        ]
                    ])
            el("p", .class("sg-body")) {
                el("a", .href(.learningBriefingReadsCSV(id)), .class("sg-link"), Attr("download", nil)) {
                    "Download readers by agency (CSV)"
                }
            }
        }
    }
}
