/// Where a professional theme found in a review sits: in what practitioners did, in the child, in the parents,
/// or outside the family and the practitioner (seed 004's four coded areas).
public enum ReviewThemeGroup: String, CaseIterable, Codable, Sendable {
    case practitioner, child, parental, external

    public var displayName: String {
        switch self {
        case .practitioner: "Practitioner factors"
        case .child: "Child factors"
        case .parental: "Parental factors"
        case .external: "External factors"
        }
    }
}

/// One professional theme a review can be coded with, such as "Professional curiosity".
public struct ReviewTheme: Hashable, Codable, Sendable {
    public let key: String
    public let name: String
    public let group: ReviewThemeGroup

    public init(key: String, name: String, group: ReviewThemeGroup) {
        self.key = key
        self.name = name
        self.group = group
    }
}

/// The themes reviews are coded with: shipped from the thematic review of 27 serious case reviews in seed 004,
/// and extendable by a partnership with its own (a key already in use is refused).
public struct ReviewThemeVocabulary: Sendable, Equatable {
    public private(set) var themes: [ReviewTheme]

    public init(_ themes: [ReviewTheme]) { self.themes = themes }

    public func theme(_ key: String) -> ReviewTheme? { themes.first { $0.key == key } }

    public enum Problem: Error, Equatable, Sendable {
        case keyInUse(String)
        case emptyName

        public var message: String {
            switch self {
            case .keyInUse(let key): "A theme called \"\(key)\" already exists: use it, or choose another name"
            case .emptyName: "Enter the theme's name"
            }
        }
    }

    /// Adds a partnership's own theme; its key is made from the name.
    public mutating func add(name: String, group: ReviewThemeGroup) throws(Problem) -> ReviewTheme {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyName }
        let key = Self.key(for: trimmed)
        guard theme(key) == nil else { throw .keyInUse(key) }
        let added = ReviewTheme(key: key, name: trimmed, group: group)
        themes.append(added)
        return added
    }

    static func key(for name: String) -> String {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.joined(separator: "-")
    }

    /// Seed 004's list, in its order: 19 practitioner, 3 child, 6 parental and 4 external factors.
    public static let shipped: ReviewThemeVocabulary = {
        let lists: [(ReviewThemeGroup, [String])] = [
            (
                .practitioner,
                [
                    "Assessment / risk assessment", "Professional curiosity", "Cultural competence",
                    "Information sharing",
                    "Working together", "Policies, procedures and protocols", "Escalation", "Recording",
                    "Roles and responsibilities", "Respectful uncertainty", "Confidence", "Professional challenge",
                    "Rule of optimism", "Awareness of child sexual abuse", "Think the unthinkable",
                    "Awareness of child sexual exploitation", "Professional judgement",
                    "Desensitisation to poor levels of care", "Trained staff",
                ]
            ),
            (
                .child,
                ["Think sibling", "Understanding child and adolescent development", "Lived experience of the child"]
            ),
            (
                .parental,
                [
                    "Identification of disguised compliance", "Needs of the parent over the child",
                    "Following up parents accessing services", "Making verbal agreements", "Think family",
                    "Engagement of fathers",
                ]
            ),
            (
                .external,
                ["Supervision / management oversight", "Timeliness of support", "Resources", "Community intelligence"]
            ),
        ]
        return ReviewThemeVocabulary(
            lists.flatMap { group, names in names.map { ReviewTheme(key: key(for: $0), name: $0, group: group) } })
    }()
}
