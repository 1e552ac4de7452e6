import Foundation
import SafeguardCore
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer

/// `safeguard bench addresses`: our address matcher against uk-address-matcher on the same generated files.
///
/// For the default data and for `--stress` data it generates the gazetteer (`canonical.csv`) and the messy
/// call-handler addresses (`messy.csv`) once with the peers' `make_addresses.py`, matches every messy address
/// in-process with the `AddressMatcher` the incident feature uses, and scores with `score.py --no-collisions`
/// (a collision row cannot be told apart by anyone). Precision counts our automatic matches only; recall counts
/// automatic matches and needs-review together, since a reviewed match reaches the officer too. Then it runs
/// `run_address_peer.py` on the same directory and scores the peer's predictions the same way.
public enum AddressBenchmark {
    public typealias Problem = BenchmarkProblem

    public struct Options: Sendable {
        public var size: Int
        public var dataDirectory: URL
        public var peersDirectory: URL
        public var environmentsDirectory: URL
        public var seed: Int
        public var threads: Int
        public var python: String

        public init(
            size: Int = 20_000, dataDirectory: URL, peersDirectory: URL, environmentsDirectory: URL, seed: Int = 42,
            threads: Int = ProcessInfo.processInfo.activeProcessorCount, python: String = "python3"
        ) {
            self.size = size
            self.dataDirectory = dataDirectory
            self.peersDirectory = peersDirectory
            self.environmentsDirectory = environmentsDirectory
            self.seed = seed
            self.threads = max(threads, 1)
            self.python = python
        }
    }

    struct Score: Equatable { var precision: Double, recall: Double, f1: Double, perSecond: Double }

    /// Runs both datasets and returns the `address-matching:` and `address-matching-stress:` lines.
    public static func run(_ options: Options, progress: @escaping @Sendable (String) -> Void) throws -> [String] {
        for script in ["make_addresses.py", "run_address_peer.py", "score.py", "setup.sh"] {
            guard FileManager.default.fileExists(atPath: options.peersDirectory.appendingPathComponent(script).path)
            else {
                throw Problem(
                    description:
                        "no \(script) in \(options.peersDirectory.path): pass --peers DIR (the shared/peers folder)")
            }
        }
        try PeerKit.ensureEnvironment(
            "venv-address", environments: options.environmentsDirectory, peers: options.peersDirectory,
            progress: progress)
        var lines: [String] = []
        for stress in [false, true] {
            let label = stress ? "address-matching-stress" : "address-matching"
            let dir = try dataset(options, stress: stress, progress: progress)
            let ours = try matchAndScore(dir, options, label: label, progress: progress)
            let peer = try runPeer(dir, options, label: label, progress: progress)
            lines.append(resultLine(label, ours: ours, peer: peer))
        }
        return lines
    }

    static func runPython(
        _ options: Options, _ script: String, _ arguments: [String], progress: (String) -> Void
    ) throws -> String {
        try PeerKit.runPython(
            options.python, peers: options.peersDirectory, environments: options.environmentsDirectory,
            script: script, arguments, progress: progress)
    }

    /// The directory with canonical.csv and messy.csv, generated once per size, seed and flag.
    static func dataset(_ options: Options, stress: Bool, progress: (String) -> Void) throws -> URL {
        let fm = FileManager.default
        let name = "addresses-n\(options.size)-seed\(options.seed)" + (stress ? "-stress" : "")
        let dir = options.dataDirectory.appendingPathComponent(name)
        if fm.fileExists(atPath: dir.appendingPathComponent("canonical.csv").path),
            fm.fileExists(atPath: dir.appendingPathComponent("messy.csv").path)
        {
            progress("\(name): reusing \(dir.path)")
            return dir
        }
        // Generated beside it and renamed, so an interrupted run never leaves half a dataset to be reused.
        let partial = options.dataDirectory.appendingPathComponent(name + ".tmp")
        try? fm.removeItem(at: partial)
        try fm.createDirectory(at: options.dataDirectory, withIntermediateDirectories: true)
        progress("\(name): generating with make_addresses.py…")
        _ = try runPython(
            options, "make_addresses.py",
            [partial.path, String(options.size), String(options.seed)] + (stress ? ["--stress"] : []),
            progress: progress)
        try? fm.removeItem(at: dir)
        try fm.moveItem(at: partial, to: dir)
        return dir
    }

    static func matchAndScore(_ dir: URL, _ options: Options, label: String, progress: (String) -> Void) throws -> Score
    {
        var clock = Date()
        let gazetteer = try records(CSVTable(contentsOf: dir.appendingPathComponent("canonical.csv")))
        let messy = try records(CSVTable(contentsOf: dir.appendingPathComponent("messy.csv")))
        let index = AddressIndex(gazetteer)
        progress(
            "\(label): read \(gazetteer.count) gazetteer and \(messy.count) messy addresses and built the index in "
                + "\(PeerKit.format(Date().timeIntervalSince(clock), 2)) s")
        clock = Date()
        let matcher = AddressMatcher(index: index)
        let outcomes = PeerKit.concurrentMap(messy, threads: options.threads) { row in
            matcher.decide(address: row.address, postcode: row.postcode)
        }
        let seconds = Date().timeIntervalSince(clock)
        let perSecond = Double(messy.count) / max(seconds, 1e-9)
        progress(
            "\(label): matched \(messy.count) addresses in \(PeerKit.format(seconds, 2)) s on \(options.threads) thread(s) (\(Int(perSecond.rounded()))/s)"
        )

        let (automatic, reviewed) = try predictions(ids: messy.map(\.id), outcomes: outcomes.map { $0 ?? .noMatch })
        let automaticFile = dir.appendingPathComponent("safeguard_matches.csv")
        let reviewedFile = dir.appendingPathComponent("safeguard_matches_and_review.csv")
        try automatic.write(to: automaticFile, atomically: true, encoding: .utf8)
        try reviewed.write(to: reviewedFile, atomically: true, encoding: .utf8)
        let precision = try score(dir, automaticFile, options, "precision", progress: progress)
        let recall = try score(dir, reviewedFile, options, "recall", progress: progress)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        progress(
            "\(label): ours: precision=\(PeerKit.format(precision, 4)) (automatic matches) recall=\(PeerKit.format(recall, 4)) "
                + "(automatic + needs review) f1=\(PeerKit.format(f1, 4))")
        return Score(precision: precision, recall: recall, f1: f1, perSecond: perSecond)
    }

    static func runPeer(_ dir: URL, _ options: Options, label: String, progress: (String) -> Void) throws -> Score {
        progress("\(label): running uk-address-matcher (run_address_peer.py)…")
        let output = try runPython(options, "run_address_peer.py", [dir.path], progress: progress)
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("address-peer:") }),
            let rate = PeerKit.metrics(in: String(line))["per_second"]
        else {
            throw Problem(description: "run_address_peer.py printed no address-peer line with per_second:\n\(output)")
        }
        // Rescored without collisions, as ours is.
        let file = dir.appendingPathComponent("peer_predictions.csv")
        let out = try runPython(options, "score.py", [dir.path, file.path, "--no-collisions"], progress: progress)
        let m = PeerKit.metrics(in: out)
        guard let p = m["precision"], let r = m["recall"], let f = m["f1"] else {
            throw Problem(description: "cannot read the peer's score from score.py:\n\(out)")
        }
        progress(
            "\(label): peer: precision=\(PeerKit.format(p, 4)) recall=\(PeerKit.format(r, 4)) f1=\(PeerKit.format(f, 4)) per_second=\(Int(rate.rounded()))"
        )
        return Score(precision: p, recall: r, f1: f, perSecond: rate)
    }

    static func score(
        _ dir: URL, _ file: URL, _ options: Options, _ key: String, progress: (String) -> Void
    ) throws -> Double {
        let out = try runPython(options, "score.py", [dir.path, file.path, "--no-collisions"], progress: progress)
        guard let value = PeerKit.metrics(in: out)[key] else {
            throw Problem(description: "cannot read \(key) from score.py:\n\(out)")
        }
        return value
    }

    // MARK: - Pure parts

    /// Rows of canonical.csv or messy.csv: id, address, postcode (empty = not given).
    static func records(_ table: CSVTable) throws -> [AddressRecord] {
        let id = try table.column("id")
        let address = try table.column("address")
        let postcode = try table.column("postcode")
        return table.rows.map { f in
            let pc = f[postcode].trimmingCharacters(in: .whitespaces)
            return AddressRecord(id: f[id], address: f[address], postcode: pc.isEmpty ? nil : pc)
        }
    }

    /// Two predictions files: automatic matches only (scored for precision), and automatic matches with the
    /// best needs-review candidate (scored for recall).
    static func predictions(
        ids: [String], outcomes: [AddressMatchOutcome]
    ) throws -> (automatic: String, reviewed: String) {
        var automatic: [[String]] = []
        var reviewed: [[String]] = []
        for (id, outcome) in zip(ids, outcomes) {
            switch outcome {
            case .match(let c):
                automatic.append([id, c.id, PeerKit.format(c.score, 4)])
                reviewed.append([id, c.id, PeerKit.format(c.score, 4)])
            case .needsReview(let list):
                automatic.append([id, "", ""])
                reviewed.append([id, list.first?.id ?? "", list.first.map { PeerKit.format($0.score, 4) } ?? ""])
            case .noMatch:
                automatic.append([id, "", ""])
                reviewed.append([id, "", ""])
            }
        }
        let header = ["id", "predicted_id", "score"]
        return (
            try CSVTable.document(header: header, rows: automatic),
            try CSVTable.document(header: header, rows: reviewed)
        )
    }

    static func resultLine(_ label: String, ours: Score, peer: Score) -> String {
        func f(_ v: Double) -> String { PeerKit.format(v, 4) }
        return
            "\(label): precision=\(f(ours.precision)) recall=\(f(ours.recall)) f1=\(f(ours.f1)) per_second=\(Int(ours.perSecond.rounded())) "
            + "peer_precision=\(f(peer.precision)) peer_recall=\(f(peer.recall)) peer_f1=\(f(peer.f1)) peer_per_second=\(Int(peer.perSecond.rounded()))"
    }
}
