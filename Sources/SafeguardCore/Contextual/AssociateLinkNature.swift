/// How two people are linked. Declared most telling first, as for ``PlaceLinkNature``.
public enum AssociateLinkNature: String, CaseIterable, Codable, Sendable, Comparable {
    /// The associate is suspected of exploiting the person: the one link with a direction.
    case suspectedExploiter = "suspected-exploiter"
    case sibling
    case relative
    /// Boyfriend or girlfriend.
    case partner
    case peer
    case other

    public var displayName: String {
        switch self {
        case .suspectedExploiter: "Suspected exploiter"
        case .sibling: "Sibling"
        case .relative: "Relative"
        case .partner: "Boyfriend or girlfriend"
        case .peer: "Peer"
        case .other: "Associate"
        }
    }

    /// The same both ways round: A is B's sibling exactly when B is A's.
    public var isMutual: Bool { self != .suspectedExploiter }

    /// The associate described from the person: "Suspected exploiter of Alex".
    func associateDescription(of person: String) -> String {
        "\(displayName) of \(person)"
    }

    /// The person described from the associate: "Suspected of being exploited by Kieran".
    func personDescription(of associate: String) -> String {
        isMutual ? associateDescription(of: associate) : "Suspected of being exploited by \(associate)"
    }

    public static func < (a: AssociateLinkNature, b: AssociateLinkNature) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
