import Foundation

/// A stored value no version of Safeguard wrote (a workflow state or a listed kind it does not know). It is a fault to
/// fix in the data, never read as some other value: the error page gives the user a reference and the log names the
/// table, column and row, never the value.
struct StoredValueError: Error, CustomStringConvertible {
    var table: String
    var column: String
    var id: UUID?

    var description: String {
        "\(table).\(column) of row \(id?.uuidString ?? "?") holds a value Safeguard does not know"
    }
}
