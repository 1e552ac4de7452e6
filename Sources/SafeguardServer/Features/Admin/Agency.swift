import Fluent
import Foundation
import SafeguardCore

/// A partner organisation: the police force, a hospital trust, a school.
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    /// Decides what its staff may do (``AccessPolicy``): a stored kind Safeguard does not know is an error, never a
    /// guess at some other kind.
    @Field(key: "kind") var kind: AgencyKind
    @OptionalParent(key: "district_id") var district: District?
    @Field(key: "active") var active: Bool

    init() {}
    init(id: UUID? = nil, name: String, kind: AgencyKind, districtID: UUID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.$district.id = districtID
        self.active = true
    }
}

/// A district or borough: reports break figures down by these.
final class District: Model, @unchecked Sendable {
    static let schema = "districts"
    @ID var id: UUID?
    @Field(key: "name") var name: String

    init() {}
    init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A team within an agency (the MASH, a district assessment team, the Public Protection Unit).
final class Team: Model, @unchecked Sendable {
    static let schema = "teams"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Parent(key: "agency_id") var agency: Agency
    @OptionalParent(key: "district_id") var district: District?

    init() {}
    init(id: UUID? = nil, name: String, agencyID: UUID, districtID: UUID? = nil) {
        self.id = id
        self.name = name
        self.$agency.id = agencyID
        self.$district.id = districtID
    }
}
