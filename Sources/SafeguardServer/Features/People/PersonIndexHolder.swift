import Fluent
import Foundation
import NIOConcurrencyHelpers
import SafeguardCore

/// The in-memory person index the matcher searches. Built from the database the first time it
/// is needed, added to when people are created, and rebuilt after a change to someone's
/// details (the index has no update; a rebuild is seconds even at a million people).
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

    func invalidate() {
        current.withLockedValue { $0 = nil }
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
