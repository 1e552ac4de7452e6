import Foundation

/// The people a partnership already knows, filed for fast identity matching.
///
/// Built once from all records and then kept current with `add(_:)` as the referral form creates people.
/// Safe to share between request handlers: each query reads an immutable snapshot taken under a short
/// lock, so reads never wait for each other and never see a half-added record.
public final class PersonIndex: @unchecked Sendable {
    // @unchecked: `state` is only read or replaced while holding `lock`; snapshots are value copies.
    private let lock = NSLock()
    private var state = IndexSnapshot()

    public init(_ records: [PersonRecordForMatching] = []) {
        state.records.reserveCapacity(records.count)
        state.ids.reserveCapacity(records.count)
        for record in records { state.add(record) }
    }

    /// Files a new person so later queries can find them.
    public func add(_ record: PersonRecordForMatching) {
        lock.lock()
        defer { lock.unlock() }
        state.add(record)
    }

    /// Number of people in the index.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return state.count
    }

    /// A consistent view for one query.
    func snapshot() -> IndexSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return state
    }
}
