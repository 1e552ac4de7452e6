import Foundation
import NIOConcurrencyHelpers
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer
import Vapor

/// Runs the load benchmark's virtual users against one setup. Each Safeguard user is a MASH practitioner reading
/// person pages and searching, and a school's safeguarding lead starting referrals; police incidents come through
/// the API with a token made for the run. The mix, by request: half person pages, a fifth searches, a fifth
/// incident posts, a tenth referral steps.
enum LoadDriver {
    /// What every virtual user shares: who signs in, the people to open, the API token.
    struct Prepared: Sendable {
        /// Signed in once each; every virtual user works in its own tab of these.
        var practitioner: LoadSession
        var school: LoadSession
        var people: [String]
        var token: String
    }

    /// What each virtual user sends: the mix, or person pages only (the page the issue's latency target names).
    enum Mix: Sendable { case mixed, personPages }

    /// What one setup measured: the mixed load, then the person page alone with as many users, then police
    /// incidents alone at a fixed rate; the last two only when asked for.
    struct Figures: Sendable {
        var mixed: LoadTally
        var personPages: LoadTally?
        var incidents: LoadTally?
    }

    /// The mixed load; then (`personSeconds` > 0) person pages alone; then (`incidentRate` given) police incidents
    /// alone at that fixed rate.
    static func drive(
        base: String, target: LoadBenchmark.Target, users: Int, seconds: Double, maxRequests: Int,
        personSeconds: Double,
        incidentRate: Int?, progress: @escaping @Sendable (String) -> Void
    ) async throws -> Figures {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: users * 2 + 4)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let prepared: Prepared?
            if case .safeguard(let logins) = target {
                prepared = try await prepare(base: base, logins: logins, client: client)
                progress("  prepared: \(prepared!.people.count) people to open")
            } else {
                prepared = nil
            }
            var figures = Figures(
                mixed: try await closedLoop(
                    .mixed, base: base, prepared: prepared, users: users, seconds: seconds,
                    maxRequests: maxRequests, client: client))
            if personSeconds > 0, prepared != nil {
                try await settle(progress)
                progress("  person pages alone, \(users) users for \(Int(personSeconds)) s")
                figures.personPages = try await closedLoop(
                    .personPages, base: base, prepared: prepared, users: users, seconds: personSeconds,
                    maxRequests: maxRequests, client: client)
            }
            if let incidentRate, let prepared {
                try await settle(progress)
                progress("  incidents alone at \(incidentRate) a second for 10 s")
                figures.incidents = await openLoop(
                    base: base, token: prepared.token, rate: incidentRate, seconds: 10, client: client)
            }
            try await client.shutdown()
            return figures
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// A pause between phases, so that what one phase left behind (its audit entries to seal, thousands after a
    /// busy phase) is not measured as the next phase's slowness.
    static let settleSeconds: UInt64 = 5

    private static func settle(_ progress: @Sendable (String) -> Void) async throws {
        progress("  settling for \(settleSeconds) s")
        try await Task.sleep(nanoseconds: settleSeconds * 1_000_000_000)
    }

    /// Every virtual user sends its next request as soon as the last is answered, until the time or the count runs out.
    private static func closedLoop(
        _ mix: Mix, base: String, prepared: Prepared?, users: Int, seconds: Double, maxRequests: Int,
        client: HTTPClient
    ) async throws -> LoadTally {
        let sent = NIOLockedValueBox(0)
        let end = Date().addingTimeInterval(seconds)
        let started = Date()
        var tally = try await withThrowingTaskGroup(of: LoadTally.self) { group in
            for user in 0..<users {
                group.addTask {
                    try await virtualUser(
                        user, mix: mix, base: base, prepared: prepared, client: client, end: end, sent: sent,
                        limit: maxRequests)
                }
            }
            var all = LoadTally()
            for try await one in group { all.merge(one) }
            return all
        }
        tally.seconds = Date().timeIntervalSince(started)
        return tally
    }

    private static func prepare(base: String, logins: DemoSignIns, client: HTTPClient) async throws -> Prepared {
        let admin = LoadSession(base: base, client: client)
        let (adminEmail, adminPassword) = try logins.require("Partnership administrator")
        try await admin.signIn(email: adminEmail, password: adminPassword)
        let form = try await admin.get("/admin/api-tokens")
        guard let force = firstMatch(#"<option value="([0-9a-fA-F-]{36})"[^>]*>Northmere Constabulary"#, in: form.body)
        else {
            throw Spawn.Failed(description: "no police force on the API token page")
        }
        let made = try await admin.post(
            "/admin/api-tokens", [("name", "Load benchmark"), ("agency", force), ("permissions[]", "incidents:write")])
        guard let token = firstMatch(#"<code id="new-token">([^<]+)</code>"#, in: made.body) else {
            throw Spawn.Failed(description: "no API token made: \(made.status)")
        }
        let practitioner = try logins.require("MASH practitioner")
        let mash = LoadSession(base: base, client: client)
        try await mash.signIn(email: practitioner.email, password: practitioner.password)
        var people: [String] = []
        for surname in surnames where people.count < 60 {
            let found = try await mash.post("/people/search", [("q", surname), ("address", "")])
            for id in allMatches(#"href="/people/([0-9a-fA-F-]{36})""#, in: found.body) where !people.contains(id) {
                if try await mash.get("/people/\(id)").status == 200 { people.append(id) }
            }
        }
        guard !people.isEmpty else { throw Spawn.Failed(description: "the MASH practitioner could open no one") }
        let school = LoadSession(base: base, client: client)
        let lead = try logins.require("School designated safeguarding lead")
        try await school.signIn(email: lead.email, password: lead.password)
        _ = try await school.get("/referrals")
        return Prepared(practitioner: mash, school: school, people: people, token: token)
    }

    static let surnames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans"]

    private static func virtualUser(
        _ user: Int, mix: Mix, base: String, prepared: Prepared?, client: HTTPClient, end: Date,
        sent: NIOLockedValueBox<Int>, limit: Int
    ) async throws -> LoadTally {
        var tally = LoadTally()
        func next() -> Bool {
            Date() < end
                && sent.withLockedValue {
                    $0 += 1
                    return $0 <= limit
                }
        }
        func timed(
            _ kind: String, expect: ClosedRange<UInt>, _ work: () async throws -> LoadSession.Reply
        ) async -> LoadSession.Reply? {
            let t = DispatchTime.now().uptimeNanoseconds
            let reply = try? await work()
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t) / 1_000_000
            tally.add(kind, ms, ok: reply.map { expect.contains($0.status) } ?? false)
            return reply
        }
        guard let prepared else {
            let session = LoadSession(base: base, client: client)
            while next() { _ = await timed("hello", expect: 200...200) { try await session.get("/hello") } }
            return tally
        }
        let mash = prepared.practitioner.tab()
        let school = prepared.school.tab()
        var n = 0
        while next() {
            n += 1
            switch mix == .personPages ? 0 : Int.random(in: 0..<100) {
            case 0..<50:
                let id = prepared.people.randomElement()!
                _ = await timed("person", expect: 200...200) { try await mash.get("/people/\(id)") }
            case 50..<70:
                let q = surnames.randomElement()!
                _ = await timed("search", expect: 200...200) {
                    try await mash.post("/people/search", [("q", q), ("address", "")])
                }
            case 70..<90:
                let json = """
                    {"reference": "LOAD-\(user)-\(n)-\(UInt32.random(in: 0...UInt32.max))", "occurredAt": "2026-03-02T08:40:00Z", "type": "Domestic",
                     "address": "\(n % 200 + 1) Station Road, Calder Vale", "summary": "Shouting reported; officers attended."}
                    """
                _ = await timed("incident", expect: 200...201) {
                    try await mash.postJSON("/api/v1/incidents", json, bearer: prepared.token)
                }
            default:
                guard
                    let started = await timed(
                        "referral", expect: 303...303, { try await school.post("/referrals/new", []) }),
                    let people = started.location, next()
                else { continue }
                _ = await timed("referral", expect: 303...303) {
                    try await school.post(
                        people,
                        [
                            ("action", "continue"), ("subject-first-name", "Load\(user)x\(n)"),
                            ("subject-last-name", "Bench"),
                            ("subject-dob-day", "14"), ("subject-dob-month", "6"), ("subject-dob-year", "2018"),
                            ("subject-gender", "female"), ("subject-nhs-number", ""),
                        ])
                }
            }
        }
        return tally
    }

    /// Police incidents sent at a fixed rate whatever the answers' pace (open loop), each timed from when it was
    /// due to be sent, so a server falling behind shows as waiting rather than as fewer requests.
    private static func openLoop(
        base: String, token: String, rate: Int, seconds: Double, client: HTTPClient
    ) async -> LoadTally {
        let total = Int(Double(rate) * seconds)
        let interval = UInt64(1_000_000_000 / max(rate, 1))
        let start = DispatchTime.now().uptimeNanoseconds
        var tally = LoadTally()
        await withTaskGroup(of: (Double, Bool).self) { group in
            for n in 0..<total {
                let due = start + UInt64(n) * interval
                let now = DispatchTime.now().uptimeNanoseconds
                if due > now { try? await Task.sleep(nanoseconds: due - now) }
                group.addTask {
                    let json = """
                        {"reference": "OPEN-\(n)-\(UInt32.random(in: 0...UInt32.max))", "occurredAt": "2026-03-02T08:40:00Z", "type": "Domestic",
                         "address": "\(n % 200 + 1) Station Road, Calder Vale", "summary": "Shouting reported; officers attended."}
                        """
                    let reply = try? await LoadSession(base: base, client: client).postJSON(
                        "/api/v1/incidents", json, bearer: token)
                    return (
                        Double(DispatchTime.now().uptimeNanoseconds - due) / 1_000_000,
                        reply.map { (200...201).contains($0.status) } ?? false
                    )
                }
            }
            for await (ms, ok) in group { tally.add("incident", ms, ok: ok) }
        }
        tally.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
        return tally
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        allMatches(pattern, in: text).first
    }

    private static func allMatches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
