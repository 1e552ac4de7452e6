import Foundation
import SafeguardCore

/// A team inside a demo agency; `agency` indexes ``DemoPartnership/agencies`` so the data can be
/// loaded into any store without agreeing identifiers first.
public struct DemoTeam: Sendable, Equatable, Codable {
    public let name: String
    public let agency: Int
    public let district: String?

    public init(name: String, agency: Int, district: String? = nil) {
        self.name = name
        self.agency = agency
        self.district = district
    }
}
