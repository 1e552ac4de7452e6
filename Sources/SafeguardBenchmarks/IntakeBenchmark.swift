import Fluent
import Foundation
import SafeguardCore
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer
import Vapor

/// `safeguard bench intake`: a police force's batch of incidents loaded with `safeguard import incidents`, beside
/// a raw insert of the same rows into the same table (the floor: no checking, no marker matching, no audit
/// trail, no duplicate check), on SQLite and on PostgreSQL. The database is the demo partnership's, so some
/// incidents fall at marked homes. One line per database:
/// `intake-<engine>: rows=N seconds=S per_second=R floor_per_second=F ratio=X seal_seconds=T matched=M`.
public enum IntakeBenchmark {
    public struct Options: Sendable {
        public var rows: Int
        /// Run on this PostgreSQL (an empty database: it is migrated and filled); nil starts a throwaway cluster.
        public var postgresURL: String?
        public var engines: [String]

        public init(rows: Int, postgresURL: String?, engines: [String]) {
            self.rows = rows
            self.postgresURL = postgresURL
            self.engines = engines
        }
    }

    public static let force = "Northmere Constabulary"

    public static func run(_ options: Options, progress: @escaping @Sendable (String) -> Void) async throws -> [String]
    {
        var lines: [String] = []
        if options.engines.contains("sqlite") {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "safeguard-intake-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            lines.append(
                try await measure(
                    engine: "sqlite", database: .sqliteFile(folder.appendingPathComponent("intake.sqlite").path),
                    rows: options.rows, progress: progress))
        }
        if options.engines.contains("postgresql") {
            var cluster: ThrowawayPostgres?
            defer { cluster?.stop() }
            let url: String
            if let given = options.postgresURL {
                url = given
            } else {
                let started = try ThrowawayPostgres.start(progress: progress)
                cluster = started
                try started.createDatabase("safeguard_intake")
                url = started.url("safeguard_intake")
            }
            lines.append(
                try await measure(
                    engine: "postgresql", database: .postgres(url), rows: options.rows, progress: progress))
        }
        return lines
    }

    static func measure(
        engine: String, database: Settings.DatabaseLocation, rows: Int,
        progress: @escaping @Sendable (String) -> Void
    ) async throws -> String {
        let app = try await SafeguardOperations.makeApplication(Settings(database: database))
        do {
            progress("\(engine): loading the demo partnership")
            _ = try await DemoLoader.load(app)
            let csv = try await file(rows: rows, on: app)
            progress("\(engine): importing \(rows) incidents")
            let started = Date()
            let report = try await IncidentImport.run(csv: csv, fileName: "bench-incidents.csv", force: force, on: app)
            let seconds = Date().timeIntervalSince(started)
            guard report.received == rows else {
                throw Abort(.internalServerError, reason: "imported \(report.received) of \(rows)")
            }
            progress("\(engine): \(rows) in \(String(format: "%.1f", seconds)) s; sealing their audit entries")
            let sealStart = Date()
            try await app.safeguard.audit.seal(on: app.db)
            let sealSeconds = Date().timeIntervalSince(sealStart)
            progress("\(engine): the floor, a raw insert of the same rows")
            try await PoliceIncident.query(on: app.db).filter(\.$reference, .custom("LIKE"), "BENCH-%").delete()
            let floorSeconds = try await rawInsert(csv: csv, on: app)
            try await app.asyncShutdown()
            let perSecond = Double(rows) / seconds
            let floor = Double(rows) / floorSeconds
            return
                "intake-\(engine): rows=\(rows) seconds=\(String(format: "%.1f", seconds)) per_second=\(Int(perSecond)) "
                + "floor_per_second=\(Int(floor)) ratio=\(String(format: "%.2f", perSecond / floor)) "
                + "seal_seconds=\(String(format: "%.1f", sealSeconds)) matched=\(report.markerMatches + report.possibleMatches)"
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// `rows` incidents over a few thousand generated streets; about one in a hundred at a marked home, typed
    /// the way call handlers type (abbreviated, no postcode).
    static func file(rows: Int, on app: Application) async throws -> String {
        let marked = try await PlaceOfInterestMarker.query(on: app.db).filter(\.$endedAt == nil).with(\.$address).all()
            .map(\.address)
        let streets = [
            "Mill Lane", "Station Road", "Church Street", "High Street", "Park Avenue", "Victoria Road", "Queens Road",
            "Albert Street", "Manor Way", "Orchard Close", "Bridge Street", "Kings Road", "Chapel Lane", "Green Lane",
        ]
        let towns = ["Calder Vale", "Northmere", "Ashby Cross", "Holmfirth Edge"]
        var generator = SystemRandomNumberGenerator()
        var lines = ["reference,occurred_at,type,address,postcode,summary"]
        lines.reserveCapacity(rows + 1)
        for n in 0..<rows {
            let address: String
            let postcode: String
            if n % 100 == 7, let home = marked.randomElement(using: &generator) {
                address = "\(home.line1.replacingOccurrences(of: "Road", with: "Rd")), \(home.town)"
                postcode = ""
            } else {
                address =
                    "\(Int.random(in: 1...240, using: &generator)) \(streets.randomElement(using: &generator)!), \(towns.randomElement(using: &generator)!)"
                postcode =
                    "NM\(Int.random(in: 1...9, using: &generator)) \(Int.random(in: 1...9, using: &generator))\(["AB", "CD", "EF", "GH"].randomElement(using: &generator)!)"
            }
            lines.append(
                "BENCH-\(String(format: "%07d", n)),2026-03-02T08:40:00Z,Domestic,\"\(address)\",\(postcode),Neighbours report shouting; officers attended."
            )
        }
        return lines.joined(separator: "\n")
    }

    /// The same rows straight into the table, in transactions of the import's batch size.
    static func rawInsert(csv: String, on app: Application) async throws -> Double {
        let started = Date()
        let table = try CSVTable(text: csv, name: "bench-incidents.csv")
        let columns = try IncidentImport.columns.map { try table.column($0) }
        guard let force = try await Agency.query(on: app.db).filter(\.$name == force).first() else {
            throw Abort(.notFound)
        }
        let agencyID = try force.requireID()
        let now = Date()
        let rows = Array(table.rows)
        for start in stride(from: 0, to: rows.count, by: IncidentImport.batchSize) {
            let batch = rows[start..<min(start + IncidentImport.batchSize, rows.count)].map { row -> PoliceIncident in
                let f = columns.map { row[$0] }
                let i = PoliceIncident()
                i.$agency.id = agencyID
                i.reference = f[0]
                i.occurredAt = ISOTimestamp.parse(f[1]) ?? now
                i.incidentType = f[2]
                i.addressText = f[3]
                i.postcode = f[4].isEmpty ? nil : f[4]
                i.summary = f[5]
                i.receivedAt = now
                i.matchOutcome = IncidentMatch.none
                i.matchReasons = ""
                i.reviewStatus = .unmatched
                return i
            }
            try await app.db.transaction { tx in try await batch.create(on: tx) }
        }
        return Date().timeIntervalSince(started)
    }
}
