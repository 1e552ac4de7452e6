import Foundation

/// A value that writers change under a short lock and readers copy out whole: the indexes' way of
/// being shared between request handlers. A query works on its own copy (copy-on-write, so cheap), so
/// reads never wait for each other and never see half a change.
final class SnapshotBox<Value>: @unchecked Sendable {
    // @unchecked: `value` is only read or replaced while holding `lock`; callers get value copies.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// A consistent copy for one query.
    var snapshot: Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func mutate(_ change: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&value)
    }
}
