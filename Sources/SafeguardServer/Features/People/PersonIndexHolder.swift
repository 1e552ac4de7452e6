import Fluent
import Foundation
import NIOConcurrencyHelpers
import SafeguardCore

/// The in-memory person index the matcher searches. Built from the database the first time it is needed, then
/// kept current person by person: after a change to someone's details, names or address, `refresh` reads that
/// person again and files them as they are now (a merged record is withdrawn). A full rebuild, about 13 seconds
/// at a million people, happens only after a change to many people at once (merging duplicate homes).
final class PersonIndexHolder: Sendable {
    private let current = NIOLockedValueBox<PersonIndex?>(nil)

    func index(on db: Database) async throws -> PersonIndex {
        if let index = current.withLockedValue({ $0 }) { return index }
        let index = PersonIndex(try await Self.records(on: db))
        current.withLockedValue { if $0 == nil { $0 = index } }
        return current.withLockedValue { $0 ?? index }
    }

    func add(_ record: PersonRecordForMatching) {
        current.withLockedValue { $0?.add(record) }
    }

    /// Drops the whole index, for a change to many people at once; the next search rebuilds it.
    func invalidate() {
        current.withLockedValue { $0 = nil }
    }

    /// Files `people` again as the database now holds them, once their change has committed. Nothing to do
    /// before the index is first built: it will be built from the database as it is.
    func refresh(_ people: [UUID], on db: Database) async throws {
        guard let index = current.withLockedValue({ $0 }), !people.isEmpty else { return }
        let found = try await Person.query(on: db).filter(\.$id ~~ people).all()
        let names = Dictionary(grouping: try await OtherName.query(on: db).filter(\.$person.$id ~~ people).all(), by: { $0.$person.id })
        var address: [UUID: Address] = [:]
        for r in try await Residence.query(on: db).filter(\.$person.$id ~~ people).filter(\.$toDate == nil).with(\.$address).all() {
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
        PersonRecordForMatching(id: p.id!.uuidString, firstName: p.firstName, middleNames: p.middleNames, lastName: p.lastName,
                                otherNames: otherNames, dateOfBirth: p.dob, sex: Gender(rawValue: p.gender), nhsNumber: p.nhsNumber,
                                postcode: address?.postcode, address: address?.line1)
    }
}
