import Foundation
import Logging

/// Writes each log event as one JSON object on standard error, for log collectors. What is
/// logged is chosen so that it never holds personal data: route patterns, reference numbers,
/// error types, counts.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [
            "time": Self.timestamp(), "level": event.level.rawValue, "logger": label,
            "message": event.message.description,
        ]
        for (k, v) in self.metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[k] = v.description
        }
        // An error's description can quote the values that caused it, so only its type is logged.
        if let error = event.error { fields["error_type"] = String(reflecting: type(of: error)) }
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }

    private static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }

    /// Installs the handler once per process, at `LOG_LEVEL` (trace … critical) or the default.
    public static func bootstrap(defaultLevel: Logger.Level) {
        let level =
            ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: level) }
    }
}
