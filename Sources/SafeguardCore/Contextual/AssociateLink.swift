import Foundation

/// Two people linked: `associateID` is `personID`'s `nature` ("Kieran is a suspected exploiter of
/// Jay" is person Jay, associate Kieran).
public struct AssociateLink: Sendable, Equatable, Hashable, Codable {
    public var personID: UUID
    public var associateID: UUID
    public var nature: AssociateLinkNature

    public init(personID: UUID, associateID: UUID, nature: AssociateLinkNature) {
        self.personID = personID
        self.associateID = associateID
        self.nature = nature
    }

    /// The same link whichever way round it was recorded, for mutual natures; so "A peer of B" and
    /// "B peer of A" are one link, not two.
    var normalised: AssociateLink {
        guard nature.isMutual, associateID.uuidString < personID.uuidString else { return self }
        return AssociateLink(personID: associateID, associateID: personID, nature: nature)
    }
}
