/// How one person stands to another, read as "`from` is the `kind` of `to`"
/// (for example: Dean is the mother's partner of Kayla).
public enum RelationshipKind: String, CaseIterable, Codable, Sendable {
    case mother, father
    case stepParent = "step-parent"
    case mothersPartner = "mothers-partner"
    case carer, sibling
    case householdMember = "household-member"

    public var displayName: String {
        switch self {
        case .mother: "Mother"
        case .father: "Father"
        case .stepParent: "Step-parent"
        case .mothersPartner: "Mother's partner"
        case .carer: "Carer"
        case .sibling: "Sibling"
        case .householdMember: "Household member"
        }
    }

    /// The same relationship read from the other side: on the mother's record her child is
    /// listed as "Child", on a mother's partner's record the child is "Partner's child".
    public var inverseDisplayName: String {
        switch self {
        case .mother, .father: "Child"
        case .stepParent: "Step-child"
        case .mothersPartner: "Partner's child"
        case .carer: "Cared for"
        case .sibling: "Sibling"
        case .householdMember: "Household member"
        }
    }

    /// Kinds in which the `from` person looks after the `to` person. Reviews keep finding that
    /// men in these roles were "unseen" by agencies, so the child's page lists them on their own.
    public var isCaringRole: Bool {
        switch self {
        case .mother, .father, .stepParent, .mothersPartner, .carer: true
        case .sibling, .householdMember: false
        }
    }

    /// Whether the relationship reads the same in both directions.
    public var isSymmetric: Bool { self == .sibling || self == .householdMember }
}
