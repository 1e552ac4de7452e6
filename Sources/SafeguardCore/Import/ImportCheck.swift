/// One thing wrong with one row of an imported file: the row as a spreadsheet numbers it (the header is
/// row 1), the column, and what to change.
public struct ImportRowProblem: Sendable, Equatable, CustomStringConvertible {
    public let row: Int
    public let field: String
    public let message: String

    public init(row: Int, field: String, message: String) {
        self.row = row
        self.field = field
        self.message = message
    }

    public var description: String { "row \(row), \(field): \(message)" }
}

/// What an import found wrong, gathered from every row before anything is written: a file loads whole or
/// not at all, and one run tells the sender everything to correct, not just the first mistake.
public struct ImportCheck: Sendable, Equatable {
    public private(set) var problems: [ImportRowProblem] = []

    public init() {}

    /// The spreadsheet row of the `index`th data row (0-based): the header is row 1.
    public static func row(_ index: Int) -> Int { index + 2 }

    public mutating func add(row: Int, field: String, _ message: String) {
        problems.append(ImportRowProblem(row: row, field: field, message: message))
    }

    public var isClean: Bool { problems.isEmpty }

    /// Columns a file must have; a missing one is reported against the header row.
    public mutating func requireColumns(_ wanted: [String], in header: [String]) -> [String: Int]? {
        var at: [String: Int] = [:]
        for name in wanted {
            if let i = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == name }) {
                at[name] = i
            } else {
                add(
                    row: 1, field: name,
                    "there is no column called \(name): the header must name \(wanted.joined(separator: ", "))")
            }
        }
        return at.count == wanted.count ? at : nil
    }

    /// The message an operator reads: the file, that nothing was loaded, and each problem on its own line.
    public func report(fileName: String) -> String {
        "\(fileName): nothing was loaded. Correct these and load the file again:\n  "
            + problems.map(\.description).joined(separator: "\n  ")
    }
}
