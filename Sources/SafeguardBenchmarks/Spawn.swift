import Foundation
import SafeguardDemo
import SafeguardDemoData
import SafeguardServer

/// Starting and stopping the processes a benchmark needs (PostgreSQL, Safeguard servers, HAProxy) with posix_spawn
/// and waitpid. Foundation's Process is not used: inside an async command it can miss a child's exit and wait for
/// ever. Output goes to a file, not a pipe, because a server started by a tool (pg_ctl) keeps what it inherited
/// open and a pipe would never end.
public enum Spawn {
    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `path` with `arguments`; standard output and error go to `output`. Returns its process id.
    public static func start(
        _ path: String, _ arguments: [String], environment: [String: String] = [:], output: URL
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in envp { free(e) } }
        // A child inherits ignored signals and the signal mask: give it the defaults, or SIGINT may never stop it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failed(description: "could not start \(path): error \(spawned)") }
        return pid
    }

    /// Waits for `pid` to end; true when it exited with 0.
    @discardableResult
    public static func wait(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // The low 7 bits are the signal that ended it (none), the next 8 the exit code.
        return status & 0x7f == 0 && (status >> 8) & 0xff == 0
    }

    /// Asks `pid` to stop (SIGINT, as Ctrl-C: a Safeguard server then seals its audit entries) and waits; after
    /// 30 seconds SIGTERM, after 60 SIGKILL, so a benchmark never hangs on a process that will not stop.
    public static func stop(_ pid: pid_t) {
        kill(pid, SIGINT)
        let started = Date()
        var status: Int32 = 0
        var escalated = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            let waited = Date().timeIntervalSince(started)
            if waited > 30, escalated == 0 {
                kill(pid, SIGTERM)
                escalated = 1
            }
            if waited > 60, escalated == 1 {
                kill(pid, SIGKILL)
                escalated = 2
            }
            usleep(50_000)
        }
    }

    /// Runs a tool to its end; throws with what it said if it failed.
    public static func run(_ path: String, _ arguments: [String]) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "safeguard-spawn-\(UUID().uuidString.prefix(8)).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let pid = try start(path, arguments, output: log)
        guard wait(pid) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failed(description: "\((path as NSString).lastPathComponent) failed: \(said.suffix(500))")
        }
    }
}
