import Fluent
import Foundation
import SafeguardCore

/// Which district a new address is in, judged from addresses already known in the same
/// postcode district. Good enough until a partnership loads a postcode-to-district table;
/// an address in a postcode district we have never seen stays without one.
enum DistrictLookup {
    static func district(for postcode: UKPostcode, on db: Database) async throws -> UUID? {
        try await Address.query(on: db)
            .filter(\.$postcode, .custom("LIKE"), "\(postcode.outward) %")
            .filter(\.$district.$id != nil)
            .first()?.$district.id
    }
}
