import Fluent
import Foundation
import SafeguardCore
import Vapor

/// `safeguard import cp-plans FILE.csv`: plans and looked-after status loaded from the council's case
/// system. Columns: `external_reference, nhs_number, kind, categories, start_date, social_worker_email,
/// strategy_discussion_date, initial_conference_date, last_review_date, end_date, end_reason`
/// (dates YYYY-MM-DD; categories separated by spaces or semicolons; empty cells allowed where the
/// web form allows them). The child is found by NHS number. Every row is checked first; one bad row
/// stops the whole file. A row whose external reference is already loaded is skipped, unless it now
/// has an end date, which ends the record and its markers.
enum ProtectionImport {
    struct Report: Sendable, Equatable { var started = 0, ended = 0, unchanged = 0, markersPlaced = 0 }

    static let columns = [
        "external_reference", "nhs_number", "kind", "categories", "start_date", "social_worker_email",
        "strategy_discussion_date", "initial_conference_date", "last_review_date", "end_date", "end_reason",
    ]

    struct Row {
        var reference: String
        var personID: UUID
        var form: ProtectionStart
        var end: SimpleDate?
        var endReason: String
    }

    static func run(csv text: String, fileName: String, on app: Application) async throws -> Report {
        let table = try CSVTable(text: text, name: fileName)
        let at = try columns.map { try table.column($0) }
        let req = ImportProblem.request(app)
        let workers = try await ProtectionController.socialWorkers(on: app.db)
        let byEmail = Dictionary(workers.map { ($0.email.lowercased(), $0.id!) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        var problems: [String] = []
        var seen = Set<String>()
        for (n, raw) in table.rows.enumerated() {
            let f = at.map { raw[$0].trimmingCharacters(in: .whitespaces) }
            func problem(_ text: String) { problems.append("row \(n + 2): \(text)") }
            if f[0].isEmpty || f[0].count > 64 {
                problem("external_reference must be the case system's id, 1 to 64 characters")
            }
            if !seen.insert(f[0]).inserted { problem("external_reference \(f[0]) appears twice in the file") }
            var personID: UUID?
            if let nhs = try? NHSNumber(f[1]) {
                let people = try await Person.query(on: app.db).filter(\.$nhsNumber == nhs.digits).filter(
                    \.$mergedInto.$id == nil
                ).all()
                if people.count == 1 {
                    personID = people[0].id
                } else {
                    problem(
                        people.isEmpty
                            ? "no person has NHS number \(f[1]): add them first"
                            : "\(people.count) people have NHS number \(f[1]): merge the duplicates first")
                }
            } else {
                problem("nhs_number '\(f[1])' is not a valid NHS number")
            }
            var fields = ["kind": f[2], "start": f[4], "strategy": f[6], "conference": f[7], "review": f[8]]
            if let worker = byEmail[f[5].lowercased()] {
                fields["social-worker"] = worker.uuidString
            } else {
                problem(
                    "social_worker_email '\(f[5])' is not an active social worker or team manager in children's social care"
                )
            }
            var errors = FormErrors()
            let categories = f[3].split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
            let form = ProtectionForm.read(
                fields, categories: categories, socialWorkers: Set(byEmail.values), today: req.today, errors: &errors)
            var end: SimpleDate?
            if !f[9].isEmpty {
                end = FormDate.read(
                    ["end": f[9]], "end", label: "end date", required: false, today: req.today, errors: &errors)
                if f[10].count < 5 { errors.add("end_reason", "Give the reason it ended, at least 5 characters") }
            }
            for e in errors.all where e.field != "social-worker" {
                problem("\(e.field.replacingOccurrences(of: "-day", with: "")): \(e.message)")
            }
            if let form, let personID, errors.isEmpty {
                rows.append(Row(reference: f[0], personID: personID, form: form, end: end, endReason: f[10]))
            }
        }
        guard problems.isEmpty else {
            throw ImportProblem(
                description: "\(fileName): nothing was loaded. Correct these and load the file again:\n  "
                    + problems.joined(separator: "\n  "))
        }
        var report = Report()
        for row in rows {
            let existing = try await ProtectionRecord.query(on: app.db).filter(\.$externalReference == row.reference)
                .first()
            if let existing {
                if let end = row.end, existing.endDate == nil {
                    do {
                        try await endRecord(existing, on: end, reason: row.endReason, fileName: fileName, req: req)
                        report.ended += 1
                    } catch let refused as Abort where refused.status == .conflict {
                        report.unchanged += 1  // a social worker ended it while the file was being read: theirs stands
                    }
                } else {
                    report.unchanged += 1
                }
                continue
            }
            let reference = row.reference
            let kind = row.form.kind.rawValue
            let event: @Sendable (UUID, Int) -> [AuditEvent] = { rid, markers in
                [
                    AuditEvent(
                        userID: "import:\(fileName)", agencyID: "", action: .create, recordType: "protection",
                        recordID: rid.uuidString,
                        reason: "\(kind) \(reference); \(markers) address(es) marked", sourceAddress: "command line")
                ]
            }
            let id = try await ProtectionController.start(
                row.form, personID: row.personID, recordedBy: nil, agencyID: nil,
                externalReference: row.reference, now: req.now, req: req, events: event)
            report.started += 1
            report.markersPlaced += try await PlaceOfInterestMarker.query(on: app.db).filter(\.$protection.$id == id)
                .count()
            if let end = row.end, let record = try await ProtectionRecord.find(id, on: app.db) {
                try await endRecord(record, on: end, reason: row.endReason, fileName: fileName, req: req)
                report.ended += 1
            }
        }
        return report
    }

    static func endRecord(
        _ record: ProtectionRecord, on end: SimpleDate, reason: String, fileName: String, req: Request
    ) async throws {
        let now = req.now
        let rid = try record.requireID()
        try await req.audit.write(on: req.db) { db in
            try await ProtectionMarkers.end(record, on: end, reason: reason, now: now, agencyID: nil, by: nil, on: db)
            return (
                (),
                [
                    AuditEvent(
                        userID: "import:\(fileName)", agencyID: "", action: .change, recordType: "protection",
                        recordID: rid.uuidString,
                        reason: "ended: \(reason)", sourceAddress: "command line")
                ]
            )
        }
    }
}
