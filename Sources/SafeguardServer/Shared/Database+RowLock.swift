import Fluent
import PostgresKit
import SQLKit
import SQLiteNIO
import Vapor

extension Database {
    /// Inside `audit.write`: the record as it stands now, held until the write commits, so a decision made on it
    /// cannot be made twice by two requests at once (two managers approving one referral, two people taking the last
    /// training place, a stale copy of a rapid review's agreements written over a partner's answer).
    ///
    /// On PostgreSQL the row is locked (`SELECT … FOR NO KEY UPDATE`, the lock an UPDATE of the row takes); a second
    /// request waits at this line until the first commits and then reads what the first wrote. It is not `FOR UPDATE`:
    /// that would also hold back every insert that refers to the row (a chronology entry for a held child), which is
    /// both needless and a way for two requests to wait for each other. On SQLite the single writer already holds every other write back,
    /// so this is an ordinary read, but it is still needed: a controller's own copy of the record was read before the
    /// writer was taken.
    ///
    /// A request that locks several rows locks its parent first (the event, then its bookings; the child, then
    /// their records), so two requests never wait for each other.
    func lockedForWrite<M: Model>(_ type: M.Type, _ id: M.IDValue) async throws -> M where M.IDValue == UUID {
        if self is any PostgresDatabase {
            let query: SQLQueryString = "SELECT * FROM \(ident: M.schema) WHERE id = \(bind: id) FOR NO KEY UPDATE"
            guard let row = try await sql().raw(query).first() else { throw RowLock.gone }
            return try row.decode(fluentModel: M.self)
        }
        guard let found = try await M.find(id, on: self) else { throw RowLock.gone }
        return found
    }
}

extension Database {
    /// Inside `audit.write`, before anything is written: holds `record`'s row and refuses (409, nothing written) when
    /// `same(now)` says that what the decision was made on has moved since `record` was read.
    func holdUnchanged<M: Model>(_ record: M, _ same: (M) -> Bool) async throws where M.IDValue == UUID {
        let now = try await lockedForWrite(M.self, record.requireID())
        guard same(now) else { throw RowLock.changedMeanwhile }
    }
}

enum RowLock {
    /// The record was deleted (a discarded draft, an undone merge) between the page's read and the write.
    static var gone: Abort {
        Abort(
            .conflict,
            reason: "This record was removed a moment ago, so nothing was changed. Go back and open it again.")
    }

    /// A write refused by a unique index: what it adds is there already, put there a moment before by a second press
    /// of the button or by a colleague (two "add relationship" posts, a briefing marked read twice). Shown as that,
    /// not as a fault.
    static func isRepeat(_ error: any Error) -> Bool {
        if let postgres = error as? PSQLError { return postgres.serverInfo?[.sqlState] == "23505" }
        if let sqlite = error as? SQLiteError {
            return [.constraintUniqueFailed, .constraintPrimaryKeyFailed].contains(sqlite.reason)
        }
        return false
    }

    static let repeatTitle = "This was already recorded"
    static let repeatDetail =
        "It was saved a moment ago (perhaps the button was pressed twice, or a colleague did the same), "
        + "so nothing more was saved. Open the page again to see it."

    /// Another request changed what a decision was made on, between the page's read and the write.
    static var changedMeanwhile: Abort {
        Abort(
            .conflict,
            reason: """
                Someone changed this record a moment ago (perhaps you, if the button was pressed twice), so nothing more \
                was changed. Open the record again to see where it stands.
                """)
    }
}
