/// A definition file that cannot be used, with where and why. The reason is written for the
/// administrator editing the file: it says what is wrong and what to write instead.
public struct ToolDefinitionError: Error, Equatable, CustomStringConvertible {
    /// 1-based line in the file.
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
