/// The network around one young person: everyone and everywhere within a number of steps.
public struct NetworkNeighbourhood: Sendable, Equatable, Codable {
    public var centre: ContextualPerson
    public var steps: Int
    /// Everything reached, nearest first, then by name; the centre is not included.
    public var reached: [ReachedNode]
    /// The links among the centre and everything reached, for drawing the picture.
    public var placeLinks: [PersonPlaceLink]
    public var associateLinks: [AssociateLink]

    public init(
        centre: ContextualPerson, steps: Int, reached: [ReachedNode],
        placeLinks: [PersonPlaceLink], associateLinks: [AssociateLink]
    ) {
        self.centre = centre
        self.steps = steps
        self.reached = reached
        self.placeLinks = placeLinks
        self.associateLinks = associateLinks
    }

    /// The people reached, nearest first, then by name.
    public var people: [ReachedNode] { reached.filter { $0.node.person != nil } }

    /// The places reached, nearest first, then by name.
    public var places: [ReachedNode] { reached.filter { $0.node.place != nil } }
}
