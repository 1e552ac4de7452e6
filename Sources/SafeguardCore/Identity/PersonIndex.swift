import Foundation

/// The people a partnership already knows, filed for fast identity matching.
///
/// Built once from all records and then kept current with `add(_:)` as the referral form creates people.
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

    /// Files a new person so later queries can find them.
    public func add(_ record: PersonRecordForMatching) {
        state.mutate { $0.add(record) }
    }

    /// Number of people in the index.
    public var count: Int { state.snapshot.count }

    /// A consistent view for one query.
    func snapshot() -> IndexSnapshot { state.snapshot }
}
