import Fluent
import Foundation
import SafeguardCore

/// A postal address. Shared by everyone who has lived there, so a household is the set of
/// people with a current residence at one address.
package final class Address: Model, @unchecked Sendable {
    package static let schema = "addresses"
    @ID package var id: UUID?
    @Field(key: "line1") package var line1: String
    @OptionalField(key: "line2") package var line2: String?
    @Field(key: "town") package var town: String
    @OptionalParent(key: "district_id") package var district: District?
    @Field(key: "postcode") package var postcode: String
    @OptionalField(key: "uprn") package var uprn: Int64?
    /// Set when this row was a duplicate of another home and has been merged into it.
    @OptionalParent(key: "merged_into_id") package var mergedInto: Address?
    @OptionalField(key: "merged_at") package var mergedAt: Date?
    @OptionalField(key: "merge_reason") package var mergeReason: String?

    package init() {}
    package init(line1: String, line2: String?, town: String, districtID: UUID?, postcode: String, uprn: Int64?) {
        self.line1 = line1
        self.line2 = line2
        self.town = town
        self.$district.id = districtID
        self.postcode = postcode
        self.uprn = uprn
    }

    package var knownHome: KnownHome {
        KnownHome(id: id?.uuidString ?? "", line1: line1, line2: line2, town: town, postcode: postcode, uprn: uprn)
    }

    package var singleLine: String {
        ([line1, line2, town, postcode] as [String?]).compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// A person living at an address from one date to another (no end: lives there now).
package final class Residence: Model, @unchecked Sendable {
    package static let schema = "residences"
    @ID package var id: UUID?
    @Parent(key: "person_id") package var person: Person
    @Parent(key: "address_id") package var address: Address
    @Field(key: "from_date") package var fromDate: String
    @OptionalField(key: "to_date") package var toDate: String?

    package init() {}
    package init(personID: UUID, addressID: UUID, from: String, to: String?) {
        self.$person.id = personID
        self.$address.id = addressID
        self.fromDate = from
        self.toDate = to
    }
}
