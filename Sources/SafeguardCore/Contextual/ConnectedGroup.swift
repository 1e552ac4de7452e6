/// Young people in the cohort linked to each other, directly or through shared places and other
/// people: one connected part of the network.
public struct ConnectedGroup: Sendable, Equatable, Codable {
    /// The cohort members in the group, by name.
    public var cohortMembers: [ContextualPerson]
    /// Everyone else who links them (associates, adults), by name.
    public var otherPeople: [ContextualPerson]
    /// The places that link them, by name.
    public var places: [ContextualPlace]
    /// Every link inside the group.
    public var placeLinks: [PersonPlaceLink]
    public var associateLinks: [AssociateLink]

    public init(
        cohortMembers: [ContextualPerson], otherPeople: [ContextualPerson], places: [ContextualPlace],
        placeLinks: [PersonPlaceLink], associateLinks: [AssociateLink]
    ) {
        self.cohortMembers = cohortMembers
        self.otherPeople = otherPeople
        self.places = places
        self.placeLinks = placeLinks
        self.associateLinks = associateLinks
    }

    /// "4 young people connected through 2 places and 1 other person"; "2 young people linked
    /// directly" when they know each other and share nothing and no one else.
    public var summary: String {
        let youngPeople = Self.count(cohortMembers.count, "young person", "young people")
        var through: [String] = []
        if !places.isEmpty { through.append(Self.count(places.count, "place", "places")) }
        if !otherPeople.isEmpty { through.append(Self.count(otherPeople.count, "other person", "other people")) }
        if through.isEmpty { return "\(youngPeople) linked directly" }
        return "\(youngPeople) connected through \(through.joined(separator: " and "))"
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }
}
