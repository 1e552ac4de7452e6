import Foundation
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer

/// A PostgreSQL cluster of its own for a benchmark, started from Debian's binaries the way `.ci/run` starts one
/// (run as the `postgres` user when we are root), listening on 127.0.0.1 only, and removed when stopped.
public final class ThrowawayPostgres: @unchecked Sendable {
    public enum Problem: Error, CustomStringConvertible {
        case notInstalled
        case failed(String)
        public var description: String {
            switch self {
            case .notInstalled:
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or pass --postgres URL"
            case .failed(let what): what
            }
        }
    }

    public let port: Int
    private let bin: URL
    private let data: URL
    private var stopped = false

    /// postgres://safeguard:safeguard@127.0.0.1:PORT/NAME for a database made by ``createDatabase(_:)``.
    public func url(_ database: String) -> String { "postgres://safeguard:safeguard@127.0.0.1:\(port)/\(database)" }

    public static func start(progress: (String) -> Void) throws -> ThrowawayPostgres {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard
            let version = versions.filter({
                FileManager.default.fileExists(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
            })
            .sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }).last
        else { throw Problem.notInstalled }
        let bin = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent(
            "safeguard-bench-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let port = Int.random(in: 56_000...56_999)
        let pg = ThrowawayPostgres(port: port, bin: bin, data: data)
        progress("starting a throwaway PostgreSQL \(version) on 127.0.0.1:\(port)")
        if getuid() == 0 { try run("/bin/chown", ["postgres:postgres", data.path]) }
        try pg.asPostgres("initdb", ["-D", data.path, "-U", "postgres", "--auth=trust"])
        try pg.asPostgres(
            "pg_ctl",
            [
                "-D", data.path, "-l", data.appendingPathComponent("server.log").path, "-w", "start",
                "-o", "-p \(port) -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=400",
            ])
        try pg.psql("CREATE ROLE safeguard LOGIN PASSWORD 'safeguard' SUPERUSER")
        return pg
    }

    private init(port: Int, bin: URL, data: URL) {
        self.port = port
        self.bin = bin
        self.data = data
    }

    public func createDatabase(_ name: String) throws {
        try psql("CREATE DATABASE \(name) OWNER safeguard")
    }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        try? asPostgres("pg_ctl", ["-D", data.path, "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(at: data)
    }

    deinit { stop() }

    private func psql(_ sql: String) throws {
        try Self.run(
            bin.appendingPathComponent("psql").path,
            ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-q", "-c", sql])
    }

    private func asPostgres(_ tool: String, _ arguments: [String]) throws {
        let path = bin.appendingPathComponent(tool).path
        if getuid() == 0 {
            try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
        } else {
            try Self.run(path, arguments)
        }
    }

    private static func run(_ path: String, _ arguments: [String]) throws {
        do { try Spawn.run(path, arguments) } catch let failed as Spawn.Failed {
            throw Problem.failed(failed.description)
        }
    }
}
