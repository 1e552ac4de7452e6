import Foundation

/// The definitions that ship in Resources/tools (Bundle.module, subdirectory "Resources/tools"),
/// sorted by file name. A partnership starts with these and uploads revisions as new versions.
public enum ShippedTools {
    public static func sources() throws -> [(file: String, text: String)] {
        // Paths rather than URLs: `urls(forResourcesWithExtension:)` returns NSURL on Linux.
        let urls = Bundle.module.paths(forResourcesOfType: "yaml", inDirectory: "Resources/tools")
            .map { URL(fileURLWithPath: $0) }
        guard !urls.isEmpty else {
            throw ShippedToolError(file: "Resources/tools", problem: "no tool definitions were found in the bundle")
        }
        return try urls.sorted { $0.lastPathComponent < $1.lastPathComponent }.map { url in
            do {
                return (url.lastPathComponent, try String(contentsOf: url, encoding: .utf8))
            } catch {
                throw ShippedToolError(file: url.lastPathComponent, problem: "cannot be read as UTF-8 text")
            }
        }
    }

    /// Parses each shipped definition; a failure names the file as well as the line.
    public static func all() throws -> [AssessmentTool] {
        try sources().map { source in
            do {
                return try ToolDefinition.parse(source.text)
            } catch let error as ToolDefinitionError {
                throw ShippedToolError(file: source.file, problem: error.description)
            }
        }
    }
}

/// A shipped definition that cannot be loaded: a fault in the release, not in anyone's data.
public struct ShippedToolError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let problem: String
    public var description: String { "\(file): \(problem)" }
}
