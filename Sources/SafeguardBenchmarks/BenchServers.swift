import Foundation
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer
import Vapor

/// The processes the load benchmark runs against: Safeguard servers (this same binary, `serve`), the bare Vapor
/// "hello" server (`bench hello`), and HAProxy in front of two servers. Each writes to a log in `folder`.
final class BenchServers: @unchecked Sendable {
    let binary: String
    let folder: URL
    private var running: [pid_t] = []

    init(binary: String, folder: URL) {
        self.binary = binary
        self.folder = folder
    }

    static func freePort() -> Int { Int.random(in: 20_000...29_999) }

    /// Starts `safeguard serve` and waits until /health answers. Returns the server's printed output once ready.
    func serve(
        name: String, port: Int, demo: Bool, environment: [String: String], sqliteFile: String? = nil
    ) async throws -> String {
        var arguments = ["serve", "--port", String(port)]
        if demo { arguments.append("--demo") }
        if let sqliteFile { arguments += ["--database", sqliteFile] }
        let log = folder.appendingPathComponent("\(name).log")
        running.append(try Spawn.start(binary, arguments, environment: environment, output: log))
        try await Self.waitForHealth(port: port, seconds: 240)
        return (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    func hello(port: Int) async throws {
        running.append(
            try Spawn.start(
                binary, ["bench", "hello", "--port", String(port)], output: folder.appendingPathComponent("hello.log")))
        try await Self.waitForHealth(port: port, seconds: 60, path: "/hello")
    }

    /// HAProxy round-robin over `ports`, no stickiness, listening on `port`.
    func balancer(port: Int, over ports: [Int]) async throws {
        let haproxy = ["/usr/sbin/haproxy", "/usr/bin/haproxy"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let haproxy else { throw Spawn.Failed(description: "HAProxy is not installed: apt-get install haproxy") }
        let config = folder.appendingPathComponent("haproxy.cfg")
        let servers = ports.enumerated().map { "    server s\($0.offset) 127.0.0.1:\($0.element) check inter 1s" }
            .joined(separator: "\n")
        try """
        global
            maxconn 2048
        defaults
            mode http
            timeout connect 5s
            timeout client 60s
            timeout server 60s
            option http-keep-alive
        frontend safeguard
            bind 127.0.0.1:\(port)
            default_backend servers
        backend servers
            balance roundrobin
        \(servers)

        """.write(to: config, atomically: true, encoding: .utf8)
        running.append(
            try Spawn.start(haproxy, ["-f", config.path, "-db"], output: folder.appendingPathComponent("haproxy.log")))
        try await Self.waitForHealth(port: port, seconds: 30)
    }

    /// Stops everything started, last first (the balancer before its servers); servers seal their audit entries.
    func stopAll() {
        for pid in running.reversed() { Spawn.stop(pid) }
        running.removeAll()
    }

    static func waitForHealth(port: Int, seconds: Double, path: String = "/health") async throws {
        let deadline = Date().addingTimeInterval(seconds)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        while Date() < deadline {
            if let reply = try? await client.get(url: "http://127.0.0.1:\(port)\(path)").get(), reply.status == .ok {
                try await client.shutdown()
                return
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        try await client.shutdown()
        throw Spawn.Failed(description: "nothing answered on 127.0.0.1:\(port)\(path) within \(Int(seconds)) s")
    }
}

/// `safeguard bench hello`: a bare Vapor application with one route, the load benchmark's ceiling.
public enum HelloServer {
    public static func run(port: Int) async throws {
        SafeguardOperations.runTasksOnEventLoops()  // as `serve` does, so the ceiling is measured the same way
        let app = try await Application.make(Environment(name: "production", arguments: ["safeguard"]))
        app.logger.logLevel = .warning
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        app.get("hello") { _ in "Hello, world!" }
        try await app.execute()
        try await app.asyncShutdown()
    }
}
