import Foundation
import SafeguardCore

/// A fictional address in one of the demo districts. Postcodes use the unallocated "NM" area, so
/// they pass format checks but can never be a real place.
public struct DemoAddress: Sendable, Equatable, Codable {
    public let line1: String
    public let line2: String?
    public let town: String
    public let district: String
    public let postcode: String
    /// Unique property reference; missing for about a fifth, as for new builds and flats that
    /// address matching has not yet resolved.
    public let uprn: Int64?

    public init(line1: String, line2: String?, town: String, district: String, postcode: String, uprn: Int64?) {
        self.line1 = line1
        self.line2 = line2
        self.town = town
        self.district = district
        self.postcode = postcode
        self.uprn = uprn
    }
}
