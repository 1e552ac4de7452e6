import SafeguardCore
import Vapor

/// Every CSV download the site offers: the first line is the header. Cells that a spreadsheet would run as a
/// formula get a leading apostrophe (CSV injection), and the file name is made safe for the header.
enum CSVDownload {
    static func response(_ lines: [[String]], filename: String) throws -> Response {
        guard let header = lines.first else { throw Abort(.internalServerError) }
        let text = try CSVTable.document(header: header.map(safe), rows: lines.dropFirst().map { $0.map(safe) })
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(TrainingAttendanceController.safeFilename(filename))\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    static func safe(_ cell: String) -> String {
        guard let first = cell.first, "=+-@\t\r".contains(first) else { return cell }
        // Negative numbers are numbers, not formulas.
        if first == "-", Double(cell) != nil { return cell }
        return "'" + cell
    }
}
