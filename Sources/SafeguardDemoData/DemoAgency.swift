import Foundation
import SafeguardCore

/// A fictional organisation in the demo partnership. `district` is set only for bodies that serve
/// one district (district councils, schools), which is how reports group them.
public struct DemoAgency: Sendable, Equatable, Codable {
    public let name: String
    public let kind: AgencyKind
    public let district: String?

    public init(name: String, kind: AgencyKind, district: String? = nil) {
        self.name = name
        self.kind = kind
        self.district = district
    }
}
