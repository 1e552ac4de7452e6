import Foundation

/// The seven numbered sections of a 7-minute briefing, in the common order (DOMAIN.md): background, why it
/// matters, key information in three parts, what to note, and what to do or questions to consider.
public enum BriefingSection: String, CaseIterable, Codable, Sendable {
    case background
    case whyItMatters = "why-it-matters"
    case keyInformation1 = "key-information-1"
    case keyInformation2 = "key-information-2"
    case keyInformation3 = "key-information-3"
    case whatToNote = "what-to-note"
    case whatToDo = "what-to-do"

    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public var heading: String {
        switch self {
        case .background: "Background"
        case .whyItMatters: "Why it matters"
        case .keyInformation1: "Key information (1)"
        case .keyInformation2: "Key information (2)"
        case .keyInformation3: "Key information (3)"
        case .whatToNote: "What to note and remember"
        case .whatToDo: "What to do, and questions to consider"
        }
    }

    public var hint: String {
        switch self {
        case .background:
            "What happened, or what the review looked at, in a few sentences. No names or details that identify a family."
        case .whyItMatters: "Why a practitioner should spend seven minutes on this."
        case .keyInformation1, .keyInformation2, .keyInformation3:
            "One finding or fact practitioners need, in plain words."
        case .whatToNote: "What to keep in mind in everyday practice."
        case .whatToDo: "What to do differently, and questions for a team or supervision to talk through."
        }
    }
}

/// Where a briefing is: written and checked by the business unit, then published to everyone, and
/// withdrawn (with a reason) if it is out of date. A withdrawn briefing can be corrected and published again.
public enum BriefingStatus: String, CaseIterable, Codable, Sendable {
    case draft, published, withdrawn

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .published: "Published"
        case .withdrawn: "Withdrawn"
        }
    }
}

/// A 7-minute briefing: one review's or one theme's learning in seven short sections that fit one A4 page.
/// Decides what a draft may hold, when it is complete enough to publish, and its moves between states.
public struct SevenMinuteBriefing: Sendable, Equatable {
    public static let titleLimit = 120
    /// Seven sections of this length print on one A4 page (the print stylesheet sets the type to fit).
    public static let wordsPerSection = 120

    public var title: String
    public var sections: [BriefingSection: String]
    /// The review it draws on, by reference (a review the platform holds), or a theme from the vocabulary.
    public var reviewReference: String?
    public var themeKey: String?
    public private(set) var status: BriefingStatus
    public private(set) var publishedOn: SimpleDate?
    public private(set) var withdrawnReason: String?

    public init(
        title: String, sections: [BriefingSection: String], reviewReference: String? = nil, themeKey: String? = nil,
        status: BriefingStatus = .draft, publishedOn: SimpleDate? = nil, withdrawnReason: String? = nil
    ) {
        self.title = title
        self.sections = sections
        self.reviewReference = reviewReference
        self.themeKey = themeKey
        self.status = status
        self.publishedOn = publishedOn
        self.withdrawnReason = withdrawnReason
    }

    public func text(_ section: BriefingSection) -> String { sections[section] ?? "" }

    /// A published briefing is what people have read: it is withdrawn before it is changed.
    public var mayEdit: Bool { status != .published }

    static func words(_ text: String) -> Int { text.split(whereSeparator: { $0.isWhitespace }).count }

    /// What stops the briefing being saved as it is: a title, sections within their length, and links that exist.
    public func draftProblems(vocabulary: ReviewThemeVocabulary, knownReviews: Set<String>) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty {
            problems.append(FieldProblem(field: "title", message: "Enter the briefing's title"))
        } else if t.count > Self.titleLimit {
            problems.append(
                FieldProblem(field: "title", message: "The title must be \(Self.titleLimit) characters or fewer"))
        }
        for section in BriefingSection.allCases {
            let n = Self.words(text(section))
            if n > Self.wordsPerSection {
                problems.append(
                    FieldProblem(
                        field: section.rawValue,
                        message:
                            "\(section.number). \(section.heading) has \(n) words: keep it to \(Self.wordsPerSection) so the briefing fits one page"
                    ))
            }
        }
        if let r = reviewReference, !knownReviews.contains(r) {
            problems.append(FieldProblem(field: "review", message: "Choose a review from the list"))
        }
        if let k = themeKey, vocabulary.theme(k) == nil {
            problems.append(FieldProblem(field: "theme", message: "Choose a theme from the list"))
        }
        return problems
    }

    /// What else publishing needs: every section written, and a review or theme the learning comes from.
    public func publishProblems(vocabulary: ReviewThemeVocabulary, knownReviews: Set<String>) -> [FieldProblem] {
        var problems = draftProblems(vocabulary: vocabulary, knownReviews: knownReviews)
        for section in BriefingSection.allCases where !TypedText.hasVisibleCharacter(text(section)) {
            problems.append(
                FieldProblem(
                    field: section.rawValue, message: "Write section \(section.number), \(section.heading.lowercased())"
                ))
        }
        if reviewReference == nil && themeKey == nil {
            problems.append(
                FieldProblem(field: "review", message: "Link the briefing to the review or the theme it draws on"))
        }
        return problems
    }

    public mutating func publish(
        on day: SimpleDate, vocabulary: ReviewThemeVocabulary, knownReviews: Set<String>
    ) throws(FieldProblem) {
        guard status != .published else {
            throw FieldProblem(field: "status", message: "This briefing is already published")
        }
        if let first = publishProblems(vocabulary: vocabulary, knownReviews: knownReviews).first { throw first }
        status = .published
        publishedOn = day
        withdrawnReason = nil
    }

    public mutating func withdraw(reason: String) throws(FieldProblem) {
        guard status == .published else {
            throw FieldProblem(field: "status", message: "Only a published briefing can be withdrawn")
        }
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard r.count >= 10 else {
            throw FieldProblem(
                field: "reason", message: "Say why it is withdrawn, in at least 10 characters: readers will see it")
        }
        status = .withdrawn
        withdrawnReason = r
    }
}

/// Who has read a briefing, by agency: how many of each agency's active users marked it read, and the share.
public struct BriefingReadership: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let agency: String
        public let staff: Int
        public let read: Int
        /// Whole percent of the agency's users; none for an agency with no users now.
        public let percent: Int?
    }

    public let rows: [Row]
    public let total: Row

    /// `staff` counts each agency's active users; `reads` each agency's readers. Agencies with neither are left out.
    public init(staff: [String: Int], reads: [String: Int]) {
        let agencies = Set(staff.filter { $0.value > 0 }.keys).union(reads.filter { $0.value > 0 }.keys)
        func row(_ name: String, _ s: Int, _ r: Int) -> Row {
            Row(agency: name, staff: s, read: r, percent: s == 0 ? nil : ThematicAnalysis.percent(min(r, s), of: s))
        }
        rows = agencies.sorted { $0.localizedStandardCompare($1) == .orderedAscending }.map {
            row($0, staff[$0] ?? 0, reads[$0] ?? 0)
        }
        total = row("Total", rows.map(\.staff).reduce(0, +), rows.map(\.read).reduce(0, +))
    }

    public var csvLines: [[String]] {
        [["Agency", "Users", "Read", "Percent read"]]
            + (rows + [total]).map {
                [$0.agency, String($0.staff), String($0.read), $0.percent.map { "\($0)%" } ?? ""]
            }
    }
}
