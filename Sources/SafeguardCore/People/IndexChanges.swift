import Foundation

/// What in the sealed audit trail changes the person index, so that every server can keep its own in-memory index
/// current by reading the trail (each change commits with its audit entry, and sealing numbers them in one order).
/// A person created or changed (details, other names, an address, a merge or its undoing) is filed again; an
/// address changed (duplicate homes merged) files again everyone who lives there now.
public struct IndexChanges: Equatable, Sendable {
    public var people: Set<UUID> = []
    public var addresses: Set<UUID> = []

    public init() {}

    /// The record types and actions that can change what the index holds; views and searches never do.
    public static let recordTypes = ["person", "address"]
    public static let actions: [AuditAction] = [.create, .change]

    public var isEmpty: Bool { people.isEmpty && addresses.isEmpty }

    /// Adds one trail entry; entries of other kinds are ignored.
    public mutating func add(action: AuditAction, recordType: String, recordID: String) {
        guard Self.actions.contains(action), let id = UUID(uuidString: recordID) else { return }
        switch recordType {
        case "person": people.insert(id)
        case "address": addresses.insert(id)
        default: break
        }
    }
}
