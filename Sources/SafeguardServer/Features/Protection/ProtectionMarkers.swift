import Fluent
import Foundation
import SafeguardCore

/// Which addresses a protection record marks, and keeping the markers in step: the child's home and
/// the home of everyone recorded as caring for the child (mother, father, step-parent, mother's
/// partner, carer). Call inside an audited write.
package enum ProtectionMarkers {
    /// Loads who lives where now, and asks ``ProtectionMarking`` which addresses the child's record marks.
    package static func relevantAddresses(
        for childID: UUID, on db: Database
    ) async throws -> [ProtectionMarking.Address] {
        guard let child = try await Person.find(childID, on: db) else { return [] }
        func homes(of personID: UUID) async throws -> [UUID] {
            try await Residence.query(on: db).filter(\.$person.$id == personID).filter(\.$toDate == nil).all()
                .map(\.$address.id)
        }
        var relatives: [ProtectionMarking.Relative] = []
        for link in try await PersonRelationship.query(on: db).filter(\.$to.$id == childID).with(\.$from).all()
        where link.from.$mergedInto.id == nil {
            let kind = try RelationshipKind.stored(
                link.kind, table: PersonRelationship.schema, column: "kind", id: link.id)
            guard ProtectionMarking.marksHomes(of: kind) else { continue }
            relatives.append(.init(name: link.from.fullName, kind: kind, homes: try await homes(of: link.$from.id)))
        }
        return ProtectionMarking.addresses(
            childFirstName: child.firstName, childHomes: try await homes(of: childID), relatives: relatives)
    }

    /// Marks every relevant address not already marked for this record; returns the markers added.
    @discardableResult
    package static func place(
        for record: ProtectionRecord, now: Date, on db: Database
    ) async throws -> [PlaceOfInterestMarker] {
        let id = try record.requireID()
        let marked = Set(
            try await PlaceOfInterestMarker.query(on: db).filter(\.$protection.$id == id).filter(\.$endedAt == nil)
                .all().map(\.$address.id))
        var added: [PlaceOfInterestMarker] = []
        let relevant = try await relevantAddresses(for: record.$person.id, on: db)
        for a in ProtectionMarking.toPlace(relevant, alreadyMarked: marked) {
            let marker = PlaceOfInterestMarker(
                addressID: a.addressID, protectionID: id, reason: a.reason, startedAt: now)
            try await marker.create(on: db)
            added.append(marker)
        }
        return added
    }

    /// Ends every active marker of the record, keeping them as history.
    package static func endAll(for record: ProtectionRecord, reason: String, now: Date, on db: Database) async throws {
        for m in try await PlaceOfInterestMarker.query(on: db).filter(\.$protection.$id == record.requireID()).filter(
            \.$endedAt == nil
        ).all() {
            m.endedAt = now
            m.endReason = reason
            try await m.update(on: db)
        }
    }

    /// Ends a record on `end` and all its markers, and notes it on the chronology. The web page and
    /// `safeguard import cp-plans` both end records this way. Call inside an audited write.
    package static func end(
        _ record: ProtectionRecord, on end: SimpleDate, reason: String, now: Date, agencyID: UUID?, by userID: UUID?,
        on db: Database
    ) async throws {
        // Ended twice at once (a double press, or the nightly import and a social worker) ends once: one chronology
        // entry, and the first end date stands.
        try await db.holdUnchanged(record) { $0.endDate == nil }
        record.endDate = end.iso
        record.endReason = reason
        try await record.update(on: db)
        try await endAll(for: record, reason: "\(record.kind.displayName) ended: \(reason)", now: now, on: db)
        try await ChronologyEntry.onDay(
            end, personID: record.$person.id, agencyID: agencyID, category: "Child protection",
            summary: "\(record.kind.displayName) ended \(end.longText): \(reason)",
            recordedBy: userID, recordedAt: now, visibility: .safeguarding
        ).create(on: db)
    }
}
