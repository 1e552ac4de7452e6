import Fluent
import Foundation
import SafeguardCore

/// A partner organisation: the police force, a hospital trust, a school.
package final class Agency: Model, @unchecked Sendable {
    package static let schema = "agencies"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    /// Decides what its staff may do (``AccessPolicy``): a stored kind Safeguard does not know is an error, never a
    /// guess at some other kind.
    @Field(key: "kind") package var kind: AgencyKind
    @OptionalParent(key: "district_id") package var district: District?
    @Field(key: "active") package var active: Bool

    package init() {}
    package init(id: UUID? = nil, name: String, kind: AgencyKind, districtID: UUID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.$district.id = districtID
        self.active = true
    }
}

/// A district or borough: reports break figures down by these.
package final class District: Model, @unchecked Sendable {
    package static let schema = "districts"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String

    package init() {}
    package init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A team within an agency (the MASH, a district assessment team, the Public Protection Unit).
package final class Team: Model, @unchecked Sendable {
    package static let schema = "teams"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    @Parent(key: "agency_id") package var agency: Agency
    @OptionalParent(key: "district_id") package var district: District?

    package init() {}
    package init(id: UUID? = nil, name: String, agencyID: UUID, districtID: UUID? = nil) {
        self.id = id
        self.name = name
        self.$agency.id = agencyID
        self.$district.id = districtID
    }
}
