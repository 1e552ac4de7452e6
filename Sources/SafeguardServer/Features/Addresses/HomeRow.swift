import Fluent
import Foundation
import SafeguardCore

/// One recorded copy of a home as the duplicate pages show it: who lives there and what marks it, so the
/// practitioner can see which copy the household and the police already use.
struct HomeRow: Sendable {
    var id: UUID
    var address: String
    var uprn: Int64?
    var residents: [String]
    var activeMarkers: Int

    static func load(_ homes: [KnownHome], on db: Database) async throws -> [String: HomeRow] {
        let ids = homes.compactMap { UUID(uuidString: $0.id) }
        guard !ids.isEmpty else { return [:] }
        let residences = try await Residence.query(on: db).filter(\.$address.$id ~~ ids).filter(\.$toDate == nil).with(
            \.$person
        ).all()
            .filter { $0.person.$mergedInto.id == nil }
        let markers = try await PlaceOfInterestMarker.query(on: db).filter(\.$address.$id ~~ ids).filter(
            \.$endedAt == nil
        ).all()
        let cuckooed = try await CuckooedHome.query(on: db).filter(\.$address.$id ~~ ids).filter(\.$endedAt == nil)
            .all()
        var out: [String: HomeRow] = [:]
        for home in homes {
            guard let id = UUID(uuidString: home.id) else { continue }
            out[home.id] = HomeRow(
                id: id, address: home.singleLine, uprn: home.uprn,
                residents: residences.filter { $0.$address.id == id }.map(\.person.fullName).sorted(),
                activeMarkers: markers.filter { $0.$address.id == id }.count
                    + cuckooed.filter { $0.$address.id == id }.count)
        }
        return out
    }

    static func ordered(_ homes: [KnownHome], on db: Database) async throws -> [HomeRow] {
        let rows = try await load(homes, on: db)
        return homes.compactMap { rows[$0.id] }
    }
}
