import Foundation

extension ContextualNetwork {
    /// Everyone and everywhere within `steps` links of the person `id` (default 2: their places and
    /// associates, and who shares those places or knows those associates). Nil when the person is
    /// not in the network. Each node appears once, at its shortest distance; cycles are harmless.
    public func neighbourhood(of id: UUID, steps: Int = 2) -> NetworkNeighbourhood? {
        guard let centre = peopleByID[id] else { return nil }
        let start = NetworkNode.person(centre)
        var paths: [NodeKey: [NetworkNode]] = [start.key: [start]]
        var reached: [ReachedNode] = []
        var frontier = [start]
        var distance = 0
        while distance < steps, !frontier.isEmpty {
            distance += 1
            var next: [NetworkNode] = []
            // The frontier is in name order and so are neighbours: the first path found is the
            // first in name order, and the same data always gives the same paths.
            for node in frontier {
                for neighbour in neighbours(of: node) where paths[neighbour.key] == nil {
                    let path = paths[node.key]! + [neighbour]
                    paths[neighbour.key] = path
                    next.append(neighbour)
                    reached.append(ReachedNode(node: neighbour, steps: distance, path: path, why: why(path)))
                }
            }
            frontier = next.sorted(by: nameOrder)
        }
        reached.sort { $0.steps != $1.steps ? $0.steps < $1.steps : nameOrder($0.node, $1.node) }
        let peopleIn = Set([centre.id] + reached.compactMap { $0.node.person?.id })
        let placesIn = Set(reached.compactMap { $0.node.place?.id })
        let links = links(among: peopleIn, places: placesIn)
        return NetworkNeighbourhood(
            centre: centre, steps: steps, reached: reached,
            placeLinks: links.place, associateLinks: links.associate)
    }

    /// Describes the last node of `path` from the one before it.
    func why(_ path: [NetworkNode]) -> String {
        let node = path[path.count - 1]
        let previous = path[path.count - 2]
        switch (previous, node) {
        case (.person(let person), .place(let place)):
            return placeLink(person: person.id, place: place.id)?.nature.placeDescription(person: person.displayName)
                ?? "Linked to \(person.displayName)"
        case (.place(let place), .person):
            // Places link only to people, so whoever led to this place is two back.
            if path.count >= 3, let sharer = path[path.count - 3].person {
                return "Shares \(place.name) with \(sharer.displayName)"
            }
            return "Linked to \(place.name)"
        case (.person(let from), .person(let to)):
            guard let link = associateLink(between: from.id, and: to.id) else { return "Linked to \(from.displayName)" }
            return link.personID == from.id
                ? link.nature.associateDescription(of: from.displayName)
                : link.nature.personDescription(of: from.displayName)
        case (.place, .place):
            return "Linked to \(previous.name)"
        }
    }
}
