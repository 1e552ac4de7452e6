import Foundation

/// A person linked to a place ("Jay frequents Northgate Park").
public struct PersonPlaceLink: Sendable, Equatable, Hashable, Codable {
    public var personID: UUID
    public var placeID: UUID
    public var nature: PlaceLinkNature

    public init(personID: UUID, placeID: UUID, nature: PlaceLinkNature) {
        self.personID = personID
        self.placeID = placeID
        self.nature = nature
    }
}
