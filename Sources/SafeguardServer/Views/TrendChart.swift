import Foundation
import SafeguardCore

/// A line chart of an ordered level over time (e.g. none → significant), drawn as SVG on the
/// server. It is an image with a text description; pages put a data table beside it.
struct TrendChart {
    struct Point {
        var date: SimpleDate
        var rank: Int
        var label: String
    }

    var id: String
    var title: String
    /// Level labels, lowest first: the y axis.
    var levels: [String]
    var points: [Point]

    private let width = 640.0, left = 150.0, right = 20.0, top = 20.0, rowHeight = 40.0, bottom = 40.0

    var node: Node {
        let height = top + rowHeight * Double(max(levels.count - 1, 1)) + bottom
        return el(
            "svg", Attr("xmlns", "http://www.w3.org/2000/svg"), .class("sg-chart"),
            Attr("viewBox", "0 0 \(Int(width)) \(Int(height))"),
            Attr("role", "img"), .aria("labelledby", "\(id)-title \(id)-desc")
        ) {
            el("title", .id("\(id)-title")) { title }
            el("desc", .id("\(id)-desc")) { description }
            for (rank, label) in levels.enumerated() {
                el(
                    "line", .class("sg-chart__grid"), Attr("x1", fmt(left - 10)), Attr("x2", fmt(width - right)),
                    Attr("y1", fmt(y(rank))), Attr("y2", fmt(y(rank))))
                el("text", .class("sg-chart__label"), Attr("x", "0"), Attr("y", fmt(y(rank) + 4))) { label }
            }
            el(
                "polyline", .class("sg-chart__line"),
                Attr("points", points.indices.map { "\(fmt(x($0))),\(fmt(y(points[$0].rank)))" }.joined(separator: " "))
            )
            for (i, p) in points.enumerated() {
                el(
                    "circle", .class("sg-chart__point"), Attr("cx", fmt(x(i))), Attr("cy", fmt(y(p.rank))),
                    Attr("r", "6")
                ) {
                    el("title") { "\(p.date.longText): \(p.label)" }
                }
                if i == 0 || i == points.count - 1 || points.count <= 6 {
                    el(
                        "text", .class("sg-chart__label"), Attr("x", fmt(x(i))), Attr("y", fmt(height - 12)),
                        Attr("text-anchor", i == points.count - 1 && points.count > 1 ? "end" : "middle")
                    ) { shortDate(p.date) }
                }
            }
        }
    }

    /// What the chart shows, in words: read by screen readers in place of the picture.
    var description: String {
        points.map { "\($0.label) on \($0.date.longText)" }.joined(separator: ", then ")
    }

    private func y(_ rank: Int) -> Double {
        top + rowHeight * Double(max(levels.count - 1, 1) - rank)
    }

    /// Points are spread by date, so a long gap between assessments shows as one.
    private func x(_ i: Int) -> Double {
        let first = points.first!.date.dayNumber
        let last = points.last!.date.dayNumber
        let span = width - right - left - 20
        guard last > first else { return left + 10 + span * Double(i) / Double(max(points.count - 1, 1)) }
        return left + 10 + span * Double(points[i].date.dayNumber - first) / Double(last - first)
    }

    private func fmt(_ d: Double) -> String { String(format: "%.1f", d) }

    private func shortDate(_ d: SimpleDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }
}
