import Foundation

/// A person or a place in the network.
public enum NetworkNode: Sendable, Equatable, Hashable, Codable {
    case person(ContextualPerson)
    case place(ContextualPlace)

    public var name: String {
        switch self {
        case .person(let p): p.displayName
        case .place(let p): p.name
        }
    }

    public var person: ContextualPerson? {
        if case .person(let p) = self { p } else { nil }
    }

    public var place: ContextualPlace? {
        if case .place(let p) = self { p } else { nil }
    }

    var key: NodeKey {
        switch self {
        case .person(let p): .person(p.id)
        case .place(let p): .place(p.id)
        }
    }
}

/// A node's identity: people and places are told apart even if a UUID were reused.
enum NodeKey: Hashable {
    case person(UUID)
    case place(UUID)
}

/// Name order, case-insensitive, then the id: the one ordering every list in the network uses, so
/// pages and tests see the same order every time.
func nameOrder(_ a: NetworkNode, _ b: NetworkNode) -> Bool {
    nameOrder(a.name, idText(a), b.name, idText(b))
}

func nameOrder(_ a: ContextualPerson, _ b: ContextualPerson) -> Bool {
    nameOrder(a.displayName, a.id.uuidString, b.displayName, b.id.uuidString)
}

func nameOrder(_ a: ContextualPlace, _ b: ContextualPlace) -> Bool {
    nameOrder(a.name, a.id.uuidString, b.name, b.id.uuidString)
}

private func nameOrder(_ aName: String, _ aID: String, _ bName: String, _ bID: String) -> Bool {
    (aName.lowercased(), aName, aID) < (bName.lowercased(), bName, bID)
}

private func idText(_ node: NetworkNode) -> String {
    switch node {
    case .person(let p): "person-" + p.id.uuidString
    case .place(let p): "place-" + p.id.uuidString
    }
}
