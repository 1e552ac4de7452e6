/// A person or place found around a young person, with how it was reached.
public struct ReachedNode: Sendable, Equatable, Codable {
    public var node: NetworkNode
    /// Links from the young person: 1 for their own places and associates.
    public var steps: Int
    /// From the young person to this node, both ends included: one shortest way, the first in name
    /// order when there are several.
    public var path: [NetworkNode]
    /// Why it is linked, from the last step: "Shares Northgate Park with Jay", "Peer of Jay",
    /// "Frequented by Jay".
    public var why: String

    public init(node: NetworkNode, steps: Int, path: [NetworkNode], why: String) {
        self.node = node
        self.steps = steps
        self.path = path
        self.why = why
    }

    /// The path as text: "Alex → Northgate Park → Jay".
    public var pathText: String {
        path.map(\.name).joined(separator: " → ")
    }
}
