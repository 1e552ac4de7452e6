import Fluent
import SafeguardCore
import Vapor

/// `safeguard import reviews FILE.csv`: historical reviews and their themes, checked whole by ``ReviewImport``
/// then written in one audited transaction. The demo loads its 27 serious case reviews through ``load(_:source:now:on:)``.
package enum ReviewsImport {
    package struct Report: Sendable, Equatable { var added = 0, recoded = 0, unchanged = 0 }

    package static func run(csv text: String, fileName: String, on app: Application) async throws -> Report {
        let table = try CSVTable(text: text, name: fileName)
        let vocabulary = try await ReviewThemeRecord.vocabulary(on: app.db)
        let (rows, check) = ReviewImport.check(
            header: table.header, rows: table.rows, vocabulary: vocabulary,
            today: SimpleDate(app.safeguard.settings.clock.now()))
        guard check.isClean else { throw ImportProblem(description: check.report(fileName: fileName)) }
        let now = app.safeguard.settings.clock.now()
        return try await app.safeguard.audit.write(on: app.db) { db in
            let report = try await load(rows, source: "import:\(fileName)", now: now, on: db)
            let event = AuditEvent(
                userID: "import:\(fileName)", agencyID: "", action: .create, recordType: "coded-reviews",
                recordID: fileName,
                reason: "\(report.added) added, \(report.recoded) recoded, \(report.unchanged) unchanged",
                sourceAddress: "command line")
            return (report, [event])
        }
    }

    /// Writes what ``ReviewImport/plan(_:existing:)`` says: new references added, changed ones recoded, the rest left.
    package static func load(
        _ rows: [ReviewImport.Row], source: String, now: Date, on db: Database
    ) async throws -> Report {
        let held = try await CodedReviewRecord.query(on: db).all()
        let byReference = Dictionary(held.map { ($0.reference, $0) }, uniquingKeysWith: { a, _ in a })
        let plan = ReviewImport.plan(rows, existing: byReference.compactMapValues(\.row))
        for row in plan.added {
            let record = CodedReviewRecord()
            record.set(row, source: source, at: now)
            try await record.create(on: db)
        }
        for row in plan.recoded {
            guard let record = byReference[row.review.reference] else { continue }
            record.set(row, source: source, at: now)
            try await record.update(on: db)
        }
        return Report(added: plan.added.count, recoded: plan.recoded.count, unchanged: plan.unchanged)
    }
}
