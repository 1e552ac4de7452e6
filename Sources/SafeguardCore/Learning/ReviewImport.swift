import Foundation

/// `safeguard import reviews FILE.csv`: reviews completed before the partnership used Safeguard (older serious
/// case reviews, for instance), each coded with its professional themes, so the thematic analysis covers them.
///
/// Columns: `reference, title, kind, completed_on, themes`. The kind is one of ``ReviewKind``'s values or
/// names; the date is YYYY-MM-DD; themes are separated by semicolons, each a theme's name or key from the
/// vocabulary. Every row is checked before anything is written. Loading a file twice changes nothing: a
/// reference already held is left alone if its coding is the same, and recoded if the file changed it.
public enum ReviewImport {
    public static let columns = ["reference", "title", "kind", "completed_on", "themes"]
    public static let referenceLimit = 64, titleLimit = 200

    /// A checked row: the review as the analysis counts it, and the title people know it by.
    public struct Row: Sendable, Equatable {
        public var review: CodedReview
        public var title: String

        public init(review: CodedReview, title: String) {
            self.review = review
            self.title = title
        }
    }

    /// Checks every row. The rows come back only if the whole file is clean.
    public static func check(
        header: [String], rows: [[String]], vocabulary: ReviewThemeVocabulary, today: SimpleDate
    )
        -> (rows: [Row], check: ImportCheck)
    {
        var check = ImportCheck()
        guard let at = check.requireColumns(columns, in: header) else { return ([], check) }
        if rows.isEmpty { check.add(row: 2, field: "reference", "the file has a header but no reviews") }
        var seen: [String: Int] = [:]
        var checked: [Row] = []
        for (index, raw) in rows.enumerated() {
            let n = ImportCheck.row(index)
            func cell(_ name: String) -> String { raw[at[name]!].trimmingCharacters(in: .whitespacesAndNewlines) }
            let reference = cell("reference")
            let title = cell("title")
            if reference.isEmpty || reference.count > referenceLimit {
                check.add(row: n, field: "reference", "give the review's reference, 1 to \(referenceLimit) characters")
            } else if let first = seen[reference.lowercased()] {
                check.add(row: n, field: "reference", "\(reference) is also on row \(first): each review once")
            } else {
                seen[reference.lowercased()] = n
            }
            if title.isEmpty || title.count > titleLimit {
                check.add(row: n, field: "title", "give the review's title, 1 to \(titleLimit) characters")
            }
            let kind = Self.kind(cell("kind"))
            if kind == nil {
                check.add(
                    row: n, field: "kind",
                    "'\(cell("kind"))' is not a kind of review: use one of \(ReviewKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let date = SimpleDate(iso: cell("completed_on"))
            if date == nil {
                check.add(
                    row: n, field: "completed_on",
                    "'\(cell("completed_on"))' is not a date: write it as YYYY-MM-DD, for example 2016-03-31")
            } else if let date, date > today {
                check.add(
                    row: n, field: "completed_on",
                    "\(date.longText) is in the future: give the date the review was completed")
            }
            var themes = Set<String>()
            let named = cell("themes").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            if named.isEmpty {
                check.add(row: n, field: "themes", "code the review with at least one theme, separated by semicolons")
            }
            for name in named {
                if let theme = Self.theme(name, in: vocabulary) {
                    themes.insert(theme.key)
                } else {
                    check.add(
                        row: n, field: "themes",
                        "'\(name)' is not a theme in the vocabulary: use a theme's name as the themes page lists it, or add the theme first"
                    )
                }
            }
            if let kind, let date, check.isClean {
                checked.append(
                    Row(
                        review: CodedReview(reference: reference, kind: kind, completedOn: date, themes: themes),
                        title: title))
            }
        }
        return check.isClean ? (checked, check) : ([], check)
    }

    /// What loading the checked rows would do to the reviews already held, keyed by reference.
    public struct Plan: Sendable, Equatable {
        public var added: [Row] = []
        public var recoded: [Row] = []
        public var unchanged = 0
    }

    public static func plan(_ rows: [Row], existing: [String: Row]) -> Plan {
        var plan = Plan()
        for row in rows {
            if let held = existing[row.review.reference] {
                if held == row { plan.unchanged += 1 } else { plan.recoded.append(row) }
            } else {
                plan.added.append(row)
            }
        }
        return plan
    }

    /// The file's own columns, so a download can be corrected and loaded again.
    public static func csvLines(_ rows: [Row], vocabulary: ReviewThemeVocabulary) -> [[String]] {
        [columns]
            + rows.map { r in
                let names = vocabulary.themes.filter { r.review.themes.contains($0.key) }.map(\.name)
                return [
                    r.review.reference, r.title, r.review.kind.rawValue, r.review.completedOn.iso,
                    names.joined(separator: "; "),
                ]
            }
    }

    static func kind(_ text: String) -> ReviewKind? {
        let t = text.lowercased()
        return ReviewKind.allCases.first { $0.rawValue == t || $0.displayName.lowercased() == t }
    }

    static func theme(_ text: String, in vocabulary: ReviewThemeVocabulary) -> ReviewTheme? {
        let t = text.lowercased()
        return vocabulary.themes.first { $0.key == t || $0.name.lowercased() == t }
    }
}
