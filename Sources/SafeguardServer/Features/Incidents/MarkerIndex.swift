import Fluent
import Foundation
import NIOConcurrencyHelpers
import SafeguardCore

/// The marked addresses incidents are matched against, kept in memory: every address with an active Place of
/// Interest marker of an active protection record, and every home with an open cuckooing marker, one entry per
/// address however many children are marked there (siblings at one home must not look like two candidates).
///
/// Built from the database when first needed and again whenever it may have changed: at a new day (a plan may
/// start or end), after a marker, plan, cuckooed home or address is saved on this server (``MarkerIndexWatch``,
/// at once), and after one is saved on another server (``catchUp(on:)`` reading the sealed audit trail). A few
/// hundred addresses build in milliseconds, so rebuilding is simpler and safer than patching.
package final class MarkerIndexHolder: Sendable {
    package struct Built: Sendable {
        package var index: AddressIndex
        package var day: SimpleDate
        package var generation: Int
    }

    private struct State {
        var built: Built?
        /// Bumped by every change; a build started before a change is not kept as current.
        var generation = 0
        var appliedSequence: Int64 = 0
    }
    private let state = NIOLockedValueBox(State())

    package init() {}

    /// The record types whose creation or change may move a marker.
    package static let recordTypes = ["protection", "cuckooed-home", "address"]

    package func index(on db: Database, today: SimpleDate) async throws -> Built {
        let (current, generation) = state.withLockedValue { ($0.built, $0.generation) }
        if let current, current.day == today, current.generation == generation { return current }
        // Read before the markers: a change sealed while they load makes the next catch-up rebuild, harmlessly.
        let since = try await AuditFeed.head(on: db)
        let index = try await Self.build(on: db, today: today)
        let built = Built(index: index, day: today, generation: generation)
        state.withLockedValue {
            // A change saved while this was building: keep it for this incident only.
            guard $0.generation == generation else { return }
            $0.built = built
            $0.appliedSequence = max($0.appliedSequence, since)
        }
        return built
    }

    /// Something that may move a marker was saved here: the next incident rebuilds first.
    package func changed() {
        state.withLockedValue {
            $0.generation += 1
            $0.built = nil
        }
    }

    /// Drops the index if a marker-moving change was sealed since it was built, wherever it was made.
    package func catchUp(on db: Database) async throws {
        let after = state.withLockedValue { $0.built == nil ? nil : $0.appliedSequence }
        guard let after else { return }
        let head = try await AuditFeed.head(on: db)
        let moved =
            !(try await AuditFeed.changes(after: after, upTo: head, recordTypes: Self.recordTypes, limit: 1, on: db)
            .isEmpty)
        if moved { changed() }
        state.withLockedValue { $0.appliedSequence = max($0.appliedSequence, head) }
    }

    private static func build(on db: Database, today: SimpleDate) async throws -> AddressIndex {
        let markers = try await PlaceOfInterestMarker.query(on: db).filter(\.$endedAt == nil).with(\.$address).with(
            \.$protection
        ).all()
            .filter { $0.protection.isActive(on: today) }
        // Cuckooed homes are marked too: officers going there should know before they knock.
        let cuckooed = try await CuckooedHome.query(on: db).filter(\.$endedAt == nil).with(\.$address).all()
        var seen = Set<UUID>()
        let addresses = (markers.map(\.address) + cuckooed.map(\.address)).filter { seen.insert($0.id!).inserted }
        return AddressIndex(
            addresses.map { a in
                AddressRecord(
                    id: a.id!.uuidString,
                    address: [a.line1, a.line2, a.town].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                        separator: ", "),
                    postcode: a.postcode.isEmpty ? nil : a.postcode)
            })
    }
}

/// Tells the marker index that a marker, plan, cuckooed home or address was saved on this server, so the next
/// incident is matched against the markers as they are now. (Another server's saves arrive by the audit trail.)
struct MarkerIndexWatch<M: Model>: AsyncModelMiddleware {
    let holder: MarkerIndexHolder
    /// Addresses are created all day with new people; only a change to one can move a marker.
    var onCreate = true

    func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        if onCreate { holder.changed() }
    }

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        holder.changed()
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        holder.changed()
    }
}
