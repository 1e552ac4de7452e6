import Foundation
import SafeguardCore

/// Reads "people[from] is the `kind` of people[to]". Symmetric kinds are stored once per pair.
public struct DemoRelationship: Sendable, Equatable, Codable {
    public let from: Int
    public let to: Int
    public let kind: RelationshipKind

    public init(from: Int, to: Int, kind: RelationshipKind) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}
