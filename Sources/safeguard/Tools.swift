import ArgumentParser
import Foundation
import SafeguardCore

/// `safeguard tools check FILE...`: lets an administrator check a tool definition before
/// uploading it, with the same rules the upload page applies.
struct Tools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools", abstract: "Assessment tool definitions.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check assessment tool definitions (YAML); names each mistake by file, line and reason.")

        @Argument(help: "Definition files to check.")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                guard let data = FileManager.default.contents(atPath: file),
                    let text = String(data: data, encoding: .utf8)
                else {
                    print("\(file): cannot be read as UTF-8 text")
                    failed = true
                    continue
                }
                do {
                    let tool = try ToolDefinition.parse(text)
                    print(
                        "\(file): ok: \(tool.title), '\(tool.key)' version \(tool.version), \(tool.sections.flatMap(\.questions).count) questions"
                    )
                } catch {
                    print("\(file): \(error)")
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
