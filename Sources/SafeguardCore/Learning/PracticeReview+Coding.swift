/// Coding a review held on the platform with its themes, so the thematic analysis counts it beside the
/// historical reviews loaded from a file (seed 004's method: each review's findings coded against one vocabulary).
extension PracticeReview {
    /// The day its findings were settled: published, or else the day the board responded to them.
    public var concludedOn: SimpleDate? { publishedOn ?? boardResponseOn }

    public var reviewKind: ReviewKind {
        switch kind {
        case .lcspr: .localChildSafeguardingPracticeReview
        case .sar: .safeguardingAdultsReview
        }
    }

    /// The review as the thematic analysis counts it, once the board has responded to its findings; every theme
    /// must be one of the vocabulary's.
    public func coded(
        reference: String, themes: Set<String>, vocabulary: ReviewThemeVocabulary
    ) throws(FieldProblem) -> CodedReview {
        guard let day = concludedOn else {
            throw FieldProblem(
                field: "themes", message: "Code the review's themes once the board has responded to its findings")
        }
        guard !themes.isEmpty else {
            throw FieldProblem(field: "themes", message: "Choose the themes the review found")
        }
        if let unknown = themes.sorted().first(where: { vocabulary.theme($0) == nil }) {
            throw FieldProblem(
                field: "themes", message: "\"\(unknown)\" is not a theme in the vocabulary: choose from the list")
        }
        return CodedReview(reference: reference, kind: reviewKind, completedOn: day, themes: themes)
    }
}
