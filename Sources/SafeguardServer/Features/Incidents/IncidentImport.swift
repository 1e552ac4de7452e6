import Fluent
import Foundation
import Vapor
import SafeguardCore

/// `safeguard import incidents FILE.csv --force NAME`: a police force's daily batch. Columns:
/// `reference, occurred_at, type, address, postcode, summary` (postcode may be empty). Every row is
/// checked first; one bad row stops the whole file, so a batch is never half-loaded. A reference
/// already received is skipped, so loading the same file twice changes nothing.
enum IncidentImport {
    struct Report: Sendable, Equatable { var received = 0, alreadyKnown = 0, markerMatches = 0, possibleMatches = 0 }

    static let columns = ["reference", "occurred_at", "type", "address", "postcode", "summary"]

    static func run(csv text: String, fileName: String, force: String, on app: Application) async throws -> Report {
        guard let agency = try await Agency.query(on: app.db).filter(\.$name == force).first(), agency.agencyKind == .police, agency.active else {
            throw ImportProblem(description: "--force '\(force)': no active police force has that name (as recorded in Administration)")
        }
        let table = try CSVTable(text: text, name: fileName)
        let positions = try columns.map { try table.column($0) }
        let req = ImportProblem.request(app)
        var inputs: [(IncidentIntake.Input, Date)] = []
        var problems: [String] = []
        for (n, row) in table.rows.enumerated() {
            let f = positions.map { row[$0] }
            let input = IncidentIntake.Input(reference: f[0], occurredAt: f[1], type: f[2], address: f[3], postcode: f[4].isEmpty ? nil : f[4], summary: f[5])
            let (errors, when) = IncidentIntake.check(input, now: req.now)
            if let when, errors.isEmpty { inputs.append((input, when)) }
            for e in errors.all { problems.append("row \(n + 2), \(e.field): \(e.message)") }
        }
        guard problems.isEmpty else {
            throw ImportProblem(description: "\(fileName): nothing was loaded. Correct these and load the file again:\n  " + problems.joined(separator: "\n  "))
        }
        var report = Report()
        let agencyID = try agency.requireID()
        for (input, when) in inputs {
            let event = AuditEvent(userID: "import:\(fileName)", agencyID: agencyID.uuidString, action: .create, recordType: "police-incident",
                                   recordID: "", sourceAddress: "command line")
            let outcome = try await IncidentIntake.receive(input, occurredAt: when, agencyID: agencyID, event: event, on: req)
            guard outcome.created else { report.alreadyKnown += 1; continue }
            report.received += 1
            if outcome.match == .match { report.markerMatches += 1 }
            if outcome.match == .review { report.possibleMatches += 1 }
        }
        return report
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
