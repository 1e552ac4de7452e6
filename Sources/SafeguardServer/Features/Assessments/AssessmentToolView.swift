import Vapor

/// One version of an assessment tool for the partnership administrator: what it asks and rates,
/// where it came from, how often it has been used, and its definition as stored.
struct AssessmentToolView {
    var title: String
    var version: Int
    var key: String
    /// Whom the tool assesses, as its definition names it.
    var subject: String
    var sections: [String]
    var levels: [String]
    var reassessAfterDays: Int
    /// "Shipped with Safeguard", or who uploaded it and when.
    var added: String
    var assessmentsMade: Int
    var definition: String
    /// Straight after the upload, a banner says new assessments now use this version.
    var justAdded: Bool

    func render(on req: Request) -> Response {
        req.page("\(title) version \(version)", section: .admin) { body }
    }

    var body: Node {
        fragment {
            Components.backLink(.adminAssessmentTools, "Back to assessment tools")
            if justAdded {
                Components.notification("Version \(version) of \(title) added: new assessments use it from now on")
            }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { "Version \(version)" }
                title
            }
            Components.summaryList([
                ("Key", .text(key)), ("For", .text(subject)),
                ("Sections", .text(sections.joined(separator: "; "))),
                ("Levels", .text(levels.joined(separator: ", "))),
                ("Reassess after", .text("\(reassessAfterDays) days")),
                ("Added", .text(added)),
                ("Assessments made with it", .text(String(assessmentsMade))),
            ])
            el("h2", .class("sg-heading-m")) { "Definition" }
            el("pre", .class("sg-code-block"), Attr("tabindex", "0")) { el("code") { definition } }
        }
    }
}
