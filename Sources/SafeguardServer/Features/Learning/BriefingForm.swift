import SafeguardCore
import Vapor

/// Reads the briefing form: the title, what it draws on (a review, a theme, a related course) and the seven
/// sections. The rules about what may be saved are ``SevenMinuteBriefing``'s; this adds that a chosen course exists.
enum BriefingForm {
    static func fields(of record: BriefingRecord) -> [String: String] {
        let b = record.briefing
        var f = [
            "title": b.title, "review": b.reviewReference ?? "", "theme": b.themeKey ?? "",
            "course": record.$course.id?.uuidString ?? "",
        ]
        for s in BriefingSection.allCases { f[s.rawValue] = b.text(s) }
        return f
    }

    /// The fields the form shows, in a fixed order, for its ``OpenedAs`` stamp.
    static let shownFields = ["title", "review", "theme", "course"] + BriefingSection.allCases.map(\.rawValue)

    /// What the edit form shows of a stored briefing, as a stamp (``OpenedAs``).
    static func openedAs(_ record: BriefingRecord) -> OpenedAs {
        let shown = fields(of: record)
        return OpenedAs(values: shownFields.map { shown[$0] })
    }

    /// Where the briefing as saved now (`saved`, from ``fields(of:)``) and as typed differ, labelled as on the form,
    /// for a writer whose save was held back because a colleague saved first.
    static func differences(
        saved: [String: String], typed: [String: String], sources: LearningSources
    ) -> [EditDifference] {
        func text(_ value: String?) -> String {
            TypedText.cleaned(value ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        func course(_ id: String) -> String { UUID(uuidString: id).flatMap { sources.course($0)?.title } ?? id }
        func detail(_ key: String, _ label: String) -> (label: String, reads: ([String: String]) -> String) {
            (label, { key == "course" ? course(text($0[key])) : text($0[key]) })
        }
        return EditDifference.between(
            saved: saved, typed: typed,
            [
                detail("title", "Title"), detail("review", "Review it draws on"), detail("theme", "Theme"),
                detail("course", "Related training course"),
            ] + BriefingSection.allCases.map { detail($0.rawValue, "\($0.number). \($0.heading)") })
    }

    /// The briefing as typed, kept whatever its state; `existing` supplies the status it is in.
    static func read(
        _ f: [String: String], existing: SevenMinuteBriefing?, sources: LearningSources
    ) -> (SevenMinuteBriefing, UUID?, FormErrors) {
        var sections: [BriefingSection: String] = [:]
        for s in BriefingSection.allCases {
            let text = TypedText.cleaned(f[s.rawValue] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { sections[s] = text }
        }
        var b = existing ?? SevenMinuteBriefing(title: "", sections: [:])
        b.title = TypedText.cleaned(f["title"] ?? "")
        b.sections = sections
        b.reviewReference = (f["review"] ?? "").isEmpty ? nil : f["review"]
        b.themeKey = (f["theme"] ?? "").isEmpty ? nil : f["theme"]
        var errors = FormErrors()
        var course: UUID?
        if let text = f["course"], !text.isEmpty {
            course = UUID(uuidString: text)
            if course == nil || sources.course(course) == nil {
                errors.add("course", "Choose a course from the list, or none")
            }
        }
        for p in b.draftProblems(vocabulary: sources.vocabulary, knownReviews: sources.knownReviews) {
            errors.add(p.field, p.message)
        }
        return (b, course, errors)
    }
}
