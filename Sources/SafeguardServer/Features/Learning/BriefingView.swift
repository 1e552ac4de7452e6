import SafeguardCore
import Vapor

/// One 7-minute briefing: seven numbered sections that print on one A4 page, a button to record reading it, and
/// for the business unit, what it can do next (edit, publish, withdraw, see who has read it).
struct BriefingView {
    var listing: BriefingListing
    var mayManage: Bool
    var banner: LearningFlash?

    func render(on req: Request) -> Response {
        let b = listing.briefing
        let id = listing.id
        return req.page(b.title, section: .learning) {
            Components.backLink(.learning, "All briefings")
            if let banner { Components.notification(banner.message) }
            if b.status != .published {
                el("div", .class("sg-warning-text"), .id("briefing-status")) {
                    el("strong", .class("sg-warning-text__text")) {
                        b.status == .draft
                            ? "Draft: only the business unit can see this briefing."
                            : "Withdrawn: \(b.withdrawnReason ?? ""). Readers no longer see it."
                    }
                }
            }
            el("article", .class("sg-briefing")) {
                el("h1", .class("sg-heading-l")) {
                    el("span", .class("sg-caption-l")) { "7-minute briefing" }
                    b.title
                }
                el("p", .class("sg-body sg-briefing__meta")) {
                    if !listing.source.isEmpty { "Learning from: \(listing.source). " }
                    if let on = b.publishedOn { "Published \(on.longText)." }
                }
                Self.sections(b)
                if let course = listing.course {
                    el("p", .class("sg-body sg-briefing__meta"), .id("briefing-course")) {
                        "Related training: \(course.title). "
                        el("a", .href(.training), .class("sg-link")) { "Find a date on the Training page" }
                    }
                }
            }
            if b.status == .published { reading(id, csrf: req.csrfToken) }
            el("button", .type("button"), .class("sg-button sg-button--secondary"), .data("action", "print")) {
                "Print this briefing"
            }
            if mayManage { manage(id, b) }
        }
    }

    /// The seven sections as a numbered list, headings numbered as the printed briefing is.
    static func sections(_ b: SevenMinuteBriefing) -> Node {
        el("ol", .class("sg-briefing__sections")) {
            for s in BriefingSection.allCases {
                el("li", .class("sg-briefing__section"), .id("section-\(s.rawValue)")) {
                    el("h2", .class("sg-heading-s")) {
                        el("span", .class("sg-briefing__number")) { "\(s.number)" }
                        " " + s.heading
                    }
                    for paragraph in b.text(s).split(separator: "\n", omittingEmptySubsequences: true) {
                        el("p", .class("sg-body")) { String(paragraph) }
                    }
                }
            }
        }
    }

    private func reading(_ id: UUID, csrf: String) -> Node {
        el("div", .class("sg-briefing__reading"), .id("briefing-reading")) {
            if let at = listing.readAt {
                el("p", .class("sg-body")) { "You marked this briefing read on \(SiteFormat.dateTime(at))." }
            } else {
                el("form", .postMethod, .action(.learningBriefingRead(id))) {
                    Components.csrfField(csrf)
                    Components.button("I have read this briefing")
                }
            }
        }
    }

    private func manage(_ id: UUID, _ b: SevenMinuteBriefing) -> Node {
        el("section", .class("sg-briefing__manage"), .aria("labelledby", "manage-heading")) {
            el("h2", .class("sg-heading-m"), .id("manage-heading")) { "Business unit" }
            el("ul", .class("sg-list")) {
                if b.mayEdit {
                    el("li") { el("a", .href(.learningBriefingEdit(id)), .class("sg-link")) { "Change this briefing" } }
                }
                if b.status != .published {
                    el("li") { el("a", .href(.learningBriefingPublish(id)), .class("sg-link")) { "Check and publish" } }
                }
                if b.status == .published {
                    el("li") {
                        el("a", .href(.learningBriefingWithdraw(id)), .class("sg-link")) { "Withdraw this briefing" }
                    }
                }
                el("li") {
                    el("a", .href(.learningBriefingReads(id)), .class("sg-link")) { "Who has read it, by agency" }
                }
            }
        }
    }
}
