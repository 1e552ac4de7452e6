import ArgumentParser
import Foundation
import SafeguardBenchmarks
import SafeguardServer

/// `safeguard bench …`: measurements against peer tools. The work is in the SafeguardBenchmarks target.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run benchmarks.", subcommands: [People.self, Addresses.self, Intake.self, Load.self, Hello.self])

    struct People: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Person matching: our matcher and the Splink peer on the same generated files, both scored by score.py.",
            discussion: """
                Prints one line per size to standard output:
                people-matching: precision=P recall=R f1=F per_second=N p95_ms=L peer_f1=F2 peer_per_second=N2
                p95_ms is the referral page's matching step for one subject against --latency-index people.
                Progress and timings go to standard error.
                """)

        @Option(help: "Index sizes N, comma-separated (queries are 0.8·N).") var sizes = "10000"
        @Option(help: "People in the index for the one-subject latency; 0 skips it.") var latencyIndex = 1_000_000
        @Option(help: "Referral subjects timed for the latency.") var latencyQueries = 2_000
        @Option(
            help:
                "Folder for the generated files (default: .build/bench-data in the project); reused for the same N and seed."
        )
        var data: String?
        @Option(
            help:
                "The peers folder with make_people.py, run_people_peer.py, score.py, setup.sh (default: ../shared/peers from the project)."
        )
        var peers: String?
        @Option(
            help: "Match model: default (as the referral page) or estimated (fitted to the data without the truth).")
        var model = "default"
        @Option(help: "Threads for matching the benchmark queries (default: all cores). Latency always uses one.")
        var threads: Int?
        @Option(help: "Random seed for make_people.py.") var seed = 42

        func run() throws {
            let parsed = try sizes.split(separator: ",").map { part -> Int in
                guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= 10 else {
                    throw ValidationError("--sizes: '\(part)' is not a whole number of at least 10")
                }
                return n
            }
            guard !parsed.isEmpty else { throw ValidationError("--sizes: give at least one size") }
            guard latencyIndex == 0 || latencyIndex >= 10 else {
                throw ValidationError("--latency-index: 0 or at least 10")
            }
            guard let choice = PeopleBenchmark.ModelChoice(rawValue: model) else {
                throw ValidationError("--model: default or estimated, not '\(model)'")
            }
            let root = PeopleBenchmark.Options.projectRoot
            func folder(_ given: String?, _ fallback: String) -> URL {
                guard let given else { return root.appendingPathComponent(fallback).standardizedFileURL }
                return URL(fileURLWithPath: given).standardizedFileURL
            }
            var options = PeopleBenchmark.Options(
                sizes: parsed, latencyIndexSize: latencyIndex, latencyQueries: latencyQueries,
                dataDirectory: folder(data, ".build/bench-data"), peersDirectory: folder(peers, "../shared/peers"),
                environmentsDirectory: PeopleBenchmark.Options.defaultEnvironmentsDirectory, seed: seed, model: choice)
            if let threads { options.threads = max(threads, 1) }
            do {
                let lines = try PeopleBenchmark.run(options) { message in
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
                for line in lines { print(line) }
            } catch let problem as PeopleBenchmark.Problem {
                FileHandle.standardError.write(Data(("bench people: " + problem.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }

    struct Addresses: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Address matching: our matcher and uk-address-matcher on the same generated files, both scored by score.py --no-collisions.",
            discussion: """
                Prints two lines to standard output, the default data then --stress data:
                address-matching: precision=P recall=R f1=F per_second=N peer_precision=P2 peer_recall=R2 peer_f1=F2 peer_per_second=N2
                address-matching-stress: …the same…
                Our precision counts automatic matches; our recall counts automatic matches plus needs-review.
                Progress and timings go to standard error.
                """)

        @Option(help: "Gazetteer size N (the messy file has 1.1·N rows).") var size = 20_000
        @Option(
            help:
                "Folder for the generated files (default: .build/bench-data in the project); reused for the same N and seed."
        )
        var data: String?
        @Option(
            help:
                "The peers folder with make_addresses.py, run_address_peer.py, score.py, setup.sh (default: ../shared/peers from the project)."
        )
        var peers: String?
        @Option(help: "Threads for matching (default: all cores).") var threads: Int?
        @Option(help: "Random seed for make_addresses.py.") var seed = 42

        func run() throws {
            guard size >= 10 else { throw ValidationError("--size: at least 10") }
            let root = PeopleBenchmark.Options.projectRoot
            func folder(_ given: String?, _ fallback: String) -> URL {
                guard let given else { return root.appendingPathComponent(fallback).standardizedFileURL }
                return URL(fileURLWithPath: given).standardizedFileURL
            }
            var options = AddressBenchmark.Options(
                size: size, dataDirectory: folder(data, ".build/bench-data"),
                peersDirectory: folder(peers, "../shared/peers"),
                environmentsDirectory: PeopleBenchmark.Options.defaultEnvironmentsDirectory, seed: seed)
            if let threads { options.threads = max(threads, 1) }
            do {
                let lines = try AddressBenchmark.run(options) { message in
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
                for line in lines { print(line) }
            } catch let problem as BenchmarkProblem {
                FileHandle.standardError.write(Data(("bench addresses: " + problem.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }

    struct Intake: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Police incident intake: `import incidents` of generated rows beside a raw insert of the same rows (the floor).",
            discussion: """
                Loads the demo partnership into a fresh database of each engine, imports --rows incidents, then inserts the
                same rows raw. Prints one line per engine to standard output:
                intake-<engine>: rows=N seconds=S per_second=R floor_per_second=F ratio=X seal_seconds=T matched=M
                PostgreSQL is a throwaway cluster started from Debian's binaries unless --postgres names an empty database.
                """)

        @Option(help: "Incidents to import.") var rows = 100_000
        @Option(help: "An empty PostgreSQL database to use instead of starting a throwaway cluster.") var postgres:
            String?
        @Option(help: "Engines, comma-separated: sqlite, postgresql.") var engines = "sqlite,postgresql"

        func run() async throws {
            guard rows >= 1 else { throw ValidationError("--rows: at least 1") }
            let chosen = engines.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for e in chosen where !["sqlite", "postgresql"].contains(e) {
                throw ValidationError("--engines: sqlite or postgresql, not '\(e)'")
            }
            do {
                let lines = try await IntakeBenchmark.run(.init(rows: rows, postgresURL: postgres, engines: chosen)) {
                    message in
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
                for line in lines { print(line) }
            } catch let problem as ThrowawayPostgres.Problem {
                FileHandle.standardError.write(Data(("bench intake: " + problem.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "A bounded mixed load on 127.0.0.1: one server on SQLite, one on PostgreSQL, two behind HAProxy, beside a bare Vapor route.",
            discussion: """
                Starts what it needs itself (servers from this binary, a throwaway PostgreSQL, HAProxy). Prints one line per setup,
                load-<setup>: per_second=N p50_ms=A p95_ms=B p99_ms=C errors=E
                then for each single server load-person-<users>-<setup> (person pages alone, --users at once, for --person-seconds)
                and load-incidents-<rate>-<setup> (incidents alone at --incident-rate a second, open loop),
                and last load-scaling: ratio=R (two servers over one, on PostgreSQL). Progress and each kind's figures go to standard error.
                """)

        @Option(help: "Virtual users, each with its own sessions, sending one request after another.") var users = 32
        @Option(help: "Seconds of load per setup.") var seconds = 20.0
        @Option(help: "At most this many requests per setup.") var requests = 200_000
        @Option(help: "Setups, comma-separated: ceiling, sqlite, postgresql, balanced.") var setups =
            "ceiling,sqlite,postgresql,balanced"
        @Option(
            help: "Police incidents a second sent alone for 10 s to each single server after its mixed load; 0 skips.")
        var incidentRate = 500
        @Option(
            help: "Seconds of person pages alone (--users at once) on each single server after its mixed load; 0 skips."
        )
        var personSeconds = 10.0

        func run() async throws {
            guard users >= 1, users <= 512 else { throw ValidationError("--users: 1 to 512") }
            guard incidentRate >= 0, incidentRate <= 5_000 else {
                throw ValidationError("--incident-rate: 0 to 5000 a second")
            }
            guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds: more than 0, at most 600") }
            guard personSeconds >= 0, personSeconds <= 600 else { throw ValidationError("--person-seconds: 0 to 600") }
            let chosen = setups.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for s in chosen where !LoadBenchmark.allSetups.contains(s) {
                throw ValidationError("--setups: \(LoadBenchmark.allSetups.joined(separator: ", ")), not '\(s)'")
            }
            let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
            do {
                let lines = try await LoadBenchmark.run(
                    .init(
                        users: users, seconds: seconds, maxRequests: requests, setups: chosen, binary: binary,
                        incidentRate: incidentRate > 0 ? incidentRate : nil, personSeconds: personSeconds)
                ) {
                    FileHandle.standardError.write(Data(($0 + "\n").utf8))
                }
                for line in lines { print(line) }
            } catch let problem as Spawn.Failed {
                FileHandle.standardError.write(Data(("bench load: " + problem.description + "\n").utf8))
                throw ExitCode(1)
            } catch let problem as ThrowawayPostgres.Problem {
                FileHandle.standardError.write(Data(("bench load: " + problem.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }

    struct Hello: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A bare Vapor server with one route, GET /hello: the load benchmark's ceiling.",
            shouldDisplay: false)
        @Option(help: "Port on 127.0.0.1.") var port = 8090

        func run() async throws { try await HelloServer.run(port: port) }
    }
}
