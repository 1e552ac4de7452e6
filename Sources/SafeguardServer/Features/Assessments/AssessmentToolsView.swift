import SafeguardCore
import Vapor

/// The list of assessment tools and versions, with the form to add a tool or a revision.
struct AssessmentToolsView {
    /// One stored version of a tool.
    struct Row: Sendable {
        var id: UUID
        var title: String
        var version: Int
        /// Shipped with Safeguard, or uploaded by an administrator.
        var shipped: Bool
        var addedAt: Date
        /// The newest version of its tool, which new assessments use.
        var inUse: Bool
    }

    var tools: [Row]
    /// What was pasted, kept when it is refused.
    var definition: String
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Assessment tools", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        fragment {
            Components.backLink(.admin, "Back to administration")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Assessment tools" }
            el("p", .class("sg-body")) {
                "New assessments use the newest version of each tool. Assessments already made keep the version they were made with, so their ratings never change."
            }
            Components.table(
                caption: "Tools and versions", headers: ["Tool", "Version", "Source", "Added", ""],
                rows: tools.map { r in
                    [
                        el("a", .href(.adminAssessmentTool(r.id)), .class("sg-link")) { r.title },
                        .text(String(r.version)),
                        .text(r.shipped ? "Shipped" : "Uploaded"),
                        .text(SiteFormat.dateTime(r.addedAt)),
                        r.inUse
                            ? Components.tag("In use", colour: "green") : Components.tag("Superseded", colour: "grey"),
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Add a tool or a new version" }
            el("form", .postMethod, .action(.adminAssessmentTools), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                Components.textarea(
                    "definition", label: "Definition (YAML)", value: definition, errors: errors,
                    hint:
                        "Paste the whole file. To revise a tool, copy its definition, change it and raise its version number.",
                    rows: 20)
                Components.button("Check and add")
            }
        }
    }
}
