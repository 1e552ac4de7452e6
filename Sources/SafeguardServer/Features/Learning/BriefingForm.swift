import Vapor
import SafeguardCore

/// Reads the briefing form: the title, what it draws on (a review, a theme, a related course) and the seven
/// sections. The rules about what may be saved are ``SevenMinuteBriefing``'s; this adds that a chosen course exists.
enum BriefingForm {
    static func fields(of record: BriefingRecord) -> [String: String] {
        let b = record.briefing
        var f = ["title": b.title, "review": b.reviewReference ?? "", "theme": b.themeKey ?? "", "course": record.$course.id?.uuidString ?? ""]
        for s in BriefingSection.allCases { f[s.rawValue] = b.text(s) }
        return f
    }

    /// The briefing as typed, kept whatever its state; `existing` supplies the status it is in.
    static func read(_ f: [String: String], existing: SevenMinuteBriefing?, sources: LearningSources) -> (SevenMinuteBriefing, UUID?, FormErrors) {
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
            if course == nil || sources.course(course) == nil { errors.add("course", "Choose a course from the list, or none") }
        }
        for p in b.draftProblems(vocabulary: sources.vocabulary, knownReviews: sources.knownReviews) { errors.add(p.field, p.message) }
        return (b, course, errors)
    }
}
