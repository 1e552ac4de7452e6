/// A first-come, first-served async lock. On SQLite every database write runs under it, because SQLite
/// allows one writer and a second would fail busy rather than wait. PostgreSQL needs none (``AuditTrail``).
/// (An actor alone is not enough: it lets other calls in at every `await`.)
actor WriteLock {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if !held {
            held = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            held = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
