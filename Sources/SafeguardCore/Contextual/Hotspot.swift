/// A place linked to several young people in the cohort: somewhere to target disruption,
/// outreach or a contextual safeguarding assessment.
public struct Hotspot: Sendable, Equatable, Codable {
    public var place: ContextualPlace
    /// The cohort members linked to it, by name.
    public var cohortMembers: [ContextualPerson]
    /// Anyone else linked to it (a suspected exploiter seen there), by name.
    public var otherPeople: [ContextualPerson]

    public init(place: ContextualPlace, cohortMembers: [ContextualPerson], otherPeople: [ContextualPerson]) {
        self.place = place
        self.cohortMembers = cohortMembers
        self.otherPeople = otherPeople
    }
}
