import Foundation

extension ContextualNetwork {
    /// The connected parts of the whole network holding at least `minimumCohortMembers` cohort
    /// members (default 2: one young person alone is not a connection). Largest first, then by the
    /// first member's name. A group takes in everyone and everywhere reachable, however far.
    public func connectedGroups(minimumCohortMembers: Int = 2) -> [ConnectedGroup] {
        var seen = Set<NodeKey>()
        var groups: [ConnectedGroup] = []
        for person in people where person.isCohortMember && !seen.contains(.person(person.id)) {
            let component = component(from: .person(person))
            seen.formUnion(component.map(\.key))
            let members = component.compactMap(\.person).filter(\.isCohortMember).sorted(by: nameOrder)
            guard members.count >= minimumCohortMembers else { continue }
            let others = component.compactMap(\.person).filter { !$0.isCohortMember }.sorted(by: nameOrder)
            let places = component.compactMap(\.place).sorted(by: nameOrder)
            let links = links(among: Set(component.compactMap { $0.person?.id }), places: Set(places.map(\.id)))
            groups.append(
                ConnectedGroup(
                    cohortMembers: members, otherPeople: others, places: places,
                    placeLinks: links.place, associateLinks: links.associate))
        }
        return groups.sorted { a, b in
            a.cohortMembers.count != b.cohortMembers.count
                ? a.cohortMembers.count > b.cohortMembers.count
                : nameOrder(a.cohortMembers[0], b.cohortMembers[0])
        }
    }

    /// Places linked to at least `minimumCohortMembers` cohort members (default 2), the most first,
    /// then by name. Several links from one young person to a place count once.
    public func hotspots(minimumCohortMembers: Int = 2) -> [Hotspot] {
        places.compactMap { place -> Hotspot? in
            let linked = Set(placeLinks.filter { $0.placeID == place.id }.map(\.personID)).compactMap { peopleByID[$0] }
            let members = linked.filter(\.isCohortMember).sorted(by: nameOrder)
            guard members.count >= minimumCohortMembers else { return nil }
            return Hotspot(
                place: place, cohortMembers: members,
                otherPeople: linked.filter { !$0.isCohortMember }.sorted(by: nameOrder))
        }
        .sorted { a, b in
            a.cohortMembers.count != b.cohortMembers.count
                ? a.cohortMembers.count > b.cohortMembers.count
                : nameOrder(a.place, b.place)
        }
    }

    /// Every node joined to `start`, by any number of links.
    func component(from start: NetworkNode) -> [NetworkNode] {
        var found: [NodeKey: NetworkNode] = [start.key: start]
        var stack = [start]
        while let node = stack.popLast() {
            for neighbour in neighbours(of: node) where found[neighbour.key] == nil {
                found[neighbour.key] = neighbour
                stack.append(neighbour)
            }
        }
        return Array(found.values)
    }
}
