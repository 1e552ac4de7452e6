import SafeguardCore

extension PersonRecordView {
    /// Every assessment the viewer may read, when each tool is next due, and a trend chart with a
    /// data table for each tool used more than once, so improvement or deterioration shows at a glance.
    var assessments: Node {
        let a = record.assessments
        return card(
            "Assessments", actions: a.mayRecord ? [("Start an assessment", .personAssessmentNew(record.id))] : []
        ) {
            if a.lines.isEmpty {
                el("p", .class("sg-body")) { "No assessment recorded." }
            } else {
                Components.table(
                    caption: "Assessments, newest first", headers: ["Tool", "Date", "Level", "Status", "Agency"],
                    rows: a.lines.map { l in
                        [
                            el("a", .href(.assessment(l.id)), .class("sg-link")) { l.title },
                            .text(l.assessedOn?.longText ?? "Not yet"),
                            l.level.map { Components.tag($0.label, colour: $0.colour.rawValue) } ?? .text("–"),
                            .text(l.status.displayName), .text(l.agency),
                        ]
                    }, captionVisible: false)
            }
            if !a.due.isEmpty {
                Components.summaryList(
                    a.due.map { d in
                        (
                            "\(d.title): next due",
                            fragment {
                                d.date.longText
                                if d.overdue {
                                    " "
                                    Components.tag("Overdue", colour: "red")
                                }
                            }
                        )
                    })
            }
            for (i, t) in a.trends.enumerated() {
                el("h3", .class("sg-heading-s")) { "\(t.title): change over time" }
                TrendChart(
                    id: "trend-\(i + 1)", title: "\(t.title) for \(record.fullName), \(t.points.count) assessments",
                    levels: t.levels, points: t.points
                ).node
                Components.table(
                    caption: "\(t.title) by category, most recent \(t.dates.count) assessments",
                    headers: ["Category"] + t.dates.map(\.longText),
                    rows: t.rows.map { row in [.text(row.0)] + row.1.map { Node.text($0) } })
            }
        }
    }
}
