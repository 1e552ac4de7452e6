import Foundation

/// A place young people are linked to: the "context" in contextual safeguarding, where harm
/// happens outside the family.
public struct ContextualPlace: Sendable, Equatable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// How practitioners know it: "Northgate Park", "14 Mill Lane", "Central bus station".
    public var name: String
    public var kind: ContextualPlaceKind

    public init(id: UUID = UUID(), name: String, kind: ContextualPlaceKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}
