import Fluent
import Foundation
import SafeguardCore

/// Folds copies of one home into the copy kept: everyone's residences, the plans' and cuckooing
/// markers and matched police incidents move across, and each copy is left pointing at the home kept.
/// Call inside an audited write, so it all commits or none of it does.
enum HomeMerger {
    static func merge(keep keptID: UUID, copies: [UUID], reason: String, now: Date, on db: Database) async throws {
        // Every home in the set is held, in one order, so two merges of the same set keeping different homes take
        // turns; the second finds the copies merged and changes nothing (it would otherwise make X into Y into X).
        for id in ([keptID] + copies).sorted(by: { $0.uuidString < $1.uuidString }) {
            let home = try await db.lockedForWrite(Address.self, id)
            guard home.$mergedInto.id == nil else { throw RowLock.changedMeanwhile }
        }
        for r in try await Residence.query(on: db).filter(\.$address.$id ~~ copies).all() {
            r.$address.id = keptID
            try await r.update(on: db)
        }
        let keptMarkers = try await PlaceOfInterestMarker.query(on: db).filter(\.$address.$id == keptID).filter(
            \.$endedAt == nil
        ).all()
        let moving = try await PlaceOfInterestMarker.query(on: db).filter(\.$address.$id ~~ copies).filter(
            \.$endedAt == nil
        ).sort(\.$startedAt).all()
        let fates = HomeMerge.markerFates(
            kept: Set(keptMarkers.map { $0.$protection.id.uuidString }),
            moving: moving.map { ($0.id!.uuidString, $0.$protection.id.uuidString) })
        for (marker, fate) in zip(moving, fates) {
            marker.$address.id = keptID
            if fate.ends {
                marker.endedAt = now
                marker.endReason = "The same home as another marker of this record: addresses merged"
            }
            try await marker.update(on: db)
        }
        // Ended markers move too, so the kept home's history is whole.
        for marker in try await PlaceOfInterestMarker.query(on: db).filter(\.$address.$id ~~ copies).all() {
            marker.$address.id = keptID
            try await marker.update(on: db)
        }
        for home in try await CuckooedHome.query(on: db).filter(\.$address.$id ~~ copies).all() {
            home.$address.id = keptID
            try await home.update(on: db)
        }
        for incident in try await PoliceIncident.query(on: db).filter(\.$matchedAddress.$id ~~ copies).all() {
            incident.$matchedAddress.id = keptID
            try await incident.update(on: db)
        }
        for copy in try await Address.query(on: db).filter(\.$id ~~ copies).all() {
            copy.$mergedInto.id = keptID
            copy.mergedAt = now
            copy.mergeReason = reason
            try await copy.update(on: db)
        }
    }
}
