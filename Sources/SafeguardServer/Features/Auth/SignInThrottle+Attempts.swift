import Fluent
import Foundation
import SQLKit
import Vapor

/// The throttle's count kept in the database with single statements, so that parallel requests
/// (or several servers) can never both read a count and save it back: each try is counted by
/// one atomic upsert *before* the password or key is checked, and a try beyond the limit is
/// refused unchecked.
extension SignInThrottle {
    struct Attempt: Sendable {
        /// Tries in the current window, this one included.
        var number: Int
        var lockedUntil: Date?
    }

    /// Counts one try against `key`. A lock that has run out starts a new window.
    static func countAttempt(key: String, now: Date, on db: Database) async throws -> Attempt {
        let sql = try db.sql()
        let row = try await sql.raw(
            """
            INSERT INTO sign_in_throttles (id, email_key, failures, locked_until) VALUES (\(bind: UUID()), \(bind: key), 1, NULL)
            ON CONFLICT (email_key) DO UPDATE SET
              failures = CASE WHEN sign_in_throttles.locked_until IS NOT NULL AND sign_in_throttles.locked_until <= \(bind: now)
                              THEN 1 ELSE sign_in_throttles.failures + 1 END,
              locked_until = CASE WHEN sign_in_throttles.locked_until IS NOT NULL AND sign_in_throttles.locked_until <= \(bind: now)
                                  THEN NULL ELSE sign_in_throttles.locked_until END
            RETURNING failures, locked_until
            """
        ).first()
        guard let row else { throw Abort(.internalServerError) }
        return Attempt(
            number: try row.decode(column: "failures", as: Int.self),
            lockedUntil: try row.decode(column: "locked_until", as: Date?.self))
    }

    /// Locks `key` until `until`, unless it is locked already.
    static func lock(key: String, until: Date, on db: Database) async throws {
        try await db.sql().update(SignInThrottle.schema)
            .set("locked_until", to: until)
            .where("email_key", .equal, key)
            .where("locked_until", .is, SQLLiteral.null)
            .run()
    }

    /// A success clears the count, unless guesses running at the same time (on this server or another) have
    /// locked the address meanwhile: the lock stands, even for the right password.
    static func clear(key: String, on db: Database) async throws {
        try await SignInThrottle.query(on: db).filter(\.$emailKey == key).filter(\.$lockedUntil == nil).delete()
    }
}
