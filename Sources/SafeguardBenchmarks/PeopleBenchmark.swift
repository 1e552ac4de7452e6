import Dispatch
import Foundation
import SafeguardCore
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer

/// `safeguard bench people`: our person matcher against the Splink peer on the same synthetic files.
///
/// For each size N it generates the files once with the peers' `make_people.py` (seed 42, reused on later
/// runs), matches `queries.csv` against `people.csv` in-process, predicts a query's best candidate only when
/// the model's own automatic-match threshold says so (the threshold is a probability fixed in advance, never
/// tuned on the truth), writes the predictions, and lets the peers' `score.py` score them. Then it runs
/// `run_people_peer.py` on the same directory. Latency is the referral page's own matching step,
/// `SubjectMatching.rank`, for one referral subject at a time against an index of a million people.
///
/// Progress goes to `progress`; the result lines are returned.
public enum PeopleBenchmark {
    /// Which match model scores the pairs.
    public enum ModelChoice: String, Sendable, CaseIterable {
        /// `MatchModel.default`, as the referral page uses.
        case `default`
        /// `MatchModel.estimated(from:queries:)`: fitted to the index and the queries without the truth.
        case estimated
    }

    public struct Options: Sendable {
        public var sizes: [Int]
        /// People in the latency index; 0 skips the latency run.
        public var latencyIndexSize: Int
        /// Referral subjects timed one at a time.
        public var latencyQueries: Int
        /// Where the generated files live, one directory per size and seed.
        public var dataDirectory: URL
        /// The folder holding make_people.py, run_people_peer.py, score.py and setup.sh.
        public var peersDirectory: URL
        /// Where setup.sh puts the Python environments (SAFEGUARD_PEERS_DIR).
        public var environmentsDirectory: URL
        public var seed: Int
        public var model: ModelChoice
        /// Threads matching the benchmark queries (the peer's DuckDB uses every core too). Latency uses one.
        public var threads: Int
        public var python: String

        public init(
            sizes: [Int] = [10_000], latencyIndexSize: Int = 1_000_000, latencyQueries: Int = 2_000,
            dataDirectory: URL, peersDirectory: URL, environmentsDirectory: URL, seed: Int = 42,
            model: ModelChoice = .default, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
            python: String = "python3"
        ) {
            self.sizes = sizes
            self.latencyIndexSize = latencyIndexSize
            self.latencyQueries = latencyQueries
            self.dataDirectory = dataDirectory
            self.peersDirectory = peersDirectory
            self.environmentsDirectory = environmentsDirectory
            self.seed = seed
            self.model = model
            self.threads = max(threads, 1)
            self.python = python
        }

        /// The default environments folder: `SAFEGUARD_PEERS_DIR`, else ~/.cache/safeguard-peers, as setup.sh has it.
        public static var defaultEnvironmentsDirectory: URL {
            if let dir = ProcessInfo.processInfo.environment["SAFEGUARD_PEERS_DIR"], !dir.isEmpty {
                return URL(fileURLWithPath: dir)
            }
            return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/safeguard-peers")
        }

        /// The nearest folder at or above the working directory holding Package.swift (the repository root),
        /// else the working directory.
        public static var projectRoot: URL {
            let fm = FileManager.default
            var dir = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL
            while true {
                if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { return URL(fileURLWithPath: fm.currentDirectoryPath) }
                dir = parent
            }
        }
    }

    public typealias Problem = BenchmarkProblem

    /// Runs everything and returns one `people-matching:` line per size.
    public static func run(_ options: Options, progress: @escaping @Sendable (String) -> Void) throws -> [String] {
        let peers = options.peersDirectory
        for script in ["make_people.py", "run_people_peer.py", "score.py", "setup.sh"] {
            guard FileManager.default.fileExists(atPath: peers.appendingPathComponent(script).path) else {
                throw Problem(description: "no \(script) in \(peers.path): pass --peers DIR (the shared/peers folder)")
            }
        }
        try ensureEnvironments(options, progress: progress)

        var latency: Latency?
        if options.latencyIndexSize > 0 {
            latency = try measureLatency(options, progress: progress)
        }
        var lines: [String] = []
        for n in options.sizes {
            let dir = try dataset(n: n, options, progress: progress)
            let ours = try matchAndScore(dir, n: n, options, progress: progress)
            progress("n=\(n): running the Splink peer (run_people_peer.py)…")
            let started = Date()
            let peerOutput = try runPython(options, script: "run_people_peer.py", [dir.path], progress: progress)
            guard let peerLine = peerOutput.split(separator: "\n").last(where: { $0.hasPrefix("people-peer:") }) else {
                throw Problem(description: "run_people_peer.py printed no people-peer line:\n\(peerOutput)")
            }
            progress("n=\(n): \(peerLine)  (\(format(Date().timeIntervalSince(started), 1)) s with start-up)")
            let peer = metrics(in: String(peerLine))
            guard let peerF1 = peer["f1"], let peerRate = peer["per_second"] else {
                throw Problem(description: "cannot read f1 and per_second from: \(peerLine)")
            }
            lines.append(
                resultLine(
                    precision: ours.precision, recall: ours.recall, f1: ours.f1, perSecond: ours.perSecond,
                    p95Milliseconds: latency?.p95Milliseconds, peerF1: peerF1, peerPerSecond: peerRate))
        }
        return lines
    }

    // MARK: - Steps

    static func ensureEnvironments(_ options: Options, progress: (String) -> Void) throws {
        try PeerKit.ensureEnvironment(
            "venv-people", environments: options.environmentsDirectory, peers: options.peersDirectory,
            progress: progress)
    }

    static func runPython(
        _ options: Options, script: String, _ arguments: [String], progress: (String) -> Void
    ) throws -> String {
        try PeerKit.runPython(
            options.python, peers: options.peersDirectory, environments: options.environmentsDirectory,
            script: script, arguments, progress: progress)
    }

    static func metrics(in output: String) -> [String: Double] { PeerKit.metrics(in: output) }
    static func percentile(_ values: [Double], _ p: Double) -> Double { PeerKit.percentile(values, p) }
    static func format(_ value: Double, _ decimals: Int) -> String { PeerKit.format(value, decimals) }

    /// The directory with people.csv and queries.csv for N people, generated once.
    static func dataset(n: Int, _ options: Options, progress: (String) -> Void) throws -> URL {
        let fm = FileManager.default
        let dir = options.dataDirectory.appendingPathComponent("people-n\(n)-seed\(options.seed)")
        if fm.fileExists(atPath: dir.appendingPathComponent("people.csv").path),
            fm.fileExists(atPath: dir.appendingPathComponent("queries.csv").path)
        {
            progress("n=\(n): reusing \(dir.path)")
            return dir
        }
        // Generate next to it and rename, so an interrupted run never leaves half a dataset to be reused.
        let partial = options.dataDirectory.appendingPathComponent("people-n\(n)-seed\(options.seed).tmp")
        try? fm.removeItem(at: partial)
        try fm.createDirectory(at: options.dataDirectory, withIntermediateDirectories: true)
        progress("n=\(n): generating the data with make_people.py (seed \(options.seed))…")
        let started = Date()
        _ = try runPython(
            options, script: "make_people.py", [partial.path, String(n), String(options.seed)], progress: progress)
        try? fm.removeItem(at: dir)
        try fm.moveItem(at: partial, to: dir)
        progress("n=\(n): generated in \(format(Date().timeIntervalSince(started), 1)) s")
        return dir
    }

    struct OurScore {
        var precision: Double, recall: Double, f1: Double, perSecond: Double
    }

    static func matchAndScore(_ dir: URL, n: Int, _ options: Options, progress: (String) -> Void) throws -> OurScore {
        var clock = Date()
        let people = try loadPeople(dir.appendingPathComponent("people.csv"))
        let queries = try loadPeople(dir.appendingPathComponent("queries.csv"))
        progress(
            "n=\(n): read \(people.count) people and \(queries.count) queries in \(format(Date().timeIntervalSince(clock), 2)) s"
        )

        clock = Date()
        let index = PersonIndex(people.map(\.record))
        progress("n=\(n): built the index in \(format(Date().timeIntervalSince(clock), 2)) s")

        // Matching starts here: model fitting (if any) counts, as the peer's training does.
        let matchingStarted = Date()
        let model: MatchModel
        switch options.model {
        case .default:
            model = .default
        case .estimated:
            model = MatchModel.estimated(from: index, queries: queries.map(\.record))
            progress(
                "n=\(n): estimated the model in \(format(Date().timeIntervalSince(matchingStarted), 2)) s "
                    + "(prior \(format(model.inIndexProbability, 3)), counted in per_second)")
        }
        let best = bestMatches(queries.map(\.record), in: index, model: model, threads: options.threads)
        let seconds = Date().timeIntervalSince(matchingStarted)
        let perSecond = Double(queries.count) / max(seconds, 1e-9)
        progress(
            "n=\(n): matched \(queries.count) queries in \(format(seconds, 2)) s on \(options.threads) thread(s) "
                + "(\(Int(perSecond.rounded()))/s; model \(options.model.rawValue), automatic-match threshold \(model.matchThreshold))"
        )

        let predictions = dir.appendingPathComponent("safeguard_predictions.csv")
        try predictionsCSV(zip(queries, best).map { q, c in (q.record.id, c?.id, c?.probability) })
            .write(to: predictions, atomically: true, encoding: .utf8)
        let output = try runPython(options, script: "score.py", [dir.path, predictions.path], progress: progress)
        let scores = metrics(in: output)
        guard let p = scores["precision"], let r = scores["recall"], let f = scores["f1"] else {
            throw Problem(description: "cannot read precision, recall and f1 from score.py:\n\(output)")
        }
        progress("n=\(n): ours: precision=\(format(p, 4)) recall=\(format(r, 4)) f1=\(format(f, 4)) (score.py)")
        return OurScore(precision: p, recall: r, f1: f, perSecond: perSecond)
    }

    /// For each query, the best candidate when it is an automatic match under `model` (`MatchOutcome.match`:
    /// the posterior probability reaches `model.matchThreshold`), else nil.
    static func bestMatches(
        _ queries: [PersonRecordForMatching], in index: PersonIndex, model: MatchModel,
        threads: Int
    ) -> [MatchCandidate?] {
        PeerKit.concurrentMap(queries, threads: threads) { query in
            guard let top = SubjectMatching.rank(query, in: index, model: model, limit: 1).first,
                top.probability >= model.matchThreshold
            else { return nil }
            return top
        }
    }

    struct Latency {
        var p95Milliseconds: Double
    }

    /// One referral subject at a time through `SubjectMatching.rank`, as the MASH page runs it.
    static func measureLatency(_ options: Options, progress: (String) -> Void) throws -> Latency {
        let n = options.latencyIndexSize
        let dir = try dataset(n: n, options, progress: progress)
        var clock = Date()
        let people = try loadPeople(dir.appendingPathComponent("people.csv"))
        let queries = try loadPeople(dir.appendingPathComponent("queries.csv"))
        progress(
            "latency: read \(people.count) people and \(queries.count) queries in \(format(Date().timeIntervalSince(clock), 1)) s"
        )
        clock = Date()
        let index = PersonIndex(people.map(\.record))
        progress("latency: built the \(index.count)-person index in \(format(Date().timeIntervalSince(clock), 1)) s")

        let warmUp = min(100, queries.count / 10)
        let subjects = queries.map { referralSubject($0.record) }
        let timed = Array(subjects.dropFirst(warmUp).prefix(options.latencyQueries))
        guard !timed.isEmpty else { throw Problem(description: "latency: no queries in \(dir.path)") }
        for s in subjects.prefix(warmUp) { _ = SubjectMatching.rank(s, in: index) }
        var milliseconds: [Double] = []
        milliseconds.reserveCapacity(timed.count)
        var shown = 0
        for s in timed {
            let start = DispatchTime.now().uptimeNanoseconds
            let found = SubjectMatching.rank(s, in: index)
            milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            shown += found.count
        }
        let p95 = percentile(milliseconds, 95)
        progress(
            "latency: \(timed.count) referral subjects against \(index.count) people, one at a time: "
                + "p50=\(format(percentile(milliseconds, 50), 2)) p95=\(format(p95, 2)) p99=\(format(percentile(milliseconds, 99), 2)) "
                + "max=\(format(milliseconds.max() ?? 0, 2)) ms, \(format(Double(shown) / Double(timed.count), 2)) candidates shown on average"
        )
        return Latency(p95Milliseconds: p95)
    }

    // MARK: - Pure parts

    /// One row of people.csv or queries.csv.
    struct Row: Sendable {
        var record: PersonRecordForMatching
        var truthID: String?
    }

    static func loadPeople(_ url: URL) throws -> [Row] {
        try rows(of: CSVTable(contentsOf: url))
    }

    /// Rows of the make_people.py layout: id, first_name, middle_names, surname, other_names, dob, sex,
    /// nhs_number, postcode, address, and truth_id in queries. Empty fields are missing values.
    static func rows(of table: CSVTable) throws -> [Row] {
        let id = try table.column("id")
        let first = try table.column("first_name")
        let middle = try table.column("middle_names")
        let surname = try table.column("surname")
        let other = try table.column("other_names")
        let dob = try table.column("dob")
        let sex = try table.column("sex")
        let nhs = try table.column("nhs_number")
        let postcode = try table.column("postcode")
        let address = try table.column("address")
        let truth = table.header.firstIndex(of: "truth_id")
        func optional(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        return table.rows.map { f in
            let dobText = f[dob].trimmingCharacters(in: .whitespaces)
            let date = SimpleDate(iso: dobText)
            let record = PersonRecordForMatching(
                id: f[id], firstName: f[first], middleNames: f[middle], lastName: f[surname],
                otherNames: f[other].split(separator: " ").map(String.init),
                dateOfBirth: date, dateOfBirthAsEntered: date == nil && !dobText.isEmpty ? dobText : nil,
                sex: gender(f[sex]), nhsNumber: optional(f[nhs]), postcode: optional(f[postcode]),
                address: optional(f[address]))
            return Row(record: record, truthID: truth.flatMap { optional(f[$0]) })
        }
    }

    static func gender(_ code: String) -> Gender? {
        switch code.trimmingCharacters(in: .whitespaces).uppercased() {
        case "M": .male
        case "F": .female
        default: nil
        }
    }

    /// What the referral form knows of a subject, built as `SubjectCandidates.find` builds its query: names,
    /// date of birth, sex, NHS number and the referral's address. The form has no middle or other names.
    static func referralSubject(_ r: PersonRecordForMatching) -> PersonRecordForMatching {
        PersonRecordForMatching(
            id: "referral-subject", firstName: r.firstName, lastName: r.lastName,
            dateOfBirth: r.dateOfBirth, dateOfBirthAsEntered: r.dateOfBirthAsEntered, sex: r.sex,
            nhsNumber: r.nhsNumber, postcode: r.postcode, address: r.address)
    }

    /// The predictions file score.py reads: id, predicted_id (empty = no prediction), score.
    static func predictionsCSV(
        _ predictions: [(id: String, predictedID: String?, probability: Double?)]
    ) throws -> String {
        try CSVTable.document(
            header: ["id", "predicted_id", "score"],
            rows: predictions.map { [$0.id, $0.predictedID ?? "", $0.probability.map { format($0, 6) } ?? ""] })
    }

    static func resultLine(
        precision: Double, recall: Double, f1: Double, perSecond: Double, p95Milliseconds: Double?,
        peerF1: Double, peerPerSecond: Double
    ) -> String {
        "people-matching: precision=\(format(precision, 4)) recall=\(format(recall, 4)) f1=\(format(f1, 4)) "
            + "per_second=\(Int(perSecond.rounded())) p95_ms=\(p95Milliseconds.map { format($0, 2) } ?? "n/a") "
            + "peer_f1=\(format(peerF1, 4)) peer_per_second=\(Int(peerPerSecond.rounded()))"
    }
}
