import CSV
import Foundation
import SafeguardCore

/// A CSV file read whole, the first row as its header. The parsing (RFC 4180 quoting, CRLF or LF)
/// is CSV.swift's; this adds what the benchmark needs on top: errors that name the file and row,
/// every row as long as the header, and columns looked up by name.
package struct CSVTable: Sendable {
    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    package let header: [String]
    package let rows: [[String]]

    package init(contentsOf url: URL) throws {
        // Read whole, then parsed from memory: CSV.swift's stream reader gave up on a 90 MB file here.
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw Problem(description: "cannot read \(url.path): \(error.localizedDescription)")
        }
        try self.init(text: text, name: url.lastPathComponent)
    }

    package init(text: String, name: String = "CSV") throws {
        try self.init(reader: { try CSVReader(string: text, hasHeaderRow: true) }, name: name)
    }

    private init(reader make: () throws -> CSVReader, name: String) throws {
        let reader: CSVReader
        do { reader = try make() } catch {
            throw Problem(description: "\(name) is empty or unreadable: no header row (\(error))")
        }
        guard let header = reader.headerRow, !(header.count == 1 && header[0].isEmpty) else {
            throw Problem(description: "\(name) is empty: no header row")
        }
        var rows: [[String]] = []
        while let row = reader.next() {
            guard row.count == header.count else {
                throw Problem(
                    description: "\(name) row \(rows.count + 2) has \(row.count) fields, the header has \(header.count)"
                )
            }
            // Imports are an input like any form: no control characters or bidirectional overrides.
            rows.append(row.map(TypedText.cleaned))
        }
        if let error = reader.error { throw Problem(description: "\(name): \(error)") }
        self.header = header
        self.rows = rows
    }

    /// Position of the named column.
    package func column(_ name: String) throws -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw Problem(description: "no column '\(name)' (columns: \(header.joined(separator: ", ")))")
        }
        return i
    }

    /// A whole CSV document, header first, fields quoted only where CSV.swift finds they need it.
    package static func document(header: [String], rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw Problem(description: "the CSV writer kept no data")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
