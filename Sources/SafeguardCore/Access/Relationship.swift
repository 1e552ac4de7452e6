/// Where the user's agency stands with the person a request is about.
public enum Relationship: String, CaseIterable, Codable, Sendable {
    /// The agency has no recorded involvement, and the user has not broken the glass.
    case none
    /// The user's agency is recorded as working with the person.
    case agencyInvolved = "agency-involved"
    /// The user has broken the glass for this person, giving a reason, and the grant is still open.
    case glassBroken = "glass-broken"
}
