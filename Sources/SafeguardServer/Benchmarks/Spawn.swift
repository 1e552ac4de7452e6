import Foundation

/// Starting and stopping the processes a benchmark needs (PostgreSQL, Safeguard servers, HAProxy) with posix_spawn
/// and waitpid. Foundation's Process is not used: inside an async command it can miss a child's exit and wait for
/// ever. Output goes to a file, not a pipe, because a server started by a tool (pg_ctl) keeps what it inherited
/// open and a pipe would never end.
public enum Spawn {
    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `path` with `arguments`; standard output and error go to `output`. Returns its process id.
    public static func start(_ path: String, _ arguments: [String], environment: [String: String] = [:], output: URL) throws -> pid_t {
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
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
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

    /// Asks `pid` to stop (SIGINT, as Ctrl-C: a Safeguard server then seals its audit entries) and waits.
    public static func stop(_ pid: pid_t, signal: Int32 = SIGINT) {
        kill(pid, signal)
        wait(pid)
    }

    /// Runs a tool to its end; throws with what it said if it failed.
    public static func run(_ path: String, _ arguments: [String]) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-spawn-\(UUID().uuidString.prefix(8)).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let pid = try start(path, arguments, output: log)
        guard wait(pid) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failed(description: "\((path as NSString).lastPathComponent) failed: \(said.suffix(500))")
        }
    }
}
