import Foundation

/// The kinds of review a partnership learns from.
public enum ReviewKind: String, CaseIterable, Codable, Sendable {
    /// Serious case reviews, before July 2018's reforms.
    case seriousCaseReview = "serious-case-review"
    case localChildSafeguardingPracticeReview = "lcspr"
    case safeguardingAdultsReview = "sar"
    case domesticHomicideReview = "dhr"

    public var displayName: String {
        switch self {
        case .seriousCaseReview: "Serious case review"
        case .localChildSafeguardingPracticeReview: "Local child safeguarding practice review"
        case .safeguardingAdultsReview: "Safeguarding adults review"
        case .domesticHomicideReview: "Domestic homicide review"
        }
    }
}

/// A review as the thematic analysis sees it: its kind, when it was completed and the themes it was coded with.
public struct CodedReview: Sendable, Equatable {
    public var reference: String
    public var kind: ReviewKind
    public var completedOn: SimpleDate
    public var themes: Set<String>

    public init(reference: String, kind: ReviewKind, completedOn: SimpleDate, themes: Set<String>) {
        self.reference = reference
        self.kind = kind
        self.completedOn = completedOn
        self.themes = themes
    }
}

/// How often each theme recurs across the reviews of a period: seed 004's bar chart and Venn diagram as
/// numbers. Percentages are whole, rounded half up, of the reviews in scope (23 of 27 is 85%).
public struct ThematicAnalysis: Sendable, Equatable {
    public struct ThemeShare: Sendable, Equatable {
        public let theme: ReviewTheme
        public let reviews: Int
        public let percent: Int
    }

    /// The seven regions of the Venn diagram of the three most frequent themes, each a count of reviews.
    public struct Overlap: Sendable, Equatable {
        public let themes: [ReviewTheme]
        /// Keyed by which of the three themes a review has, as three booleans in `themes` order.
        public let regions: [[Bool]: Int]
    }

    public let reviews: Int
    /// Every theme found at least once, most frequent first (ties in vocabulary order).
    public let shares: [ThemeShare]
    public let overlap: Overlap?

    public init(
        reviews coded: [CodedReview], vocabulary: ReviewThemeVocabulary, period: ClosedRange<SimpleDate>? = nil,
        kinds: Set<ReviewKind> = []
    ) {
        let inScope = coded.filter { r in
            (period?.contains(r.completedOn) ?? true) && (kinds.isEmpty || kinds.contains(r.kind))
        }
        reviews = inScope.count
        let order = Dictionary(uniqueKeysWithValues: vocabulary.themes.enumerated().map { ($1.key, $0) })
        let counted: [ThemeShare] = vocabulary.themes.compactMap { theme in
            let n = inScope.filter { $0.themes.contains(theme.key) }.count
            return n == 0 ? nil : ThemeShare(theme: theme, reviews: n, percent: Self.percent(n, of: inScope.count))
        }
        shares = counted.sorted {
            ($0.reviews, -(order[$0.theme.key] ?? 0)) > ($1.reviews, -(order[$1.theme.key] ?? 0))
        }
        if shares.count >= 3 {
            let top = shares.prefix(3).map(\.theme)
            var regions: [[Bool]: Int] = [:]
            for r in inScope {
                let has = top.map { r.themes.contains($0.key) }
                if has.contains(true) { regions[has, default: 0] += 1 }
            }
            overlap = Overlap(themes: top, regions: regions)
        } else {
            overlap = nil
        }
    }

    public static func percent(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : Int((Double(part) * 100 / Double(whole)).rounded(.toNearestOrAwayFromZero))
    }

    public func share(_ key: String) -> ThemeShare? { shares.first { $0.theme.key == key } }
}
