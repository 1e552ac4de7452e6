import SafeguardCore
import Vapor

/// "Learning": briefings to read (newest first, with whether the viewer has read each), the business unit's
/// drafts and withdrawn briefings, and a summary of the themes across reviews with a link to the analysis.
struct LearningIndexView {
    var published: [BriefingListing]
    var unpublished: [BriefingListing]
    var mayManage: Bool
    var analysis: ThematicAnalysis?
    var mayViewDisagreementFigures = false
    var banner: LearningFlash?

    func render(on req: Request) -> Response {
        req.page("Learning", section: .learning) {
            if let banner { Components.notification(banner.message) }
            el("h1", .class("sg-heading-l")) { "Learning from reviews" }
            el("p", .class("sg-body-l")) {
                "When a child or an adult is seriously harmed or dies, the partnership reviews what happened and shares what it learned. "
                "A 7-minute briefing puts one piece of that learning on a page: read it alone or talk it through with your team."
            }
            if mayManage {
                el(
                    "a", .href(.learningBriefingNew), .class("sg-button"), Attr("role", "button"),
                    .data("module", "sg-button")
                ) { "Write a briefing" }
            }
            el("h2", .class("sg-heading-m")) { "7-minute briefings" }
            if published.isEmpty {
                el("p", .class("sg-body"), .id("no-briefings")) { "No briefings have been published yet." }
            } else {
                Components.table(
                    caption: "Published briefings", headers: ["Briefing", "Learning from", "Published", "You"],
                    rows: published.map(row), captionVisible: false)
            }
            if mayManage && !unpublished.isEmpty {
                el("h2", .class("sg-heading-m")) { "Drafts and withdrawn briefings" }
                Components.table(
                    caption: "Briefings not published", headers: ["Briefing", "Learning from", "Status"],
                    rows: unpublished.map { b in
                        [
                            el("a", .href(.learningBriefing(b.id)), .class("sg-link")) { b.briefing.title },
                            .text(b.source.isEmpty ? "Not linked yet" : b.source),
                            Components.tag(
                                b.briefing.status.displayName, colour: b.briefing.status == .draft ? "grey" : "orange"),
                        ]
                    }, captionVisible: false)
            }
            if let analysis { themes(analysis) }
            if mayViewDisagreementFigures {
                el("h2", .class("sg-heading-m")) { "Professional disagreements" }
                el("p", .class("sg-body")) {
                    el("a", .href(.disagreementFigures), .class("sg-link")) {
                        "How far disagreements between agencies went, between whom and about what"
                    }
                }
            }
        }
    }

    private func row(_ b: BriefingListing) -> [Node] {
        [
            el("a", .href(.learningBriefing(b.id)), .class("sg-link")) { b.briefing.title },
            .text(b.source),
            .text(b.briefing.publishedOn?.longText ?? ""),
            b.readAt == nil ? Components.tag("Not read yet", colour: "blue") : Components.tag("Read", colour: "green"),
        ]
    }

    private func themes(_ a: ThematicAnalysis) -> Node {
        el("section", .aria("labelledby", "themes-heading")) {
            el("h2", .class("sg-heading-m"), .id("themes-heading")) { "Themes across reviews" }
            if a.reviews == 0 {
                el("p", .class("sg-body")) { "No reviews have been coded with themes yet." }
            } else {
                el("p", .class("sg-body")) {
                    "Across the \(a.reviews) reviews the partnership has coded, the themes that recur most are:"
                }
                el("ul", .class("sg-list sg-list--bullet")) {
                    for s in a.shares.prefix(3) {
                        el("li") { "\(s.theme.name.lowercasedFirst): \(s.percent)% of reviews (\(s.reviews))" }
                    }
                }
            }
            el("p", .class("sg-body")) {
                el("a", .href(.learningThemes), .class("sg-link")) { "See every theme, by period and kind of review" }
            }
        }
    }
}

extension String {
    /// "Professional curiosity" in the middle of a sentence; names that start with an acronym keep it.
    var lowercasedFirst: String {
        guard let first, count > 1, !self[index(after: startIndex)].isUppercase else { return self }
        return first.lowercased() + dropFirst()
    }
}
