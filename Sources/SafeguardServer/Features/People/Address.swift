import Fluent
import Foundation
import SafeguardCore

/// A postal address. Shared by everyone who has lived there, so a household is the set of
/// people with a current residence at one address.
final class Address: Model, @unchecked Sendable {
    static let schema = "addresses"
    @ID var id: UUID?
    @Field(key: "line1") var line1: String
    @OptionalField(key: "line2") var line2: String?
    @Field(key: "town") var town: String
    @OptionalParent(key: "district_id") var district: District?
    @Field(key: "postcode") var postcode: String
    @OptionalField(key: "uprn") var uprn: Int64?
    /// Set when this row was a duplicate of another home and has been merged into it.
    @OptionalParent(key: "merged_into_id") var mergedInto: Address?
    @OptionalField(key: "merged_at") var mergedAt: Date?
    @OptionalField(key: "merge_reason") var mergeReason: String?

    init() {}
    init(line1: String, line2: String?, town: String, districtID: UUID?, postcode: String, uprn: Int64?) {
        self.line1 = line1
        self.line2 = line2
        self.town = town
        self.$district.id = districtID
        self.postcode = postcode
        self.uprn = uprn
    }

    var knownHome: KnownHome {
        KnownHome(id: id?.uuidString ?? "", line1: line1, line2: line2, town: town, postcode: postcode, uprn: uprn)
    }

    var singleLine: String {
        ([line1, line2, town, postcode] as [String?]).compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// A person living at an address from one date to another (no end: lives there now).
final class Residence: Model, @unchecked Sendable {
    static let schema = "residences"
    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "address_id") var address: Address
    @Field(key: "from_date") var fromDate: String
    @OptionalField(key: "to_date") var toDate: String?

    init() {}
    init(personID: UUID, addressID: UUID, from: String, to: String?) {
        self.$person.id = personID
        self.$address.id = addressID
        self.fromDate = from
        self.toDate = to
    }
}
