import Fluent
import Foundation

/// Turns the ids in audit entries into the names a reviewer needs ("who looked at whom"),
/// with one query per kind of thing rather than one per entry.
struct AuditNames: Sendable {
    private var users: [String: String] = [:]
    private var people: [String: String] = [:]

    static func load(for entries: [AuditEntry], on db: Database) async throws -> AuditNames {
        var names = AuditNames()
        let userIDs = Set(entries.compactMap { UUID(uuidString: $0.userID) })
        for u in try await User.query(on: db).filter(\.$id ~~ userIDs).with(\.$agency).all() {
            names.users[u.id!.uuidString] = "\(u.displayName), \(u.agency.name)"
        }
        let personIDs = Set(entries.filter { $0.recordType == "person" }.compactMap { UUID(uuidString: $0.recordID) })
        for p in try await Person.query(on: db).filter(\.$id ~~ personIDs).all() {
            names.people[p.id!.uuidString] = p.fullName
        }
        return names
    }

    func user(_ id: String) -> String {
        if let name = users[id] { return name }
        if id.hasPrefix("api-token:") { return "Partner system (API token)" }
        return id == "system" || id == "command-line" ? "Safeguard (\(id))" : "Unknown user"
    }

    func record(type: String, id: String) -> String {
        switch type {
        case "person": people[id].map { "Person: \($0)" } ?? "Person (removed)"
        case "person-search": "Search: \(id)"
        case "user": users[id].map { "User: \($0)" } ?? "User"
        default: id.isEmpty ? type : "\(type) \(id.prefix(8))"
        }
    }
}
