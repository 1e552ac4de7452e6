import Foundation
import SafeguardCore

/// The chronology as a timeline, newest first, each entry dated by when it happened and saying when it was
/// recorded if that was later.
struct ChronologyList {
    var events: [PersonChronology.Event]

    var node: Node {
        el("ol", .class("sg-timeline")) {
            for e in events {
                el("li", .class("sg-timeline__item")) {
                    el("div", .class("sg-timeline__header")) {
                        el("h3", .class("sg-timeline__title")) { e.summary }
                        el("p", .class("sg-timeline__byline")) {
                            el(
                                "time",
                                Attr("datetime", e.dateOnly ? SimpleDate(e.when).iso : e.when.formatted(.iso8601))
                            ) { e.whenText }
                            [e.category, e.agency, e.by].filter { !$0.isEmpty }.map { " · " + $0 }.joined()
                            if let late = e.recordedLate { " · " + late }
                        }
                    }
                }
            }
        }
    }

    static func hiddenNote(_ count: Int) -> Node {
        el("p", .class("sg-body"), .id("chronology-hidden")) {
            "\(Words.count(count, "entry", "entries")) about MASH work by other agencies \(count == 1 ? "is" : "are") not shown to your role. "
            "If you need to know, call the MASH."
        }
    }
}
