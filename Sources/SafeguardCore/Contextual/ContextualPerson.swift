import Foundation

/// A person in the contextual safeguarding network: a young person in the panel's cohort, or
/// anyone linked to one (a peer, a sibling, an adult suspected of exploiting them).
public struct ContextualPerson: Sendable, Equatable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// The name to show, as the server chooses it (which may be initials for someone restricted).
    public var displayName: String
    /// In the exploitation panel's cohort; groups and hotspots are about these young people.
    public var isCohortMember: Bool

    public init(id: UUID = UUID(), displayName: String, isCohortMember: Bool) {
        self.id = id
        self.displayName = displayName
        self.isCohortMember = isCohortMember
    }
}
