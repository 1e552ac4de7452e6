import Foundation

/// Which addresses a child protection plan (or unborn plan, or looked-after status) marks for the police: the
/// child's home and the home of everyone recorded as caring for the child (mother, father, step-parent, mother's
/// partner, carer), each once, with why it is marked. The server loads who lives where; this decides.
public enum ProtectionMarking {
    public struct Address: Equatable, Sendable {
        public var addressID: UUID
        /// What the police officer reads on the marker: "Kayla's home", "home of Dean Walker (mother's partner)".
        public var reason: String

        public init(addressID: UUID, reason: String) {
            self.addressID = addressID
            self.reason = reason
        }
    }

    /// Someone recorded in a relationship to the child, with the homes they live at now.
    public struct Relative: Sendable {
        public var name: String
        public var kind: RelationshipKind
        public var homes: [UUID]

        public init(name: String, kind: RelationshipKind, homes: [UUID]) {
            self.name = name
            self.kind = kind
            self.homes = homes
        }
    }

    /// Whether a relative of this kind has their homes marked: only those caring for the child. The server asks this
    /// before loading a relative's homes, so a sibling's or a household member's are never read.
    public static func marksHomes(of kind: RelationshipKind) -> Bool { kind.isCaringRole }

    /// The addresses to mark, the child's own homes first; a relative who is not a carer marks nothing.
    public static func addresses(childFirstName: String, childHomes: [UUID], relatives: [Relative]) -> [Address] {
        var out: [Address] = []
        func add(_ id: UUID, _ reason: String) {
            if !out.contains(where: { $0.addressID == id }) { out.append(Address(addressID: id, reason: reason)) }
        }
        for home in childHomes { add(home, "\(childFirstName)'s home") }
        for relative in relatives where marksHomes(of: relative.kind) {
            for home in relative.homes {
                add(home, "home of \(relative.name) (\(relative.kind.displayName.lowercased()))")
            }
        }
        return out
    }

    /// Of the addresses the record should mark, those not marked yet: what a refresh after a move adds.
    public static func toPlace(_ relevant: [Address], alreadyMarked: Set<UUID>) -> [Address] {
        relevant.filter { !alreadyMarked.contains($0.addressID) }
    }
}
