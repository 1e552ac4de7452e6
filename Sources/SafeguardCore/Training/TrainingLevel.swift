/// How deep a course goes, on the usual four-level ladder of English safeguarding training, so a
/// practitioner's log can show they hold the level their role needs.
///
/// Level 1 is for everyone in contact with children or adults at risk (often e-learning); level 2 for
/// those who work with them regularly; level 3 is the multi-agency level for those who contribute to
/// assessments, plans and conferences; level 4 is specialist training for designated and named leads.
public enum TrainingLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case level1 = "level-1"
    case level2 = "level-2"
    case level3 = "level-3"
    case level4 = "level-4"

    public var displayName: String {
        switch self {
        case .level1: "Level 1: basic awareness"
        case .level2: "Level 2: core safeguarding"
        case .level3: "Level 3: multi-agency working"
        case .level4: "Level 4: specialist"
        }
    }

    /// 1 to 4, for sorting and for "level 3 or above" rules.
    public var number: Int {
        switch self {
        case .level1: 1
        case .level2: 2
        case .level3: 3
        case .level4: 4
        }
    }

    public static func < (a: TrainingLevel, b: TrainingLevel) -> Bool { a.number < b.number }
}
