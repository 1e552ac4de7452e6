import Foundation
import SafeguardCore

/// Seed 004's bar chart: one horizontal bar per theme, its length the share of reviews with the theme, drawn
/// as SVG on the server. An image with a text description; the page puts the same figures in a table beside it.
struct ThemeBarChart {
    var id: String
    var analysis: ThematicAnalysis

    private let width = 760.0, labelWidth = 340.0, right = 60.0, barHeight = 18.0, gap = 8.0, top = 10.0

    var node: Node {
        let shares = analysis.shares
        let height = top * 2 + Double(shares.count) * (barHeight + gap)
        let scale = (width - labelWidth - right) / 100
        return el(
            "svg", Attr("xmlns", "http://www.w3.org/2000/svg"), .class("sg-chart sg-chart--bars"),
            Attr("viewBox", "0 0 \(Int(width)) \(Int(height))"), Attr("role", "img"),
            .aria("labelledby", "\(id)-title \(id)-desc")
        ) {
            el("title", .id("\(id)-title")) { "Share of the \(analysis.reviews) reviews with each theme" }
            el("desc", .id("\(id)-desc")) {
                shares.prefix(3).map { "\($0.theme.name) \($0.percent)%" }.joined(separator: ", ")
                    + (shares.count > 3
                        ? ", and \(shares.count - 3) more themes; the table below gives every figure." : ".")
            }
            for (i, s) in shares.enumerated() {
                let y = top + Double(i) * (barHeight + gap)
                el(
                    "text", .class("sg-chart__label"), Attr("x", fmt(labelWidth - 8)),
                    Attr("y", fmt(y + barHeight - 4)), Attr("text-anchor", "end")
                ) {
                    s.theme.name
                }
                el(
                    "rect", .class("sg-chart__bar sg-chart__bar--\(s.theme.group.rawValue)"),
                    Attr("x", fmt(labelWidth)), Attr("y", fmt(y)),
                    Attr("width", fmt(max(1, Double(s.percent) * scale))), Attr("height", fmt(barHeight))
                ) {
                    el("title") { "\(s.theme.name): \(s.reviews) of \(analysis.reviews) reviews, \(s.percent)%" }
                }
                el(
                    "text", .class("sg-chart__label"), Attr("x", fmt(labelWidth + Double(s.percent) * scale + 6)),
                    Attr("y", fmt(y + barHeight - 4))
                ) {
                    "\(s.percent)%"
                }
            }
        }
    }

    private func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
