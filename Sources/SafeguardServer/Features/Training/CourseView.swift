import Foundation
import SafeguardCore
import Vapor

/// One course for the trainer: its details (editable), events, materials and evaluation questions.
struct CourseView {
    var course: TrainingCourse
    /// The course's events, latest first.
    var events: [TrainingPages.EventRow]
    var materials: [TrainingPages.Material]
    var evaluations: Int
    var errors: FormErrors
    var fields: [String: String]
    var banner: TrainingFlash?

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page(course.title, section: .trainingManage, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = course.id
        return fragment {
            Components.backLink(.trainingManage, "Back to manage training")
            Components.errorSummary(errors)
            if let banner { Components.notification(banner.message) }
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { course.level.displayName }
                course.title
            }
            el("h2", .class("sg-heading-m")) { "Events" }
            el("a", .href(.trainingEventNew(id)), .class("sg-button"), Attr("role", "button")) { "Add an event" }
            if !events.isEmpty {
                Components.table(
                    caption: "Events for this course", headers: ["Date", "How", "Booked", "Waiting"],
                    rows: events.map { e in
                        [
                            el("a", .href(.trainingEvent(e.id)), .class("sg-link")) { e.when },
                            .text(e.delivery.displayName),
                            .text(e.capacity.map { "\(e.taken) of \($0)" } ?? String(e.taken)),
                            .text(String(e.waiting)),
                        ]
                    }, captionVisible: false)
            }
            materialsSection(csrf, id)
            el("h2", .class("sg-heading-m")) { "Evaluation" }
            el("p", .class("sg-body")) {
                "\(course.evaluationQuestions.count) questions. "
                el("a", .href(.trainingCourseQuestions(id)), .class("sg-link")) { "Change the questions" }
                " · "
                el("a", .href(.trainingCourseEvaluations(id)), .class("sg-link")) {
                    "Results (\(evaluations) evaluation\(evaluations == 1 ? "" : "s"))"
                }
            }
            el("h2", .class("sg-heading-m"), .id("details")) { "Course details" }
            el("form", .postMethod, .action(.trainingCourse(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                CourseFormView.fields(fields, errors: errors)
                Components.checkboxes(
                    "withdrawn-box", legend: "Withdraw the course", options: [("yes", "Withdrawn: no new bookings")],
                    selected: fields["withdrawn"] == "yes" ? ["yes"] : [], errors: errors,
                    hint: "Past attendance and certificates are kept")
                Components.button("Save course details")
            }
        }
    }

    private func materialsSection(_ csrf: String, _ id: UUID) -> Node {
        el("div") {
            el("h2", .class("sg-heading-m"), .id("materials")) { "Materials" }
            el("p", .class("sg-body")) { "Attendees can download these once they have evaluated the course." }
            if !materials.isEmpty {
                Components.table(
                    caption: "Materials", headers: ["Title", "File", "Size", ""],
                    rows: materials.map { m in
                        [
                            el("a", .href(.trainingMaterial(m.id)), .class("sg-link")) { m.title }, .text(m.filename),
                            .text(ByteCountFormatter.string(fromByteCount: Int64(m.size), countStyle: .file)),
                            el("form", .postMethod, .action(.trainingMaterialRemove(m.id))) {
                                Components.csrfField(csrf)
                                el("button", .type("submit"), .class("sg-button sg-button--secondary sg-button--small"))
                                {
                                    "Remove"
                                    el("span", .class("sg-visually-hidden")) { " \(m.title)" }
                                }
                            },
                        ]
                    }, captionVisible: false)
            }
            el(
                "form", .postMethod, .action(.trainingCourseMaterials(id)), Attr("enctype", "multipart/form-data"),
                Attr("novalidate", nil)
            ) {
                Components.csrfField(csrf)
                Components.textInput(
                    "material-title", label: "Title", value: "", errors: errors, hint: "For example, Slides or Handout")
                el(
                    "div",
                    .class(errors["material-file"] == nil ? "sg-form-group" : "sg-form-group sg-form-group--error")
                ) {
                    el("label", .class("sg-label"), .for("material-file")) { "File" }
                    el("div", .class("sg-hint"), .id("material-file-hint")) { "Up to 15 MB" }
                    if let e = errors["material-file"] { Components.errorMessage("material-file", e) }
                    void(
                        "input", .class("sg-file-upload"), .id("material-file"), .name("file"), .type("file"),
                        .aria("describedby", "material-file-hint"))
                }
                Components.button("Upload material", kind: "secondary")
            }
        }
    }
}
