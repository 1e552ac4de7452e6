import Fluent
import Foundation
import SafeguardCore
import Vapor

/// `safeguard import incidents FILE.csv --force NAME`: a police force's daily batch. Columns:
/// `reference, occurred_at, type, address, postcode, summary` (postcode may be empty). Every row is
/// checked first; one bad row stops the whole file, so a batch is never half-loaded. A reference
/// already received is skipped, so loading the same file twice changes nothing.
package enum IncidentImport {
    package struct Report: Sendable, Equatable {
        package var received = 0, alreadyKnown = 0, markerMatches = 0, possibleMatches = 0
    }

    package static let columns = ["reference", "occurred_at", "type", "address", "postcode", "summary"]

    package static func run(
        csv text: String, fileName: String, force: String, on app: Application
    ) async throws -> Report {
        guard let agency = try await Agency.query(on: app.db).filter(\.$name == force).first(), agency.kind == .police,
            agency.active
        else {
            throw ImportProblem(
                description: "--force '\(force)': no active police force has that name (as recorded in Administration)")
        }
        let table = try CSVTable(text: text, name: fileName)
        let positions = try columns.map { try table.column($0) }
        let req = ImportProblem.request(app)
        var inputs: [(IncidentIntake.Input, Date)] = []
        var problems: [String] = []
        for (n, row) in table.rows.enumerated() {
            let f = positions.map { row[$0] }
            let input = IncidentIntake.Input(
                reference: f[0], occurredAt: f[1], type: f[2], address: f[3], postcode: f[4].isEmpty ? nil : f[4],
                summary: f[5])
            let (errors, when) = IncidentIntake.check(input, now: req.now)
            if let when, errors.isEmpty { inputs.append((input, when)) }
            for e in errors.all { problems.append("row \(n + 2), \(e.field): \(e.message)") }
        }
        guard problems.isEmpty else {
            throw ImportProblem(
                description: "\(fileName): nothing was loaded. Correct these and load the file again:\n  "
                    + problems.joined(separator: "\n  "))
        }
        var report = Report()
        let agencyID = try agency.requireID()
        var inFile = Set<String>()
        for start in stride(from: 0, to: inputs.count, by: batchSize) {
            let batch = inputs[start..<min(start + batchSize, inputs.count)]
            try await receive(batch, agencyID: agencyID, fileName: fileName, inFile: &inFile, report: &report, on: req)
        }
        return report
    }

    /// Incidents committed together, with their audit entries: a crash loses at most the batch in hand, never
    /// half of one, and a second run skips what committed. A thousand rows keep each insert within both
    /// databases' limits on bound values.
    package static let batchSize = 1_000

    private static func receive(
        _ batch: ArraySlice<(IncidentIntake.Input, Date)>, agencyID: UUID, fileName: String,
        inFile: inout Set<String>, report: inout Report, on req: Request
    ) async throws {
        // The force's own system may send one of these references through the API while the batch is matched:
        // the unique index then refuses the batch whole, and it is tried again without what has arrived.
        for attempt in 1...3 {
            let references = batch.map { $0.0.reference.trimmed }
            let known = Set(
                try await PoliceIncident.query(on: req.db).filter(\.$agency.$id == agencyID).filter(
                    \.$reference ~~ references
                )
                .field(\.$id).field(\.$reference).all().map(\.reference))
            var seen = inFile
            var incidents: [PoliceIncident] = []
            var counted = Report()
            for (input, when) in batch {
                let reference = input.reference.trimmed
                // Already received, or earlier in this file: the same reference sent again changes nothing.
                guard !known.contains(reference), seen.insert(reference).inserted else {
                    counted.alreadyKnown += 1
                    continue
                }
                let incident = try await IncidentIntake.incident(
                    input, occurredAt: when, agencyID: agencyID, receivedAt: req.now,
                    today: req.today, markers: req.safeguard.markerIndex, on: req.db)
                incidents.append(incident)
                counted.received += 1
                if incident.matchOutcome == .match { counted.markerMatches += 1 }
                if incident.matchOutcome == .review { counted.possibleMatches += 1 }
            }
            let chosen = incidents
            do {
                try await req.audit.write(on: req.db) { db in
                    try await chosen.create(on: db)
                    return (
                        (),
                        try chosen.map { i in
                            AuditEvent(
                                userID: "import:\(fileName)", agencyID: agencyID.uuidString, action: .create,
                                recordType: "police-incident",
                                recordID: try i.requireID().uuidString,
                                reason: "incident \(i.reference): marker \(i.matchOutcome.rawValue)",
                                sourceAddress: "command line")
                        }
                    )
                }
            } catch  where attempt < 3 {
                continue
            }
            inFile = seen
            report.received += counted.received
            report.alreadyKnown += counted.alreadyKnown
            report.markerMatches += counted.markerMatches
            report.possibleMatches += counted.possibleMatches
            return
        }
    }
}

/// Why an import stopped, said so the person running it can put it right.
struct ImportProblem: Error, CustomStringConvertible {
    var description: String

    /// The features take a request (its clock, database and audit trail); a command line import has
    /// none, so it makes one that stands for the command.
    static func request(_ app: Application) -> Request {
        Request(application: app, on: app.eventLoopGroup.next())
    }
}
