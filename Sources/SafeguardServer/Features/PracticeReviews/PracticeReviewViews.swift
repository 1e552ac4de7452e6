import SafeguardCore
import Vapor

struct PracticeReviewListView {
    var rows: [(id: UUID, reference: String, title: String, review: PracticeReview)]
    var today: SimpleDate

    func render(on req: Request) -> Response {
        req.page("Practice reviews", section: .practiceReviews) {
            el("h1", .class("sg-heading-l")) { "Practice reviews" }
            el("p", .class("sg-body")) {
                "Local child safeguarding practice reviews and Safeguarding Adults Reviews, from commissioning to publication."
            }
            if rows.isEmpty {
                el("p", .class("sg-body"), .id("no-reviews")) { "No practice reviews you can open." }
            } else {
                Components.table(
                    caption: "Practice reviews", headers: ["Review", "Kind", "Decided", "Publication", "Stage"],
                    rows: rows.map { r in
                        [
                            el("a", .href(.practiceReview(r.id)), .class("sg-link")) { "\(r.title) (\(r.reference))" },
                            .text(r.review.kind.displayName),
                            .text(r.review.decidedOn.longText),
                            .text(
                                r.review.publishedOn.map { "Published \($0.longText)" }
                                    ?? (r.review.notPublishingReason.isEmpty
                                        ? "Due by \(r.review.publicationDue.longText)" : "Not to be published")),
                            .text(PracticeReviewPage.stageName(r.review.stage)),
                        ]
                    }, captionVisible: false)
            }
        }
    }
}

/// One practice review: its plan and progress, and the business unit's forms for each step.
struct PracticeReviewPage {
    var id: UUID
    var reference: String
    var title: String
    var review: PracticeReview
    var mayManage: Bool
    var today: SimpleDate
    var fields: [String: String]
    var errors: FormErrors
    /// Its themes for the thematic analysis, and the vocabulary they come from.
    var coding: Coding? = nil

    struct Coding {
        var vocabulary: ReviewThemeVocabulary
        var themes: Set<String>
    }

    static func stageName(_ s: PracticeReview.Stage) -> String {
        switch s {
        case .commissioned: "Commissioned: terms of reference to agree"
        case .underway: "Under way"
        case .boardResponded: "The board has responded: ready to publish"
        case .published: "Published"
        case .notPublished: "Not to be published"
        }
    }

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        let r = review
        let csrf = req.csrfToken
        let banner: String? =
            switch (try? req.query.get(String.self, at: "done")) ?? "" {
            case "commissioned": "The review is commissioned. Agree its terms of reference and reviewer."
            case "saved": "Saved."
            case "coded": "The review's themes are saved; the thematic analysis counts it."
            default: nil
            }
        return req.page(
            "\(title): practice review", section: .practiceReviews, hasErrors: !errors.isEmpty, status: status
        ) {
            Components.backLink(.practiceReviews, "Practice reviews")
            if let banner { Components.notification(banner) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "\(r.kind.displayName), \(reference)" }
                title
            }
            el("p", .class("sg-body"), .id("review-stage")) {
                Components.tag(Self.stageName(r.stage), colour: r.stage == .published ? "green" : "blue")
                r.publishedOn == nil && r.notPublishingReason.isEmpty
                    ? " Publication due by \(r.publicationDue.longText), \(r.publicationDue < today ? "now overdue" : "from the decision on \(r.decidedOn.longText)")."
                    : ""
            }
            Components.summaryList([
                ("Terms of reference", .text(r.termsOfReference.isEmpty ? "Not agreed yet" : r.termsOfReference)),
                ("Reviewer", .text(r.reviewer.isEmpty ? "Not appointed yet" : r.reviewer)),
                ("Family involvement", .text(r.familyInvolvement.isEmpty ? "Not recorded yet" : r.familyInvolvement)),
                (
                    "The board's response",
                    .text(
                        r.boardResponse.isEmpty
                            ? "Not yet" : "\(r.boardResponse) (\(r.boardResponseOn?.longText ?? ""))")
                ),
                (
                    "Published",
                    .text(
                        r.publishedOn.map { $0.longText + (r.lateReason.isEmpty ? "" : ", late: \(r.lateReason)") }
                            ?? (r.notPublishingReason.isEmpty
                                ? "Not yet" : "Not to be published: \(r.notPublishingReason)"))
                ),
            ])
            el("h2", .class("sg-heading-m")) { "Milestones" }
            if r.milestones.isEmpty {
                el("p", .class("sg-body")) { "None set." }
            } else {
                Components.table(
                    caption: "Milestones",
                    headers: ["Milestone", "Due", "Done"] + (mayManage && !r.isClosed ? [""] : []),
                    rows: r.milestones.enumerated().map { i, m in
                        [
                            .text(m.name), .text(m.dueOn.longText),
                            .text(m.doneOn?.longText ?? (m.dueOn < today ? "Overdue" : "Not yet")),
                        ]
                            + (mayManage && !r.isClosed
                                ? [
                                    m.doneOn == nil
                                        ? el("form", .postMethod, .action(.practiceReviewStep(id, "milestone-done"))) {
                                            Components.csrfField(csrf)
                                            void("input", attrs: [.type("hidden"), .name("index"), .value(String(i))])
                                            el(
                                                "button", .type("submit"),
                                                .class("sg-button sg-button--secondary sg-button--small")
                                            ) {
                                                "Mark done"
                                                el("span", .class("sg-visually-hidden")) { ": \(m.name)" }
                                            }
                                        } : .text("")
                                ] : [])
                    }, captionVisible: false)
            }
            el("h2", .class("sg-heading-m")) { "Drafts" }
            if r.drafts.isEmpty {
                el("p", .class("sg-body")) { "No draft shared yet." }
            } else {
                Components.table(
                    caption: "Drafts and who has seen them", headers: ["Draft", "Shared", "Seen by"],
                    rows: r.drafts.map { d in
                        [
                            .text("Draft \(d.version)"), .text(d.sharedOn.longText),
                            .text(d.seenBy.joined(separator: "; ")),
                        ]
                    }, captionVisible: false)
            }
            if mayManage && !r.isClosed { forms(r, csrf: csrf) }
            if let coding { themes(coding, r, csrf: csrf) }
        }
    }

    /// The themes the review found, as the thematic analysis counts them; the business unit codes it once the
    /// board has responded.
    @NodeBuilder private func themes(_ coding: Coding, _ r: PracticeReview, csrf: String) -> [Node] {
        el("h2", .class("sg-heading-m"), .id("themes-heading")) { "Themes for the thematic analysis" }
        let names = coding.vocabulary.themes.filter { coding.themes.contains($0.key) }.map(\.name)
        if mayManage && r.concludedOn != nil {
            el("form", .postMethod, .action(.practiceReviewStep(id, "themes")), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                let error = errors["themes"]
                el("div", .class(error != nil ? "sg-form-group sg-form-group--error" : "sg-form-group")) {
                    el("fieldset", .class("sg-fieldset"), .aria("describedby", "themes-hint")) {
                        el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) {
                            "Which themes did the review find?"
                        }
                        el("div", .class("sg-hint"), .id("themes-hint")) {
                            "Choose every theme in its findings; saving again replaces the review's coding"
                        }
                        if let error { Components.errorMessage("themes", error) }
                        let first = coding.vocabulary.themes.first?.key
                        for group in ReviewThemeGroup.allCases {
                            el("h3", .class("sg-heading-s")) { group.displayName }
                            el("div", .class("sg-checkboxes sg-checkboxes--small")) {
                                for t in coding.vocabulary.themes where t.group == group {
                                    let fieldID = t.key == first ? "themes" : "theme-\(t.key)"
                                    el("div", .class("sg-checkboxes__item")) {
                                        void(
                                            "input",
                                            attrs: [
                                                .class("sg-checkboxes__input"), .id(fieldID), .name("themes[]"),
                                                .type("checkbox"), .value(t.key),
                                            ]
                                                + (coding.themes.contains(t.key) ? [.flag("checked")] : []))
                                        el("label", .class("sg-label sg-checkboxes__label"), .for(fieldID)) { t.name }
                                    }
                                }
                            }
                        }
                    }
                }
                Components.button(names.isEmpty ? "Save the themes" : "Save the changed themes", kind: "secondary")
            }
        } else if names.isEmpty {
            el("p", .class("sg-body")) {
                r.concludedOn == nil ? "Coded once the board has responded to its findings." : "Not coded yet."
            }
        } else {
            el("ul", .class("sg-list sg-list--bullet")) { for n in names { el("li") { n } } }
        }
        el("p", .class("sg-body")) {
            el("a", .href(.learningThemes), .class("sg-link")) { "The thematic analysis across reviews" }
        }
    }

    @NodeBuilder private func forms(_ r: PracticeReview, csrf: String) -> [Node] {
        el("h2", .class("sg-heading-m")) { "Terms of reference, reviewer and family" }
        el("form", .postMethod, .action(.practiceReviewStep(id, "set-up")), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textarea(
                "terms", label: "Terms of reference", value: fields["terms"] ?? r.termsOfReference, errors: errors,
                rows: 4)
            Components.textInput(
                "reviewer", label: "Reviewer", value: fields["reviewer"] ?? r.reviewer, errors: errors,
                hint: "The independent reviewer or author")
            Components.textarea(
                "family", label: "Family involvement", value: fields["family"] ?? r.familyInvolvement, errors: errors,
                hint: "How the family is involved, or why it is not", rows: 2)
            Components.button("Save", kind: "secondary")
        }
        el("h2", .class("sg-heading-m")) { "Add a milestone" }
        el("form", .postMethod, .action(.practiceReviewStep(id, "milestone")), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textInput(
                "milestone", label: "Milestone", value: fields["milestone"] ?? "", errors: errors,
                hint: "For example, practitioner learning event")
            Components.dateInput(
                "milestone-due", legend: "Due by", day: fields["milestone-due-day"] ?? "",
                month: fields["milestone-due-month"] ?? "",
                year: fields["milestone-due-year"] ?? "", errors: errors, hint: "For example, 31 3 2027")
            Components.button("Add milestone", kind: "secondary")
        }
        el("h2", .class("sg-heading-m")) { "Record a draft shared" }
        el("form", .postMethod, .action(.practiceReviewStep(id, "draft")), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textarea(
                "seen-by", label: "Who has seen it?", value: fields["seen-by"] ?? "", errors: errors,
                hint: "One per line: the family, each agency, the board", rows: 3)
            Components.dateInput(
                "shared", legend: "Shared on", day: fields["shared-day"] ?? "", month: fields["shared-month"] ?? "",
                year: fields["shared-year"] ?? "",
                errors: errors, hint: "Leave empty for today")
            Components.button("Record the draft", kind: "secondary")
        }
        el("h2", .class("sg-heading-m")) { "The board's response" }
        el("form", .postMethod, .action(.practiceReviewStep(id, "board-response")), Attr("novalidate", nil)) {
            Components.csrfField(csrf)
            Components.textarea(
                "board-response", label: "What the board said", value: fields["board-response"] ?? r.boardResponse,
                errors: errors, rows: 3)
            Components.button("Record the response", kind: "secondary")
        }
        if r.stage == .boardResponded {
            el("h2", .class("sg-heading-m")) { "Publish" }
            el("form", .postMethod, .action(.practiceReviewStep(id, "publish")), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.dateInput(
                    "published", legend: "Published on", day: fields["published-day"] ?? "",
                    month: fields["published-month"] ?? "",
                    year: fields["published-year"] ?? "", errors: errors, hint: "Due by \(r.publicationDue.longText)")
                Components.textarea(
                    "publish-late-reason", label: "If it is late, why?", value: fields["publish-late-reason"] ?? "",
                    errors: errors, rows: 2)
                Components.button("Record publication")
            }
        }
        el("details", .class("sg-details")) {
            el("summary", .class("sg-details__summary")) {
                el("span", .class("sg-details__summary-text")) { "It will not be published" }
            }
            el("div", .class("sg-details__text")) {
                el("form", .postMethod, .action(.practiceReviewStep(id, "not-publishing")), Attr("novalidate", nil)) {
                    Components.csrfField(csrf)
                    Components.textarea(
                        "not-publishing-reason", label: "Why will it not be published?",
                        value: fields["not-publishing-reason"] ?? "",
                        errors: errors, rows: 3)
                    Components.button("Record the decision not to publish", kind: "warning")
                }
            }
        }
    }
}
