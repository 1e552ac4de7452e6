import Fluent
import Foundation

/// Turns the ids in audit entries into the names a reviewer needs ("who looked at whom"),
/// with one query per kind of thing rather than one per entry.
struct AuditNames: Sendable {
    private var users: [String: String] = [:]
    private var people: [String: String] = [:]
    /// Other records by type and id: a referral's reference, an address, whose plan.
    private var others: [String: [String: String]] = [:]

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
        func ids(_ type: String) -> [UUID] {
            Array(Set(entries.filter { $0.recordType == type }.compactMap { UUID(uuidString: $0.recordID) }))
        }
        for r in try await Referral.query(on: db).filter(\.$id ~~ ids("referral")).all() {
            names.others["referral", default: [:]][r.id!.uuidString] = "Referral \(r.reference)"
        }
        for q in try await InformationRequest.query(on: db).filter(\.$id ~~ ids("information-request")).with(
            \.$referral
        ).with(\.$agency).all() {
            names.others["information-request", default: [:]][q.id!.uuidString] =
                "Request to \(q.agency.name) about \(q.referral.reference)"
        }
        for a in try await Address.query(on: db).filter(\.$id ~~ ids("address")).all() {
            names.others["address", default: [:]][a.id!.uuidString] = "Address: \(a.singleLine)"
        }
        for r in try await ProtectionRecord.query(on: db).filter(\.$id ~~ ids("protection")).with(\.$person).all() {
            names.others["protection", default: [:]][r.id!.uuidString] = "\(r.kind.displayName): \(r.person.fullName)"
        }
        for i in try await PoliceIncident.query(on: db).filter(\.$id ~~ ids("police-incident")).all() {
            names.others["police-incident", default: [:]][i.id!.uuidString] = "Police incident \(i.reference)"
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
        // Anything else by its whole id: a cut id cannot be looked up, and two records could share its start.
        default: others[type]?[id] ?? (id.isEmpty ? type : "\(type) \(id)")
        }
    }
}
