import Foundation

/// The people a partnership already knows, filed for fast identity matching.
///
/// Built once from all records and then kept current record by record: `add(_:)` files a new person or replaces
/// a changed one, `remove(id:)` withdraws one merged into another.
/// Safe to share between request handlers: each query reads an immutable snapshot taken under a short
/// lock, so reads never wait for each other and never see a half-added record.
public final class PersonIndex: Sendable {
    private let state: SnapshotBox<IndexSnapshot>

    public init(_ records: [PersonRecordForMatching] = []) {
        var initial = IndexSnapshot()
        initial.records.reserveCapacity(records.count)
        initial.ids.reserveCapacity(records.count)
        for record in records { initial.add(record) }
        state = SnapshotBox(initial)
    }

    /// Files a new person, or replaces a known person's record with `record`, so later queries find them as they are now.
    public func add(_ record: PersonRecordForMatching) {
        state.mutate { $0.add(record) }
    }

    /// Withdraws a person, so no later query finds them.
    public func remove(id: String) {
        state.mutate { $0.remove(id: id) }
    }

    /// Number of people in the index.
    public var count: Int { state.snapshot.count }

    /// A consistent view for one query.
    func snapshot() -> IndexSnapshot { state.snapshot }
}
