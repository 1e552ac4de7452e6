import Fluent
import Foundation
import SQLKit
import SafeguardCore
import Vapor

/// Joins a duplicate record into the record kept, and undoes that. Everything the duplicate
/// held moves across unless the kept record already has it (the same other name, address
/// period, relative or agency): those rows stay on the duplicate, so undoing restores the
/// duplicate exactly as it was. Call inside an audited write: it runs on the transaction given.
enum PersonMerger {
    struct Problem: Error { let message: String }

    static func merge(
        keep keptID: UUID, duplicate dupID: UUID, reason: String, by userID: UUID, agencyID: UUID,
        now: Date, on db: Database
    ) async throws -> PersonMerge {
        guard keptID != dupID else {
            throw Problem(message: "Choose a different record: a record cannot be merged with itself")
        }
        // Both records are held until the merge commits, in one order whichever is kept, so A into B and B into A
        // pressed at the same moment take turns (the second then finds the first merged) rather than make a cycle.
        var held: [UUID: Person] = [:]
        for id in [keptID, dupID].sorted(by: { $0.uuidString < $1.uuidString }) {
            do { held[id] = try await db.lockedForWrite(Person.self, id) } catch let gone as Abort
                where gone.status == .conflict
            {}
        }
        guard let kept = held[keptID], let dup = held[dupID] else {
            throw Problem(message: "One of the records no longer exists")
        }
        guard kept.$mergedInto.id == nil, dup.$mergedInto.id == nil else {
            throw Problem(message: "One of the records has already been merged: open the record it was merged into")
        }
        var moves: [PersonMerge.Move] = []

        let keptNames = Set(try await OtherName.query(on: db).filter(\.$person.$id == keptID).all().map(\.nameKey))
        for n in try await OtherName.query(on: db).filter(\.$person.$id == dupID).all()
        where !keptNames.contains(n.nameKey) {
            moves.append(.init(table: OtherName.schema, column: "person_id", rowID: try n.requireID()))
        }
        let keptStays = Set(
            try await Residence.query(on: db).filter(\.$person.$id == keptID).all().map {
                "\($0.$address.id)|\($0.fromDate)"
            })
        for r in try await Residence.query(on: db).filter(\.$person.$id == dupID).all()
        where !keptStays.contains("\(r.$address.id)|\(r.fromDate)") {
            moves.append(.init(table: Residence.schema, column: "person_id", rowID: try r.requireID()))
        }
        let keptAgencies = Set(
            try await AgencyInvolvement.query(on: db).filter(\.$person.$id == keptID).all().map(\.$agency.id))
        for i in try await AgencyInvolvement.query(on: db).filter(\.$person.$id == dupID).all()
        where !keptAgencies.contains(i.$agency.id) {
            moves.append(.init(table: AgencyInvolvement.schema, column: "person_id", rowID: try i.requireID()))
        }
        moves += try await relationshipMoves(kept: keptID, dup: dupID, on: db)
        for e in try await ChronologyEntry.query(on: db).filter(\.$person.$id == dupID).all() {
            moves.append(.init(table: ChronologyEntry.schema, column: "person_id", rowID: try e.requireID()))
        }
        for s in try await ReferralSubject.query(on: db).filter(\.$person.$id == dupID).all() {
            moves.append(.init(table: ReferralSubject.schema, column: "person_id", rowID: try s.requireID()))
        }
        for r in try await ProtectionRecord.query(on: db).filter(\.$person.$id == dupID).all() {
            moves.append(.init(table: ProtectionRecord.schema, column: "person_id", rowID: try r.requireID()))
        }
        for a in try await IncidentAlert.query(on: db).filter(\.$person.$id == dupID).all() {
            moves.append(.init(table: IncidentAlert.schema, column: "person_id", rowID: try a.requireID()))
        }
        for c in try await ProtectionStatusCheck.query(on: db).filter(\.$person.$id == dupID).all() {
            moves.append(.init(table: ProtectionStatusCheck.schema, column: "person_id", rowID: try c.requireID()))
        }
        for m in moves { try await point(m, at: keptID, on: db) }

        // The duplicate's name stays findable on the kept record: it is how someone spelt it.
        if Person.key(dup.fullName) != Person.key(kept.fullName) && !keptNames.contains(Person.key(dup.fullName)) {
            let name = OtherName(personID: keptID, kind: .alias, name: dup.fullName)
            try await name.create(on: db)
            moves.append(.init(table: OtherName.schema, column: nil, rowID: try name.requireID()))
        }
        let note = ChronologyEntry(
            personID: keptID, occurredAt: now, agencyID: agencyID, category: "Record",
            summary: "Merged with a duplicate record: \(dup.fullName)\(dup.dob.map { ", born \($0.longText)" } ?? "")",
            recordedBy: userID)
        try await note.create(on: db)
        moves.append(.init(table: ChronologyEntry.schema, column: nil, rowID: try note.requireID()))

        dup.$mergedInto.id = keptID
        try await dup.update(on: db)
        let merge = PersonMerge()
        merge.$kept.id = keptID
        merge.$merged.id = dupID
        merge.reason = reason
        merge.moves = String(decoding: try JSONEncoder().encode(moves), as: UTF8.self)
        merge.$mergedBy.id = userID
        merge.mergedAt = now
        try await merge.create(on: db)
        return merge
    }

    /// Relatives move unless the link would join the record to itself or the kept record has it.
    private static func relationshipMoves(kept: UUID, dup: UUID, on db: Database) async throws -> [PersonMerge.Move] {
        let keptLinks = try await PersonRelationship.query(on: db).group(.or) {
            $0.filter(\.$from.$id == kept).filter(\.$to.$id == kept)
        }.all()
        let existing = Set(keptLinks.map { "\($0.$from.id)|\($0.$to.id)|\($0.kind)" })
        var out: [PersonMerge.Move] = []
        for r in try await PersonRelationship.query(on: db).filter(\.$from.$id == dup).all() {
            guard r.$to.id != kept, !existing.contains("\(kept)|\(r.$to.id)|\(r.kind)") else { continue }
            out.append(.init(table: PersonRelationship.schema, column: "from_person_id", rowID: try r.requireID()))
        }
        for r in try await PersonRelationship.query(on: db).filter(\.$to.$id == dup).all() {
            guard r.$from.id != kept, !existing.contains("\(r.$from.id)|\(kept)|\(r.kind)") else { continue }
            out.append(.init(table: PersonRelationship.schema, column: "to_person_id", rowID: try r.requireID()))
        }
        return out
    }

    /// Puts every moved row back on the duplicate, removes what the merge added, and returns the
    /// duplicate to search. What was added to the kept record since stays there.
    static func undo(_ merge: PersonMerge, reason: String, by userID: UUID, now: Date, on db: Database) async throws {
        guard merge.undoneAt == nil else { throw Problem(message: "This merge has already been undone") }
        let dupID = merge.$merged.id
        for m in merge.moveList.reversed() {
            if m.column == nil {
                try await db.sql().delete(from: m.table).where("id", .equal, SQLBind(m.rowID)).run()
            } else {
                try await point(m, at: dupID, on: db)
            }
        }
        guard let dup = try await Person.find(dupID, on: db) else {
            throw Problem(message: "The merged record no longer exists")
        }
        dup.$mergedInto.id = nil
        try await dup.update(on: db)
        merge.$undoneBy.id = userID
        merge.undoneAt = now
        merge.undoReason = reason
        try await merge.update(on: db)
    }

    private static func point(_ m: PersonMerge.Move, at person: UUID, on db: Database) async throws {
        guard let column = m.column else { return }
        try await db.sql().update(m.table).set(SQLIdentifier(column), to: SQLBind(person)).where(
            "id", .equal, SQLBind(m.rowID)
        ).run()
    }
}
