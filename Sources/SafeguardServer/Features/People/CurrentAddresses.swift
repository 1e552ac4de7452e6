import Fluent
import Foundation

/// People's current addresses, fetched for many people in two queries rather than one each.
enum CurrentAddresses {
    static func postcodes(for people: [UUID], on db: Database) async throws -> [UUID: String] {
        guard !people.isEmpty else { return [:] }
        let residences = try await Residence.query(on: db).filter(\.$person.$id ~~ people).filter(\.$toDate == nil)
            .all()
        let addresses = try await Address.query(on: db).filter(\.$id ~~ residences.map { $0.$address.id }).all()
        let byID = Dictionary(uniqueKeysWithValues: addresses.compactMap { a in a.id.map { ($0, a) } })
        var out: [UUID: String] = [:]
        for r in residences { out[r.$person.id] = byID[r.$address.id]?.postcode }
        return out
    }
}
