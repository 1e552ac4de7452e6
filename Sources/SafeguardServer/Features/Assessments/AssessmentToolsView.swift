import Fluent
import SafeguardCore
import Vapor

/// The list of assessment tools and versions, with the form to add a tool or a revision.
enum AssessmentToolsView {
    static func load(
        on req: Request, definition: String, errors: FormErrors, added: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let records = try await AssessmentToolRecord.query(on: req.db).sort(\.$title).sort(\.$version, .descending)
            .all()
        let current = Set(try await AssessmentToolCatalogue.current(on: req.db).compactMap(\.id))
        return req.page("Assessment tools", section: .admin, hasErrors: !errors.isEmpty, status: status) {
            Components.backLink(.admin, "Back to administration")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) { "Assessment tools" }
            el("p", .class("sg-body")) {
                "New assessments use the newest version of each tool. Assessments already made keep the version they were made with, so their ratings never change."
            }
            Components.table(
                caption: "Tools and versions", headers: ["Tool", "Version", "Source", "Added", ""],
                rows: records.map { r in
                    [
                        el("a", .href(.adminAssessmentTool(r.id!)), .class("sg-link")) { r.title },
                        .text(String(r.version)),
                        .text(r.source == AssessmentToolRecord.shipped ? "Shipped" : "Uploaded"),
                        .text(SiteFormat.dateTime(r.addedAt)),
                        current.contains(r.id!)
                            ? Components.tag("In use", colour: "green") : Components.tag("Superseded", colour: "grey"),
                    ]
                })
            el("h2", .class("sg-heading-m")) { "Add a tool or a new version" }
            el("form", .postMethod, .action(.adminAssessmentTools), Attr("novalidate", nil)) {
                Components.csrfField(req.csrfToken)
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
