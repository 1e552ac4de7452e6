import Dispatch
import Foundation
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer

/// Why a benchmark could not run, said so the user can put it right.
public struct BenchmarkProblem: Error, CustomStringConvertible {
    public var description: String
}

/// What both benchmarks need from the peer kit in `../shared/peers`: running its Python scripts in the
/// environments `setup.sh` makes, reading their `key=value` lines, percentiles, and spreading queries
/// over threads.
enum PeerKit {
    typealias Problem = BenchmarkProblem

    /// Runs `setup.sh` once if the named environment (venv-people, venv-address) is missing.
    static func ensureEnvironment(_ name: String, environments: URL, peers: URL, progress: (String) -> Void) throws {
        let python = environments.appendingPathComponent("\(name)/bin/python").path
        guard !FileManager.default.isExecutableFile(atPath: python) else { return }
        progress(
            "The peers' Python environments are missing from \(environments.path): "
                + "running setup.sh once to create them (needs PyPI, takes a few minutes)…")
        _ = try runProcess(
            "/usr/bin/env", ["bash", peers.appendingPathComponent("setup.sh").path, environments.path],
            environment: pythonEnvironment(environments), progress: progress)
    }

    /// `key=value` numbers from the last line of `output` that has an `f1=`, such as score.py's
    /// "precision=0.9981 recall=0.9787 f1=0.9883" or the peer's "people-peer: precision=… per_second=1234 …".
    static func metrics(in output: String) -> [String: Double] {
        guard let line = output.split(whereSeparator: \.isNewline).last(where: { $0.contains("f1=") }) else {
            return [:]
        }
        var found: [String: Double] = [:]
        for token in line.split(separator: " ") {
            let parts = token.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            found[String(parts[0])] = value
        }
        return found
    }

    /// Nearest-rank percentile (`p` in 0…100) of `values`.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    // MARK: - Processes

    static func pythonEnvironment(_ environments: URL) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SAFEGUARD_PEERS_DIR"] = environments.path
        return env
    }

    /// Runs one of the kit's scripts; the scripts re-run themselves in their own environment.
    static func runPython(
        _ python: String, peers: URL, environments: URL, script: String, _ arguments: [String],
        progress: (String) -> Void
    ) throws -> String {
        try runProcess(
            "/usr/bin/env", [python, peers.appendingPathComponent(script).path] + arguments,
            environment: pythonEnvironment(environments), progress: progress)
    }

    /// Maps `work` over `items` on `threads` threads, in chunks, keeping the order.
    static func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], threads: Int, _ work: @Sendable (T) -> R?) -> [R?]
    {
        let results = Slots<R?>(count: items.count, initial: nil)
        let chunk = 64
        let chunks = (items.count + chunk - 1) / chunk
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(min(threads, chunks), 1)) { _ in
            while true {
                let c = next.increment()
                guard c < chunks else { return }
                for i in (c * chunk)..<min((c + 1) * chunk, items.count) { results[i] = work(items[i]) }
            }
        }
        return results.values
    }

    /// Runs a program to the end; its standard error passes through to ours, its standard output is returned.
    static func runProcess(
        _ executable: String, _ arguments: [String], environment: [String: String],
        progress: (String) -> Void
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        do { try process.run() } catch {
            throw Problem(
                description: "cannot start \(arguments.joined(separator: " ")): \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Problem(
                description:
                    "\(arguments.prefix(2).joined(separator: " ")) failed (exit \(process.terminationStatus)):\n\(text)"
            )
        }
        for line in text.split(separator: "\n") where !line.isEmpty { progress("  \(line)") }
        return text
    }
}

/// Fixed-size results written from several threads, each slot by one thread only.
private final class Slots<Value>: @unchecked Sendable {
    // @unchecked: every index is written by exactly one thread, and read only after they have all finished.
    // Raw memory rather than an array property, so concurrent writes to different slots are not one access.
    private let storage: UnsafeMutableBufferPointer<Value>
    init(count: Int, initial: Value) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }
    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }
    subscript(i: Int) -> Value {
        get { storage[i] }
        set { storage[i] = newValue }
    }
    var values: [Value] { Array(storage) }
}

/// A shared counter handing out work.
private final class Counter: @unchecked Sendable {
    // @unchecked: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let v = value
        value += 1
        return v
    }
}
