import Foundation

/// The places and associates linked to young people, and who is linked to whom and where.
///
/// Built once from the records the server loads; the questions (``neighbourhood(of:steps:)``,
/// ``connectedGroups(minimumCohortMembers:)``, ``hotspots(minimumCohortMembers:)``) are then answered
/// from memory. Links are tidied on the way in: a link naming a person or place not given is
/// dropped (it may be one the viewer may not see), as is a person linked to themselves, and a link
/// recorded twice (or both ways round, for mutual links) is kept once.
public struct ContextualNetwork: Sendable {
    /// Ordered by name.
    public let people: [ContextualPerson]
    /// Ordered by name.
    public let places: [ContextualPlace]
    public let placeLinks: [PersonPlaceLink]
    public let associateLinks: [AssociateLink]

    let peopleByID: [UUID: ContextualPerson]
    let placesByID: [UUID: ContextualPlace]
    /// Each node's neighbours, in name order, each once however many links join them.
    let neighbours: [NodeKey: [NetworkNode]]

    public init(
        people: [ContextualPerson], places: [ContextualPlace],
        placeLinks: [PersonPlaceLink], associateLinks: [AssociateLink]
    ) {
        // A repeated id keeps its first record, so one bad row cannot crash the page.
        var peopleByID: [UUID: ContextualPerson] = [:]
        for person in people where peopleByID[person.id] == nil { peopleByID[person.id] = person }
        var placesByID: [UUID: ContextualPlace] = [:]
        for place in places where placesByID[place.id] == nil { placesByID[place.id] = place }
        self.peopleByID = peopleByID
        self.placesByID = placesByID
        self.people = peopleByID.values.sorted(by: nameOrder)
        self.places = placesByID.values.sorted(by: nameOrder)

        var seenPlaceLinks = Set<PersonPlaceLink>()
        self.placeLinks = placeLinks.filter { link in
            peopleByID[link.personID] != nil && placesByID[link.placeID] != nil && seenPlaceLinks.insert(link).inserted
        }
        var seenAssociateLinks = Set<AssociateLink>()
        self.associateLinks = associateLinks.filter { link in
            link.personID != link.associateID && peopleByID[link.personID] != nil && peopleByID[link.associateID] != nil
                && seenAssociateLinks.insert(link.normalised).inserted
        }

        var adjacency: [NodeKey: [NodeKey: NetworkNode]] = [:]
        func join(_ a: NetworkNode, _ b: NetworkNode) {
            adjacency[a.key, default: [:]][b.key] = b
            adjacency[b.key, default: [:]][a.key] = a
        }
        for link in self.placeLinks {
            join(.person(peopleByID[link.personID]!), .place(placesByID[link.placeID]!))
        }
        for link in self.associateLinks {
            join(.person(peopleByID[link.personID]!), .person(peopleByID[link.associateID]!))
        }
        self.neighbours = adjacency.mapValues { $0.values.sorted(by: nameOrder) }
    }

    func neighbours(of node: NetworkNode) -> [NetworkNode] {
        neighbours[node.key] ?? []
    }

    /// The links whose ends are both among `people` and `places`, in input order.
    func links(among people: Set<UUID>, places: Set<UUID>) -> (place: [PersonPlaceLink], associate: [AssociateLink]) {
        (
            placeLinks.filter { people.contains($0.personID) && places.contains($0.placeID) },
            associateLinks.filter { people.contains($0.personID) && people.contains($0.associateID) }
        )
    }

    /// The most telling link between a person and a place, for describing it.
    func placeLink(person: UUID, place: UUID) -> PersonPlaceLink? {
        placeLinks.filter { $0.personID == person && $0.placeID == place }.min { $0.nature < $1.nature }
    }

    /// The most telling link between two people, either way round.
    func associateLink(between a: UUID, and b: UUID) -> AssociateLink? {
        associateLinks.filter { ($0.personID == a && $0.associateID == b) || ($0.personID == b && $0.associateID == a) }
            .min { $0.nature < $1.nature }
    }
}
