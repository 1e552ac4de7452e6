/// One question on a course evaluation. Partnerships configure their own; answers are keyed by
/// ``key`` so a question's wording can be corrected without losing earlier answers.
public struct EvaluationQuestion: Sendable, Equatable, Codable {
    /// Stable identifier, kebab-case ("met-objectives").
    public var key: String
    public var text: String
    public var kind: EvaluationQuestionKind
    /// The words for 1 to 5 on a rating question (five of them); empty for other kinds.
    public var ratingLabels: [String]
    public var isRequired: Bool

    /// `ratingLabels` defaults to ``defaultRatingLabels`` for rating questions; free text is
    /// optional unless said otherwise, the rest required.
    public init(
        key: String, text: String, kind: EvaluationQuestionKind, ratingLabels: [String]? = nil,
        isRequired: Bool? = nil
    ) {
        self.key = key
        self.text = text
        self.kind = kind
        self.ratingLabels = kind == .rating ? (ratingLabels ?? Self.defaultRatingLabels) : []
        self.isRequired = isRequired ?? (kind != .freeText)
    }

    public static let defaultRatingLabels = ["Very poor", "Poor", "Satisfactory", "Good", "Excellent"]

    /// The partnership's standard evaluation, used for a course unless its trainer sets others.
    public static let standardSet: [EvaluationQuestion] = [
        EvaluationQuestion(key: "overall", text: "How would you rate the course overall?", kind: .rating),
        EvaluationQuestion(key: "trainer", text: "How would you rate the trainer?", kind: .rating),
        EvaluationQuestion(key: "met-objectives", text: "Did the course meet its learning outcomes?", kind: .yesNo),
        EvaluationQuestion(
            key: "confidence", text: "How confident do you now feel to act on a safeguarding concern?",
            kind: .rating, ratingLabels: ["Not at all", "A little", "Fairly", "Very", "Completely"]),
        EvaluationQuestion(
            key: "change-practice", text: "What will you do differently in your practice?", kind: .freeText),
    ]

    /// Reads what the form sent for this question ("1"–"5", "yes"/"no", or text); nil when left blank.
    /// Throws the message to show when the answer is missing but required, or not a valid answer.
    public func answer(from formValue: String?) throws(EvaluationFormRefusal.Problem) -> EvaluationAnswer? {
        let value = (formValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if isRequired { throw problem(missing: true) }
            return nil
        }
        switch kind {
        case .rating:
            guard let number = Int(value), (1...5).contains(number) else { throw problem(missing: false) }
            return .rating(number)
        case .yesNo:
            switch value.lowercased() {
            case "yes": return .yesNo(true)
            case "no": return .yesNo(false)
            default: throw problem(missing: false)
            }
        case .freeText:
            return .text(value)
        }
    }

    func problem(missing: Bool) -> EvaluationFormRefusal.Problem {
        let message =
            switch kind {
            case .rating: "Select a rating from 1 to 5 for ‘\(text)’"
            case .yesNo: "Select yes or no for ‘\(text)’"
            case .freeText: "Enter an answer to ‘\(text)’"
            }
        return EvaluationFormRefusal.Problem(questionKey: key, message: message)
    }

    /// The key for a question in a revised set: its `existing` key when it had one (so a corrected
    /// wording keeps earlier answers), otherwise one made from its text ("How would you rate the
    /// trainer?" → "how-would-you-rate-the-trainer", at most 40 characters); "-2", "-3" … when the
    /// key is already `used`. Adds the result to `used`.
    public static func key(for text: String, existing: String, used: inout Set<String>) -> String {
        let base = existing.isEmpty ? slug(text) : existing
        var key = base
        var n = 2
        while used.contains(key) {
            key = "\(base)-\(n)"
            n += 1
        }
        used.insert(key)
        return key
    }

    /// Lower-case words joined by dashes, at most 40 characters: for keys and file names.
    public static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        let joined = words.joined(separator: "-")
        return joined.isEmpty ? "question" : String(joined.prefix(40))
    }
}
