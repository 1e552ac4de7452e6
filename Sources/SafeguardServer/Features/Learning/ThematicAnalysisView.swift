import SafeguardCore
import Vapor

/// The thematic analysis page: for the period and kinds chosen, how many reviews, the share with each theme as a
/// bar chart and a table, the overlaps of the three most frequent themes, and the figures as CSV.
struct ThematicAnalysisView {
    var analysis: ThematicAnalysis
    var scope: ThematicAnalysisController.Scope
    var mayManage: Bool

    func render(on req: Request, status: HTTPStatus) -> Response {
        let errors = scope.errors
        let period = scope.period
        return req.page("Themes across reviews", section: .learning, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.learning, "Learning")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Themes across reviews" }
            el("p", .class("sg-body")) {
                "Each review is coded with the professional themes it found, in four groups: practitioner, child, parental and external factors. "
                el("a", .href(.learningThemeVocabulary), .class("sg-link")) { "See the themes" }
                " or "
                el("a", .href(.learningReviews), .class("sg-link")) { "the reviews coded" }
                "."
            }
            filters(errors)
            el("h2", .class("sg-heading-m"), .id("analysis-heading")) {
                "\(analysis.reviews) review\(analysis.reviews == 1 ? "" : "s") completed \(period.lowerBound.longText) to \(period.upperBound.longText)"
            }
            if analysis.reviews == 0 {
                el("p", .class("sg-body"), .id("no-reviews")) {
                    "No coded reviews were completed in this period. Choose a longer period or other kinds of review."
                }
            } else {
                ThemeBarChart(id: "themes-chart", analysis: analysis).node
                el("p", .class("sg-body-s")) {
                    "Bars are coloured by group: practitioner factors blue, child factors green, parental factors purple, external factors grey. The table gives the same figures."
                }
                Components.table(
                    caption: "Share of reviews with each theme", headers: ["Theme", "Group", "Reviews", "Percent"],
                    rows: analysis.shares.map { s in
                        [
                            .text(s.theme.name), .text(s.theme.group.displayName),
                            .text("\(s.reviews) of \(analysis.reviews)"), .text("\(s.percent)%"),
                        ]
                    })
                el("p", .class("sg-body")) {
                    el(
                        "a", Attr("href", SiteURL.learningThemesCSV.with(query: scope.query)), .class("sg-link"),
                        Attr("download", nil)
                    ) {
                        "Download the figures (CSV)"
                    }
                }
                overlaps
            }
        }
    }

    private func filters(_ errors: FormErrors) -> Node {
        el("form", .getMethod, .action(.learningThemes), .class("sg-filter")) {
            Components.dateInput(
                "from", legend: "Reviews completed from", day: String(scope.period.lowerBound.day),
                month: String(scope.period.lowerBound.month),
                year: String(scope.period.lowerBound.year), errors: errors, hint: "For example, 1 4 2006")
            Components.dateInput(
                "to", legend: "To", day: String(scope.period.upperBound.day),
                month: String(scope.period.upperBound.month),
                year: String(scope.period.upperBound.year), errors: errors, hint: nil)
            Components.checkboxes(
                "kind", legend: "Kinds of review", options: ReviewKind.allCases.map { ($0.rawValue, $0.displayName) },
                selected: Set(scope.kinds.map(\.rawValue)), errors: errors, hint: "Leave all unticked for every kind")
            Components.button("Show", kind: "secondary")
        }
    }

    /// Seed 004's Venn diagram as a table: how many reviews have each combination of the three most frequent themes.
    @NodeBuilder private var overlaps: [Node] {
        if analysis.overlap != nil {
            el("h2", .class("sg-heading-m")) { "How the three most frequent themes overlap" }
            Components.table(
                caption: "Reviews by combination of the three most frequent themes",
                headers: ["Themes found", "Reviews"],
                rows: analysis.overlapRows.map { [.text($0.label), .text(String($0.reviews))] }, captionVisible: false)
            el("p", .class("sg-body")) {
                let none = analysis.reviews - analysis.overlapRows.map(\.reviews).reduce(0, +)
                "\(none) review\(none == 1 ? " has" : "s have") none of the three."
            }
        }
    }
}

/// The reviews the figures are built from, newest first, with their themes, and the same columns as CSV to correct and load again.
struct CodedReviewsView {
    var rows: [ReviewImport.Row]
    var vocabulary: ReviewThemeVocabulary

    func render(on req: Request) -> Response {
        req.page("Reviews coded with themes", section: .learning) {
            Components.backLink(.learningThemes, "Themes across reviews")
            el("h1", .class("sg-heading-l")) { "Reviews coded with themes" }
            el("p", .class("sg-body")) {
                "Older reviews are loaded by the business unit with "
                el("code") { "safeguard import reviews FILE.csv" }
                ". The download has the same columns, so it can be corrected and loaded again."
            }
            Components.table(
                caption: "\(rows.count) reviews", headers: ["Reference", "Review", "Kind", "Completed", "Themes"],
                rows: rows.map { r in
                    [
                        .text(r.review.reference), .text(r.title), .text(r.review.kind.displayName),
                        .text(r.review.completedOn.longText),
                        .text(
                            vocabulary.themes.filter { r.review.themes.contains($0.key) }.map(\.name).joined(
                                separator: "; ")),
                    ]
                })
            el("p", .class("sg-body")) {
                el("a", .href(.learningReviewsCSV), .class("sg-link"), Attr("download", nil)) {
                    "Download the reviews and their themes (CSV)"
                }
            }
        }
    }
}

/// The themes reviews are coded with, by group; the business unit adds the partnership's own.
struct ThemeVocabularyView {
    var vocabulary: ReviewThemeVocabulary
    var mayManage: Bool
    var fields: [String: String]
    var errors: FormErrors
    var banner: LearningFlash?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Themes", section: .learning, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.learningThemes, "Themes across reviews")
            if let banner { Components.notification(banner.message) }
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Themes reviews are coded with" }
            for group in ReviewThemeGroup.allCases {
                el("h2", .class("sg-heading-m")) { group.displayName }
                el("ul", .class("sg-list sg-list--bullet")) {
                    for t in vocabulary.themes where t.group == group { el("li") { t.name } }
                }
            }
            if mayManage {
                el("h2", .class("sg-heading-m"), .id("add-theme")) { "Add a theme" }
                el("form", .postMethod, .action(.learningThemeVocabulary), Attr("novalidate", nil)) {
                    Components.csrfField(req.csrfToken)
                    Components.textInput(
                        "name", label: "Theme", value: fields["name"] ?? "", errors: errors,
                        hint: "For example, “Neurodiversity”")
                    Components.radios(
                        "group", legend: "Group",
                        options: ReviewThemeGroup.allCases.map { ($0.rawValue, $0.displayName) },
                        selected: fields["group"] ?? "", errors: errors)
                    Components.button("Add theme")
                }
            }
        }
    }
}
