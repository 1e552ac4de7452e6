import SafeguardCore
import Vapor

/// The course's evaluation questions as rows to edit, with three blank rows to add more. Clearing
/// a question's text removes it; its earlier answers stay stored but drop out of the results.
struct QuestionsFormView {
    struct Row {
        var key: String
        var text: String
        var kind: String
        var required: Bool

        init(key: String, text: String, kind: String, required: Bool) {
            self.key = key
            self.text = text
            self.kind = kind
            self.required = required
        }

        init(_ q: EvaluationQuestion) {
            self.init(key: q.key, text: q.text, kind: q.kind.rawValue, required: q.isRequired)
        }
    }

    var courseID: UUID
    var courseTitle: String
    var rows: [Row]
    var errors: FormErrors

    func render(on req: Request, status: HTTPStatus = .ok) -> Response {
        req.page("Evaluation questions", section: .trainingManage, hasErrors: !errors.isEmpty, status: status) {
            body(csrf: req.csrfToken)
        }
    }

    func body(csrf: String) -> Node {
        let id = courseID
        let all =
            rows
            + Array(
                repeating: Row(key: "", text: "", kind: EvaluationQuestionKind.rating.rawValue, required: true),
                count: 3)
        return fragment {
            Components.backLink(.trainingCourse(id), "Back to the course")
            Components.errorSummary(errors)
            el("h1", .class("sg-heading-l")) {
                el("span", .class("sg-caption-l")) { courseTitle }
                "Evaluation questions"
            }
            el("p", .class("sg-body")) {
                "Rating questions are answered from 1 (very poor) to 5 (excellent). To remove a question, clear its text. Use the blank rows at the end to add questions."
            }
            el("form", .postMethod, .action(.trainingCourseQuestions(id)), Attr("novalidate", nil)) {
                Components.csrfField(csrf)
                void("input", .type("hidden"), .name("rows"), .value(String(all.count)))
                for (i, row) in all.enumerated() {
                    el("fieldset", .class("sg-fieldset sg-question-row")) {
                        el("legend", .class("sg-fieldset__legend sg-fieldset__legend--s")) {
                            i < rows.count ? "Question \(i + 1)" : "New question"
                        }
                        void("input", .type("hidden"), .name("q\(i)-key"), .value(row.key))
                        Components.textInput("q\(i)-text", label: "Question", value: row.text, errors: errors)
                        Components.select(
                            "q\(i)-kind", label: "Answer",
                            options: EvaluationQuestionKind.allCases.map { ($0.rawValue, $0.displayName) },
                            selected: row.kind, errors: errors)
                        el("div", .class("sg-checkboxes sg-checkboxes--small")) {
                            el("div", .class("sg-checkboxes__item")) {
                                void(
                                    "input",
                                    attrs: [
                                        .class("sg-checkboxes__input"), .id("q\(i)-required"), .name("q\(i)-required"),
                                        .type("checkbox"), .value("yes"),
                                    ] + (row.required ? [.flag("checked")] : []))
                                el("label", .class("sg-label sg-checkboxes__label"), .for("q\(i)-required")) {
                                    "An answer is required"
                                }
                            }
                        }
                    }
                }
                Components.button("Save questions")
            }
        }
    }
}
