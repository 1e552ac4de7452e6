import SafeguardCore
import Vapor

/// The reports page: the two tables an annual report publishes (attendance by course with times
/// run, attendance by agency), no-show rates, and links to each course's evaluation results.
struct TrainingReportsView {
    var source: TrainingReportsController.Source
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus) -> Response {
        let period = source.period
        let query = [("from", period.lowerBound.iso), ("to", period.upperBound.iso)]
        let byAgency = source.byAgency
        return req.page("Training reports", section: .trainingReports, hasErrors: !errors.isEmpty, status: status) {
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Training reports" }
            Self.periodForm(.trainingReports, period: period, errors: errors)
            el("h2", .class("sg-heading-m")) { "\(period.lowerBound.longText) to \(period.upperBound.longText)" }
            Components.table(
                caption: "Attendance by course",
                headers: ["Name of course", "Total number of attendees", "How many times the course ran"],
                rows: source.byCourse.map { r in
                    r.isTotal
                        ? [
                            el("strong") { "Total" }, el("strong") { String(r.attendees) },
                            el("strong") { String(r.timesRun) },
                        ]
                        : [.text(r.displayName), .text(String(r.attendees)), .text(String(r.timesRun))]
                })
            csvLink(.trainingReportCSV("attendance-by-course"), query, "Download attendance by course (CSV)")
            Components.table(
                caption: "Attendance by agency", headers: ["Agency", "Total number of attendees per agency"],
                rows: byAgency.rows.map { r in
                    r.isTotal
                        ? [el("strong") { "Total" }, el("strong") { String(r.attendees) }]
                        : [.text(r.displayName), .text(String(r.attendees))]
                })
            if byAgency.notRecorded > 0 {
                el("p", .class("sg-body"), .id("agency-not-recorded")) {
                    "A further \(byAgency.notRecorded) attendances have no agency recorded (\(byAgency.allAttendees) attendances in all)."
                }
            }
            csvLink(.trainingReportCSV("attendance-by-agency"), query, "Download attendance by agency (CSV)")
            Components.table(
                caption: "No-shows and late cancellations (face to face and virtual)",
                headers: [
                    "Course", "Booked places", "Attended", "No-shows", "Late cancellations", "No-show rate",
                    "Register not taken",
                ],
                rows: source.noShows.map { r in
                    [
                        r.isTotal ? el("strong") { r.displayName } : .text(r.displayName),
                        .text(String(r.bookedPlaces)), .text(String(r.attended)),
                        .text(String(r.noShows)), .text(String(r.lateCancellations)),
                        .text(r.noShowPercent.map { String(format: "%.1f%%", $0) } ?? "–"),
                        .text(String(r.registerNotTaken)),
                    ]
                })
            csvLink(.trainingReportCSV("no-shows"), query, "Download no-show rates (CSV)")
            el("h2", .class("sg-heading-m")) { "Evaluation results" }
            el("ul", .class("sg-list")) {
                for c in source.courses {
                    el("li") {
                        el(
                            "a", Attr("href", SiteURL.trainingCourseEvaluations(c.id).with(query: query)),
                            .class("sg-link")
                        ) { c.title }
                    }
                }
            }
        }
    }

    private func csvLink(_ url: SiteURL, _ query: [(String, String)], _ text: String) -> Node {
        el("p", .class("sg-body")) {
            el("a", Attr("href", url.with(query: query)), .class("sg-link"), Attr("download", nil)) { text }
        }
    }

    /// "From" and "to" for a report's period, as a GET form so the page can be bookmarked.
    static func periodForm(_ url: SiteURL, period: ClosedRange<SimpleDate>, errors: FormErrors) -> Node {
        el("form", Attr("method", "get"), .action(url), .class("sg-filter")) {
            Components.dateInput(
                "from", legend: "From", day: String(period.lowerBound.day), month: String(period.lowerBound.month),
                year: String(period.lowerBound.year), errors: errors, hint: "For example, 1 4 2026")
            Components.dateInput(
                "to", legend: "To", day: String(period.upperBound.day), month: String(period.upperBound.month),
                year: String(period.upperBound.year), errors: errors, hint: nil)
            Components.button("Show", kind: "secondary")
        }
    }
}

/// One course's evaluation results: per question, the distribution and mean, yes/no shares or comments.
struct EvaluationResultsView {
    var courseID: UUID
    var courseTitle: String
    var summary: EvaluationSummary
    var period: ClosedRange<SimpleDate>
    var errors: FormErrors
    /// Trainers come back to the course; report readers to the reports.
    var mayManage: Bool

    func render(on req: Request) -> Response {
        req.page(
            "Evaluation results: \(courseTitle)", section: mayManage ? .trainingManage : .trainingReports,
            hasErrors: !errors.isEmpty
        ) { body }
    }

    var body: Node {
        let id = courseID
        let query = [("from", period.lowerBound.iso), ("to", period.upperBound.iso)]
        return fragment {
            Components.backLink(mayManage ? .trainingCourse(id) : .trainingReports, "Back")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { courseTitle }
                "Evaluation results"
            }
            TrainingReportsView.periodForm(.trainingCourseEvaluations(id), period: period, errors: errors)
            el("p", .class("sg-body")) {
                "\(summary.responses) evaluation\(summary.responses == 1 ? "" : "s") sent from \(period.lowerBound.longText) to \(period.upperBound.longText). "
                el(
                    "a", Attr("href", SiteURL.trainingCourseEvaluationsCSV(id).with(query: query)), .class("sg-link"),
                    Attr("download", nil)
                ) {
                    "Download results (CSV)"
                }
            }
            for result in summary.questions { question(result) }
        }
    }

    private func question(_ r: EvaluationSummary.QuestionResult) -> Node {
        el("section", .class("sg-evaluation-result")) {
            el("h2", .class("sg-heading-s")) { r.question.text }
            switch r.question.kind {
            case .rating:
                Components.table(
                    caption: "Answers to: \(r.question.text)", headers: ["Rating", "Answers"],
                    rows: r.distribution.enumerated().map { i, n in
                        [.text("\(i + 1) – \(r.question.ratingLabels[i])"), .text(String(n))]
                    }
                        + [
                            [
                                el("strong") { "Mean" },
                                el("strong") { r.mean.map { String(format: "%.1f", $0) } ?? "–" },
                            ]
                        ],
                    captionVisible: false)
            case .yesNo:
                el("p", .class("sg-body")) {
                    "Yes: \(r.yes) (\(r.yesPercent.map { String(format: "%.1f%%", $0) } ?? "–")). No: \(r.no) (\(r.noPercent.map { String(format: "%.1f%%", $0) } ?? "–"))."
                }
            case .freeText:
                if r.comments.isEmpty { el("p", .class("sg-body")) { "No comments." } }
                el("ul", .class("sg-list sg-list--bullet")) { for c in r.comments { el("li") { c } } }
            }
        }
    }
}
