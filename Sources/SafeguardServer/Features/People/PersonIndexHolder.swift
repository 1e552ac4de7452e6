import Fluent
import Foundation
import NIOConcurrencyHelpers
import SafeguardCore

/// The in-memory person index the matcher searches. Built from the database the first time it is needed, then
/// kept current person by person: after a change to someone's details, names or address, `refresh` reads that
/// person again and files them as they are now (a merged record is withdrawn). Changes made on other servers
/// arrive through the sealed audit trail (``catchUp(on:)``). It is built once per process: about 13 seconds at a
/// million people.
final class PersonIndexHolder: Sendable {
    private let current = NIOLockedValueBox<PersonIndex?>(nil)
    /// The last sealed audit entry whose change the index holds (``catchUp(on:)``).
    private let applied = NIOLockedValueBox<Int64>(0)

    func index(on db: Database) async throws -> PersonIndex {
        if let index = current.withLockedValue({ $0 }) { return index }
        // Read before the people: a change sealed while they load is applied again by the next catch-up, harmlessly.
        let since = try await AuditFeed.head(on: db)
        let index = PersonIndex(try await Self.records(on: db))
        return current.withLockedValue {
            if $0 == nil {
                $0 = index
                applied.withLockedValue { $0 = since }
            }
            return $0 ?? index
        }
    }

    /// Files again everyone whose change was sealed into the audit trail since the last catch-up, on whichever
    /// server it was made: how a second server's edits reach this one's index, within the sealer's and this
    /// poll's intervals. Returns how many people were filed again. Nothing to do before the index is built.
    @discardableResult
    func catchUp(on db: Database, pageSize: Int = 5_000) async throws -> Int {
        guard current.withLockedValue({ $0 }) != nil else { return 0 }
        var refreshed = 0
        while true {
            let after = applied.withLockedValue { $0 }
            let head = try await AuditFeed.head(on: db)
            guard head > after else { return refreshed }
            let entries = try await AuditFeed.changes(
                after: after, upTo: head, recordTypes: IndexChanges.recordTypes, limit: pageSize, on: db)
            var changes = IndexChanges()
            // An action no version writes changes no record the index holds; `audit verify` reports the entry.
            for e in entries {
                guard let action = AuditAction(rawValue: e.action) else { continue }
                changes.add(action: action, recordType: e.recordType, recordID: e.recordID)
            }
            let people = changes.people.union(try await Self.residents(of: changes.addresses, on: db))
            try await refresh(Array(people), on: db)
            refreshed += people.count
            let reached = entries.count == pageSize ? entries.last!.sequence : head
            applied.withLockedValue { $0 = max($0, reached) }
            if entries.count < pageSize { return refreshed }
        }
    }

    /// Files again everyone living at `addresses` now, after a change to the homes themselves (duplicates merged).
    func refreshResidents(of addresses: [UUID], on db: Database) async throws {
        try await refresh(Array(try await Self.residents(of: Set(addresses), on: db)), on: db)
    }

    private static func residents(of addresses: Set<UUID>, on db: Database) async throws -> Set<UUID> {
        guard !addresses.isEmpty else { return [] }
        return Set(
            try await Residence.query(on: db).filter(\.$address.$id ~~ addresses).filter(\.$toDate == nil).all().map(
                \.$person.id))
    }

    /// Files `people` again as the database now holds them, once their change has committed. Nothing to do
    /// before the index is first built: it will be built from the database as it is.
    func refresh(_ people: [UUID], on db: Database) async throws {
        guard let index = current.withLockedValue({ $0 }), !people.isEmpty else { return }
        let found = try await Person.query(on: db).filter(\.$id ~~ people).all()
        let names = Dictionary(
            grouping: try await OtherName.query(on: db).filter(\.$person.$id ~~ people).all(), by: { $0.$person.id })
        var address: [UUID: Address] = [:]
        for r in try await Residence.query(on: db).filter(\.$person.$id ~~ people).filter(\.$toDate == nil).with(
            \.$address
        ).all() {
            address[r.$person.id] = r.address
        }
        for id in people {
            guard let p = found.first(where: { $0.id == id }), p.$mergedInto.id == nil else {
                index.remove(id: id.uuidString)
                continue
            }
            index.add(Self.record(p, otherNames: names[id]?.map(\.name) ?? [], address: address[id]))
        }
    }

    /// Everyone, with other names and current address, in a handful of queries.
    static func records(on db: Database) async throws -> [PersonRecordForMatching] {
        let people = try await Person.query(on: db).filter(\.$mergedInto.$id == nil).all()
        let names = Dictionary(grouping: try await OtherName.query(on: db).all(), by: { $0.$person.id })
        let residences = try await Residence.query(on: db).filter(\.$toDate == nil).all()
        let addresses = Dictionary(uniqueKeysWithValues: try await Address.query(on: db).all().map { ($0.id!, $0) })
        var current: [UUID: Address] = [:]
        for r in residences { current[r.$person.id] = addresses[r.$address.id] }
        return people.map { p in record(p, otherNames: names[p.id!]?.map(\.name) ?? [], address: current[p.id!]) }
    }

    static func record(_ p: Person, otherNames: [String], address: Address?) -> PersonRecordForMatching {
        PersonRecordForMatching(
            id: p.id!.uuidString, firstName: p.firstName, middleNames: p.middleNames, lastName: p.lastName,
            otherNames: otherNames, dateOfBirth: p.dob, sex: Gender(rawValue: p.gender), nhsNumber: p.nhsNumber,
            postcode: address?.postcode, address: address?.line1)
    }
}
